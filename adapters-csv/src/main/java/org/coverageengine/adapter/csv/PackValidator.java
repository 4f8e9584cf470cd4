package org.coverageengine.adapter.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.coverageengine.adapter.csv.CheckedPack.PolicyRows;
import org.coverageengine.adapter.csv.PackRows.CodeRow;
import org.coverageengine.adapter.csv.PackRows.CriteriaRow;
import org.coverageengine.adapter.csv.PackRows.GroupCodeRow;
import org.coverageengine.adapter.csv.PackRows.GroupRow;
import org.coverageengine.adapter.csv.PackRows.PackRow;
import org.coverageengine.adapter.csv.PackRows.PolicyRow;
import org.coverageengine.adapter.csv.PackRows.ReferralRow;
import org.coverageengine.adapter.csv.PackRows.RevisionRow;
import org.coverageengine.adapter.csv.PackRows.StatementRow;
import org.coverageengine.adapter.csv.PackTables.Table;
import org.coverageengine.adapter.csv.RowBinding.Bound;
import org.coverageengine.domain.code.Code;

/**
 * Checks a pack's rows and collects every problem, in the order a reader of the pack would meet them (file by
 * file, then each policy's cross-references, then the curated codes). A row with a bad value still names its
 * policy, group or criterion, so rows referring to it are not reported again; references into a file that could
 * not be read are not checked at all.
 */
final class PackValidator {

    private final List<ImportProblem> problems = new ArrayList<>();
    private final boolean checkRows;
    /** Every version's rows, keyed by policy number and effective date. */
    private final Map<String, PolicyRows> policies = new LinkedHashMap<>();
    /** The versions of each policy number, in file order. */
    private final Map<String, List<PolicyRows>> versions = new LinkedHashMap<>();
    private boolean policiesRead;

    private PackValidator(boolean checkRows) {
        this.checkRows = checkRows;
    }

    static CheckedPack check(PackTables tables) {
        return new PackValidator(tables.checkRows()).run(tables);
    }

    private CheckedPack run(PackTables t) {
        if (!t.manifest().isEmpty()) {
            // The files are not the set the manifest describes: anything more would describe a pack nobody wrote.
            return new CheckedPack(null, Map.of(), List.of(), List.of(), t.manifest());
        }
        PackRow pack = pack(t.pack());
        policiesRead = !t.policies().unreadable();
        Set<Bound<PolicyRow>> validPolicies = identitySet(rows(t.policies()));
        for (Bound<PolicyRow> row : t.policies().rows()) {
            PolicyRow value = row.value();
            if (policies.containsKey(versionKey(value.policy(), value.effective()))) {
                problem(row.row().error("effective", "duplicate policy '" + value.policy() + "' version effective " + value.effective()
                        + " (each version of a policy has its own effective date)"));
                continue;
            }
            PolicyRows version = new PolicyRows(row);
            policies.put(versionKey(value.policy(), value.effective()), version);
            versions.computeIfAbsent(value.policy(), n -> new ArrayList<>()).add(version);
            if (validPolicies.contains(row)) {
                ok(() -> PackValues.lines(row.row(), "lines_of_business", value.linesOfBusiness()));
                ok(() -> PackValues.range(row.row(), value.effective(), value.termination()));
                ok(() -> PackValues.date(row.row(), "next_review", value.nextReview()));
            }
        }
        for (Bound<ReferralRow> row : rows(t.referrals())) {
            if (ok(() -> PackValues.lines(row.row(), "line_of_business", row.value().lineOfBusiness()))) {
                versions(row.row(), row.value().policy(), row.value().version()).forEach(p -> p.referrals.add(row));
            }
        }
        for (Bound<RevisionRow> row : rows(t.revisions())) {
            if (ok(() -> PackValues.date(row.row(), "date", row.value().date()))) {
                versions(row.row(), row.value().policy(), "").forEach(p -> p.revisions.add(row));
            }
        }
        Set<Bound<GroupRow>> validGroups = identitySet(rows(t.groups()));
        for (Bound<GroupRow> row : t.groups().rows()) {
            versions(row.row(), row.value().policy(), row.value().version()).forEach(p -> group(p, row, validGroups.contains(row)));
        }
        List<Bound<GroupCodeRow>> groupCodes = groupCodes(t.groupCodes(), t.groups().unreadable());
        Set<Bound<CriteriaRow>> validCriteria = identitySet(rows(t.criteria()));
        for (Bound<CriteriaRow> row : t.criteria().rows()) {
            versions(row.row(), row.value().policy(), row.value().version()).forEach(p -> criterion(p, row));
        }
        for (Bound<StatementRow> row : rows(t.statements())) {
            versions(row.row(), row.value().policy(), row.value().version()).forEach(p -> p.statements.add(row));
        }
        if (!t.groups().unreadable() && !t.criteria().unreadable()) {
            policies.values().forEach(p -> crossReferences(p, validCriteria));
        }
        List<Bound<CodeRow>> codes = codes(t.codes());
        // A row shared by several versions is checked once per version; its problem is reported once.
        return new CheckedPack(pack, policies, groupCodes, codes, List.copyOf(new LinkedHashSet<>(problems)));
    }

