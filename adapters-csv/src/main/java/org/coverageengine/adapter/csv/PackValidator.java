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
    private final Map<String, PolicyRows> policies = new LinkedHashMap<>();
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
            if (policies.containsKey(value.policy())) {
                problem(row.row().error("policy", "duplicate policy '" + value.policy() + "' (a pack holds one version of each policy)"));
                continue;
            }
            policies.put(value.policy(), new PolicyRows(row));
            if (validPolicies.contains(row)) {
                ok(() -> PackValues.lines(row.row(), "lines_of_business", value.linesOfBusiness()));
                ok(() -> PackValues.date(row.row(), "effective", value.effective()));
                ok(() -> PackValues.date(row.row(), "next_review", value.nextReview()));
            }
        }
        for (Bound<ReferralRow> row : rows(t.referrals())) {
            policy(row.row(), row.value().policy()).filter(p -> ok(() -> PackValues.lines(row.row(), "line_of_business",
                    row.value().lineOfBusiness()))).ifPresent(p -> p.referrals.add(row));
        }
        for (Bound<RevisionRow> row : rows(t.revisions())) {
            policy(row.row(), row.value().policy()).filter(p -> ok(() -> PackValues.date(row.row(), "date", row.value().date())))
                    .ifPresent(p -> p.revisions.add(row));
        }
        Set<Bound<GroupRow>> validGroups = identitySet(rows(t.groups()));
        for (Bound<GroupRow> row : t.groups().rows()) {
            policy(row.row(), row.value().policy()).ifPresent(p -> group(p, row, validGroups.contains(row)));
        }
        List<Bound<GroupCodeRow>> groupCodes = groupCodes(t.groupCodes(), t.groups().unreadable());
        Set<Bound<CriteriaRow>> validCriteria = identitySet(rows(t.criteria()));
        for (Bound<CriteriaRow> row : t.criteria().rows()) {
            policy(row.row(), row.value().policy()).ifPresent(p -> criterion(p, row));
        }
        for (Bound<StatementRow> row : rows(t.statements())) {
            policy(row.row(), row.value().policy()).ifPresent(p -> p.statements.add(row));
        }
        if (!t.groups().unreadable() && !t.criteria().unreadable()) {
            policies.values().forEach(p -> crossReferences(p, validCriteria));
        }
        return new CheckedPack(pack, policies, groupCodes, codes(t.codes()), List.copyOf(problems));
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
            Optional<PolicyRows> policy = policy(row.row(), value.policy());
            if (policy.isEmpty()) {
                continue;
            }
            List<Bound<GroupCodeRow>> members = policy.get().groupCodes.get(value.group());
            if (members == null) {
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
            Integer first = firstLines.computeIfAbsent(value.policy() + "\u0000" + value.group(), g -> new HashMap<>())
                    .putIfAbsent(code.get().toString(), row.row().line());
            if (first != null) {
                problem(row.row().error("code", "duplicate code " + code.get() + " in group " + value.group() + " (first listed at line " + first + ")"));
                continue;
            }
            members.add(row);
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
        List<Bound<CodeRow>> valid = new ArrayList<>();
        for (Bound<CodeRow> row : rows(table)) {
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

    private Optional<PolicyRows> policy(CsvTable.Row row, String number) {
        PolicyRows policy = policies.get(number);
        if (policy == null && policiesRead) {
            problem(row.error("policy", "unknown policy '" + Quoted.prefix(number) + "' (define it in " + PackReader.POLICIES + ")"));
        }
        return Optional.ofNullable(policy);
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
