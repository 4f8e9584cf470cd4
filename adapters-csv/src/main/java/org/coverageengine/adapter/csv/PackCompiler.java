package org.coverageengine.adapter.csv;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coverageengine.adapter.csv.CheckedPack.PolicyRows;
import org.coverageengine.adapter.csv.PackRows.CodeRow;
import org.coverageengine.adapter.csv.PackRows.GroupCodeRow;
import org.coverageengine.adapter.csv.PackRows.GroupRow;
import org.coverageengine.adapter.csv.PackRows.PolicyRow;
import org.coverageengine.adapter.csv.PackRows.ReferralRow;
import org.coverageengine.adapter.csv.PackRows.RevisionRow;
import org.coverageengine.adapter.csv.PackRows.StatementRow;
import org.coverageengine.adapter.csv.RowBinding.Bound;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodePatternFacts;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.CodePattern;
import org.coverageengine.domain.policy.CodeRange;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Revision;
import org.coverageengine.domain.policy.Statement;

/** Turns a pack's validated rows into domain values: policies (groups, criteria, statements) and catalog entries. */
final class PackCompiler {

    private PackCompiler() {
    }

    /** What a pack holds, compiled. */
    record CompiledPack(String packId, String version, List<Policy> policies, List<CodeEntry> codes, List<CodePatternFacts> patternFacts) {
    }

    /** Compiles a pack the validator found no problem in. */
    static CompiledPack compile(CheckedPack pack) {
        if (!pack.problems().isEmpty()) {
            throw new IllegalArgumentException("compile only a pack without problems");
        }
        List<Policy> policies = new ArrayList<>();
        for (PolicyRows rows : pack.policies().values()) {
            policies.add(policy(rows));
        }
        // Curated entries first, so their texts win when merged with the policies' code-list descriptions.
        List<CodeEntry> codes = new ArrayList<>();
        List<CodePatternFacts> patternFacts = new ArrayList<>();
        for (Bound<CodeRow> row : pack.codes()) {
            if (PackParts.isPatternRow(row.value())) {
                patternFacts.add(PackParts.patternFacts(row));
            } else {
                codes.add(PackParts.codeEntry(row));
            }
        }
        for (Bound<GroupCodeRow> row : pack.groupCodes()) {
            GroupCodeRow value = row.value();
            if (!value.description().isEmpty() && !PackValues.isSpan(value.code())) {
                codes.add(CodeEntry.builder(code(row)).longDescription(value.description())
                        .validity(PackValues.range(row.row(), value.effective(), value.termination()))
                        .addOn(AddOnWording.marks(value.description()))
                        .source("policy " + value.policy() + " code list " + value.group()).build());
            }
        }
        return new CompiledPack(pack.pack().packId(), pack.pack().version(), ImmutableList.copyOf(policies), ImmutableList.copyOf(codes),
                ImmutableList.copyOf(patternFacts));
    }

    private static Policy policy(PolicyRows rows) {
        PolicyRow row = rows.row.value();
        CsvTable.Row at = rows.row.row();
        Map<String, CodeGroup> groups = new LinkedHashMap<>();
        rows.groups.forEach((name, group) -> groups.put(name, group(name, group, rows.groupCodes.get(name))));
        Map<String, CriteriaNode> criteriaSets = new LinkedHashMap<>();
        rows.criteria.forEach((set, criteria) -> criteriaSets.put(set, PackParts.criteriaTree(set, criteria)));
        List<Bound<StatementRow>> ordered = new ArrayList<>(rows.statements);
        ordered.sort(Comparator.comparingInt(b -> Integer.parseInt(b.value().order())));
        List<Statement> statements = new ArrayList<>();
        for (Bound<StatementRow> bound : ordered) {
            statements.add(PackParts.statement(bound, groups.keySet(), criteriaSets.keySet()));
        }
        Map<LineOfBusiness, String> referrals = new LinkedHashMap<>();
        for (Bound<ReferralRow> referral : rows.referrals) {
            referrals.put(PackValues.lines(referral.row(), "line_of_business", referral.value().lineOfBusiness()).iterator().next(),
                    referral.value().note());
        }
        List<Revision> revisions = new ArrayList<>();
        for (Bound<RevisionRow> revision : rows.revisions) {
            RevisionRow value = revision.value();
            revisions.add(new Revision(PackValues.date(revision.row(), "date", value.date()), value.type(), value.summary()));
        }
        Set<String> ancillary = new LinkedHashSet<>(PackValues.list(row.ancillaryGroups()));
        try {
            return new Policy(row.policy(), row.title(), row.payer(), PackValues.date(at, "effective", row.effective()),
                    PackValues.date(at, "termination", row.termination()), PackValues.date(at, "next_review", row.nextReview()), row.url().isEmpty() ? null : row.url(),
                    PackValues.lines(at, "lines_of_business", row.linesOfBusiness()), referrals, ancillary, PackValues.list(row.related()),
                    revisions, groups, criteriaSets, statements);
        } catch (IllegalArgumentException e) {
            throw at.error("policy", e.getMessage());
        }
    }

    private static CodeGroup group(String name, Bound<GroupRow> bound, List<Bound<GroupCodeRow>> codes) {
        GroupRow row = bound.value();
        Map<Code, DateRange> members = new LinkedHashMap<>();
        List<CodeRange> ranges = new ArrayList<>();
        for (Bound<GroupCodeRow> member : codes) {
            DateRange dates = PackValues.range(member.row(), member.value().effective(), member.value().termination());
            if (PackValues.isSpan(member.value().code())) {
                ranges.add(PackValues.span(member.row(), PackValues.system(member.row(), "system", member.value().system()), member.value().code(), dates));
            } else {
                members.put(code(member), dates);
            }
        }
        List<CodePattern> patterns = row.patternSystem().isEmpty() ? List.of()
                : List.of(new CodePattern(PackValues.system(bound.row(), "pattern_system", row.patternSystem()), row.patternPrefix()));
        return new CodeGroup(name, row.title().isEmpty() ? name : row.title(), row.section(), members, patterns, ranges);
    }

    private static Code code(Bound<GroupCodeRow> row) {
        return PackValues.code(row.row(), PackValues.system(row.row(), "system", row.value().system()), row.value().code());
    }
}