    private PackRow pack(Table<PackRow> table) {
        List<Bound<PackRow>> rows = rows(table);
        if (table.unreadable() || rows.size() != table.rows().size()) {
            return null;
        }
        if (rows.size() != 1) {
            problem(new ImportException(table.file(), rows.isEmpty() ? 1 : rows.get(1).row().line(), 0,
                    "pack.csv must hold exactly one row (pack_id, version, title), found " + rows.size()));
            return null;
        }
        return rows.get(0).value();
    }

    private void group(PolicyRows policy, Bound<GroupRow> row, boolean valid) {
        GroupRow value = row.value();
        if (policy.groups.containsKey(value.group())) {
            problem(row.row().error("group", "duplicate group '" + value.group() + "' in policy " + value.policy()));
            return;
        }
        policy.groups.put(value.group(), row);
        policy.groupCodes.put(value.group(), new ArrayList<>());
        if (!valid) {
            return;
        }
        boolean hasSystem = !value.patternSystem().isEmpty();
        boolean hasPrefix = !value.patternPrefix().isEmpty();
        if (hasSystem != hasPrefix) {
            problem(row.row().error(hasSystem ? "pattern_prefix" : "pattern_system", "a pattern group needs both pattern_system and pattern_prefix"));
        } else if (hasSystem) {
            ok(() -> PackValues.system(row.row(), "pattern_system", value.patternSystem()));
        }
    }

    private List<Bound<GroupCodeRow>> groupCodes(Table<GroupCodeRow> table, boolean groupsUnreadable) {
        List<Bound<GroupCodeRow>> valid = new ArrayList<>();
        Map<String, Map<String, Integer>> firstLines = new HashMap<>();
        for (Bound<GroupCodeRow> row : rows(table)) {
            GroupCodeRow value = row.value();
            List<PolicyRows> owners = versions(row.row(), value.policy(), value.version());
            if (owners.isEmpty()) {
                continue;
            }
            List<List<Bound<GroupCodeRow>>> memberLists = new ArrayList<>();
            for (PolicyRows owner : owners) {
                List<Bound<GroupCodeRow>> list = owner.groupCodes.get(value.group());
                if (list != null) {
                    memberLists.add(list);
                }
            }
            if (memberLists.size() < owners.size()) {
                if (!groupsUnreadable) {
                    problem(row.row().error("group", "unknown group '" + Quoted.prefix(value.group()) + "' of policy " + value.policy()
                            + " (define it in " + PackReader.GROUPS + ")"));
                }
                continue;
            }
            if (!ok(() -> PackValues.range(row.row(), value.effective(), value.termination()))) {
                continue;
            }
            Optional<Object> code = attempt(() -> PackValues.isSpan(value.code())
                    ? PackValues.span(row.row(), PackValues.system(row.row(), "system", value.system()), value.code(),
                            PackValues.range(row.row(), value.effective(), value.termination()))
                    : PackValues.code(row.row(), PackValues.system(row.row(), "system", value.system()), value.code()));
            if (code.isEmpty()) {
                continue;
            }
            Integer first = null;
            for (PolicyRows owner : owners) {
                Integer clash = firstLines.computeIfAbsent(versionKey(owner.number(), owner.row.value().effective()) + "\u0000" + value.group(),
                        g -> new HashMap<>()).putIfAbsent(code.get().toString(), row.row().line());
                first = first == null ? clash : first;
            }
            if (first != null) {
                problem(row.row().error("code", "duplicate code " + code.get() + " in group " + value.group() + " (first listed at line " + first + ")"));
                continue;
            }
            memberLists.forEach(members -> members.add(row));
            valid.add(row);
        }
        return valid;
    }

    private void criterion(PolicyRows policy, Bound<CriteriaRow> row) {
        for (Map<String, Bound<CriteriaRow>> set : policy.criteria.values()) {
            if (set.containsKey(row.value().code())) {
                problem(row.row().error("code", "duplicate criterion '" + row.value().code() + "' in policy " + row.value().policy()));
                return;
            }
        }
        policy.criteria.computeIfAbsent(row.value().criteriaSet(), s -> new LinkedHashMap<>()).put(row.value().code(), row);
    }

