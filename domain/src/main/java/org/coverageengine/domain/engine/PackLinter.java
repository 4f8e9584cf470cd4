package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coverageengine.domain.authoring.LintFinding;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.port.in.LintPack;
import org.coverageengine.domain.port.out.CodeCatalog;

/**
 * Finds what in a policy is probably an author's mistake, from the policy's data alone (and the catalog for codes):
 * nothing here changes an answer, it only points at rows worth a second look.
 */
public final class PackLinter implements LintPack {

    @Override
    public List<LintFinding> lint(List<Policy> policies, CodeCatalog catalog) {
        List<LintFinding> findings = new ArrayList<>();
        for (Policy policy : policies) {
            codes(policy, catalog, findings);
            unusedGroups(policy, findings);
            statements(policy, findings);
        }
        overlappingVersions(policies, findings);
        return findings;
    }

    private static void codes(Policy policy, CodeCatalog catalog, List<LintFinding> findings) {
        DateRange versionDates = new DateRange(policy.effectiveDate(), policy.endDate());
        for (CodeGroup group : policy.groups().values()) {
            for (Map.Entry<Code, DateRange> member : group.members().entrySet()) {
                Optional<DateRange> listed = versionDates.intersect(member.getValue());
                if (listed.isEmpty()) {
                    // The author ended the code before this version: a history kept on purpose.
                    continue;
                }
                LocalDate date = listed.get().start() == null ? policy.effectiveDate() : listed.get().start();
                Code code = member.getKey();
                if (!catalog.declaresComplete(code.system(), date) || catalog.entryOn(code, date).isPresent()) {
                    continue;
                }
                List<CodeEntry> known = catalog.entries(code);
                String message = known.isEmpty()
                        ? code + " in group " + group.name() + " is unknown to the loaded " + code.system().displayName() + " code set on " + date
                        : code + " in group " + group.name() + " is not valid on " + date + " (the code set has it " + known.get(known.size() - 1).validity()
                                + ")";
                findings.add(new LintFinding(policy.number(), policy.effectiveDate(), known.isEmpty() ? "unknown-code" : "deleted-code", message));
            }
        }
    }

    private static void unusedGroups(Policy policy, List<LintFinding> findings) {
        Set<String> used = new HashSet<>(policy.ancillaryGroups());
        policy.statements().forEach(s -> used.addAll(s.groupsNamed()));
        for (String group : policy.groups().keySet()) {
            if (!used.contains(group)) {
                findings.add(new LintFinding(policy.number(), policy.effectiveDate(), "unused-group",
                        "group " + group + " is named by no statement and is not an ancillary group"));
            }
        }
    }

    private static void statements(Policy policy, List<LintFinding> findings) {
        List<Statement> deciders = new ArrayList<>();
        for (Statement statement : policy.statements()) {
            neverFires(policy, statement).ifPresent(why -> findings.add(new LintFinding(policy.number(), policy.effectiveDate(), "never-fires",
                    "statement " + statement.id() + " can never apply: " + why)));
            if (statement.effect().decides()) {
                for (Statement earlier : deciders) {
                    if (shadows(policy, earlier, statement)) {
                        findings.add(new LintFinding(policy.number(), policy.effectiveDate(), "shadowed", "statement " + statement.id()
                                + " can never decide: the earlier statement " + earlier.id() + " applies to every line it applies to, and decides first"));
                        break;
                    }
                }
                deciders.add(statement);
            }
        }
    }

    private static Optional<String> neverFires(Policy policy, Statement statement) {
        boolean anyCode = statement.lineGroups().stream().map(policy.groups()::get)
                .anyMatch(g -> g != null && (!g.members().isEmpty() || !g.patterns().isEmpty() || !g.ranges().isEmpty()));
        if (!anyCode) {
            return Optional.of("its line groups " + String.join(", ", statement.lineGroups()) + " hold no code");
        }
        if (!statement.linesOfBusiness().isEmpty() && statement.linesOfBusiness().stream().noneMatch(policy.governs()::contains)) {
            return Optional.of("the policy governs none of its lines of business");
        }
        for (Condition condition : statement.conditions()) {
            if (statement.conditions().contains(new Condition.Not(condition))) {
                return Optional.of("it asks both that " + condition.describe() + " and that it does not");
            }
        }
        return Optional.empty();
    }

    /**
     * True when the earlier statement decides every line the later one would: the later one's code groups and lines
     * of business are within the earlier one's, and the earlier one asks no condition the later one does not.
     * Only verdicts that always decide shadow; following another line decides only when that line is there.
     */
    private static boolean shadows(Policy policy, Statement earlier, Statement later) {
        boolean alwaysDecides = earlier.effect() instanceof Effect.Decide || earlier.effect() instanceof Effect.RequireCriteria;
        return alwaysDecides
                && earlier.lineGroups().containsAll(later.lineGroups())
                && lines(policy, earlier).containsAll(lines(policy, later))
                && later.conditions().containsAll(earlier.conditions());
    }

    private static Set<LineOfBusiness> lines(Policy policy, Statement statement) {
        return statement.linesOfBusiness().isEmpty() ? policy.governs() : statement.linesOfBusiness();
    }

    private static void overlappingVersions(List<Policy> policies, List<LintFinding> findings) {
        Map<String, List<Policy>> byNumber = new LinkedHashMap<>();
        policies.forEach(p -> byNumber.computeIfAbsent(p.number(), n -> new ArrayList<>()).add(p));
        for (List<Policy> versions : byNumber.values()) {
            versions.sort(Comparator.comparing(Policy::effectiveDate));
            for (int i = 1; i < versions.size(); i++) {
                Policy before = versions.get(i - 1);
                Policy after = versions.get(i);
                if (before.effectiveDate().equals(after.effectiveDate())) {
                    findings.add(new LintFinding(after.number(), after.effectiveDate(), "overlapping-versions",
                            "two versions take effect on " + after.effectiveDate() + "; which one decides depends on load order"));
                } else if (before.endDate() != null && !before.endDate().isBefore(after.effectiveDate())) {
                    findings.add(new LintFinding(after.number(), after.effectiveDate(), "overlapping-versions", "the version effective "
                            + before.effectiveDate() + " is said to last until " + before.endDate() + ", after this version takes effect"));
                }
            }
        }
    }
}