    /** The checks that need all of a policy's rows: ancillary groups, criteria trees, statements in precedence order. */
    private void crossReferences(PolicyRows policy, Set<Bound<CriteriaRow>> validCriteria) {
        Set<String> groups = policy.groups.keySet();
        for (String group : new LinkedHashSet<>(PackValues.list(policy.row.value().ancillaryGroups()))) {
            if (!groups.contains(group)) {
                problem(policy.row.row().error("ancillary_groups", "unknown group '" + group + "' (define it in " + PackReader.GROUPS + ")"));
            }
        }
        policy.criteria.forEach((set, rows) -> {
            if (rows.values().stream().allMatch(validCriteria::contains)) {
                ok(() -> PackParts.criteriaTree(set, rows));
            }
        });
        List<Bound<StatementRow>> ordered = new ArrayList<>(policy.statements);
        ordered.sort(Comparator.comparingInt(b -> Integer.parseInt(b.value().order())));
        Map<Integer, Integer> orders = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Bound<StatementRow> bound : ordered) {
            Integer clash = orders.putIfAbsent(Integer.parseInt(bound.value().order()), bound.row().line());
            if (clash != null) {
                problem(bound.row().error("order", "two statements of policy " + policy.number() + " share order " + bound.value().order()
                        + " (the other is at line " + clash + "): precedence must be unambiguous"));
            } else if (!ids.add(bound.value().id())) {
                problem(bound.row().error("id", "duplicate statement id '" + bound.value().id() + "' in policy " + policy.number()));
            } else {
                ok(() -> PackParts.statement(bound, groups, policy.criteria.keySet()));
            }
        }
    }

    private List<Bound<CodeRow>> codes(Table<CodeRow> table) {
        Set<Code> curated = new HashSet<>();
        Set<String> patterns = new HashSet<>();
        List<Bound<CodeRow>> valid = new ArrayList<>();
        for (Bound<CodeRow> row : rows(table)) {
            if (PackParts.isPatternRow(row.value())) {
                attempt(() -> PackParts.patternFacts(row)).ifPresent(facts -> {
                    if (patterns.add(facts.system() + " " + facts.prefix())) {
                        valid.add(row);
                    } else {
                        problem(row.row().error("code", "duplicate pattern " + facts.prefix() + "* in " + PackReader.CODES));
                    }
                });
                continue;
            }
            attempt(() -> PackParts.codeEntry(row)).ifPresent(entry -> {
                if (curated.add(entry.code())) {
                    valid.add(row);
                } else {
                    problem(row.row().error("code", "duplicate code " + entry.code() + " in " + PackReader.CODES));
                }
            });
        }
        return valid;
    }

    /** The rows of a table that pass their own constraints; the table's failure or each row's violations become problems. */
    private <R> List<Bound<R>> rows(Table<R> table) {
        if (table.unreadable()) {
            problems.add(table.failure());
            return List.of();
        }
        if (!checkRows) {
            return table.rows();
        }
        List<Bound<R>> valid = new ArrayList<>(table.rows().size());
        for (Bound<R> row : table.rows()) {
            List<ImportProblem> violations = RowBinding.violations(row);
            if (violations.isEmpty()) {
                valid.add(row);
            } else {
                problems.addAll(violations);
            }
        }
        return valid;
    }

    private static <T> Set<T> identitySet(List<T> items) {
        Set<T> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(items);
        return set;
    }

    private static String versionKey(String number, String effective) {
        return number + "@" + effective;
    }

    /** The versions a row belongs to: the one its version column names, or every version of its policy when empty. */
    private List<PolicyRows> versions(CsvTable.Row row, String number, String version) {
        List<PolicyRows> all = versions.get(number);
        if (all == null) {
            if (policiesRead) {
                problem(row.error("policy", "unknown policy '" + Quoted.prefix(number) + "' (define it in " + PackReader.POLICIES + ")"));
            }
            return List.of();
        }
        if (version == null || version.isEmpty()) {
            return all;
        }
        PolicyRows named = policies.get(versionKey(number, version));
        if (named == null) {
            List<String> dates = new ArrayList<>();
            all.forEach(p -> dates.add(p.row.value().effective()));
            problem(row.error("version", "policy " + number + " has no version effective " + Quoted.prefix(version) + " (its versions: "
                    + String.join(", ", dates) + ")"));
            return List.of();
        }
        return List.of(named);
    }

    private boolean ok(Supplier<?> check) {
        try {
            check.get();
            return true;
        } catch (ImportException e) {
            problems.addAll(e.problems());
            return false;
        }
    }

    private <T> Optional<T> attempt(Supplier<T> check) {
        try {
            return Optional.of(check.get());
        } catch (ImportException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }

    private void problem(ImportException e) {
        problems.addAll(e.problems());
    }
}
