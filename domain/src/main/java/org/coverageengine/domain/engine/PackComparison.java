package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.coverageengine.domain.authoring.OutcomeChanges;
import org.coverageengine.domain.authoring.PackDifference;
import org.coverageengine.domain.authoring.SampleRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.port.in.DiffPacks;

/**
 * Compares two sets of policies the way an author reviews a change: which policies and versions came or went, and,
 * between the latest versions of each policy, which codes each group gained or lost and which statements changed; and,
 * given sample requests, which lines' outcomes the change moves.
 */
public final class PackComparison implements DiffPacks {

    @Override
    public List<PackDifference> diff(List<Policy> older, List<Policy> newer) {
        Map<String, List<Policy>> before = byNumber(older);
        Map<String, List<Policy>> after = byNumber(newer);
        List<PackDifference> differences = new ArrayList<>();
        Set<String> numbers = new LinkedHashSet<>(before.keySet());
        numbers.addAll(after.keySet());
        for (String number : numbers) {
            List<Policy> was = before.getOrDefault(number, List.of());
            List<Policy> is = after.getOrDefault(number, List.of());
            if (was.isEmpty() || is.isEmpty()) {
                Policy policy = (was.isEmpty() ? is : was).get(0);
                differences.add(new PackDifference(number, "policy", was.isEmpty() ? "added" : "removed", policy.title()));
                continue;
            }
            versions(number, was, is, differences);
            Policy oldest = was.get(was.size() - 1);
            Policy latest = is.get(is.size() - 1);
            groups(number, oldest, latest, differences);
            statements(number, oldest, latest, differences);
        }
        return differences;
    }

    @Override
    public OutcomeChanges outcomeChanges(DetermineCoverage older, DetermineCoverage newer, List<SampleRequest> requests) {
        List<OutcomeChanges.Change> changes = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int lines = 0;
        for (SampleRequest sample : requests) {
            List<Determination> was;
            List<Determination> is;
            try {
                was = older.determine(sample.request()).determinations();
                is = newer.determine(sample.request()).determinations();
            } catch (IllegalArgumentException e) {
                refused.add(sample.id() + ": " + e.getMessage());
                continue;
            }
            List<RequestedLine> asked = sample.request().lines();
            lines += asked.size();
            for (int i = 0; i < asked.size(); i++) {
                if (was.get(i).outcome() != is.get(i).outcome()) {
                    changes.add(new OutcomeChanges.Change(sample.id(), asked.get(i).sequence(), asked.get(i).procedure().text(),
                            was.get(i).outcome(), is.get(i).outcome()));
                }
            }
        }
        return new OutcomeChanges(requests.size() - refused.size(), lines, changes, refused);
    }

    private static Map<String, List<Policy>> byNumber(List<Policy> policies) {
        Map<String, List<Policy>> byNumber = new LinkedHashMap<>();
        policies.forEach(p -> byNumber.computeIfAbsent(p.number(), n -> new ArrayList<>()).add(p));
        byNumber.values().forEach(v -> v.sort(Comparator.comparing(Policy::effectiveDate)));
        return byNumber;
    }

    private static void versions(String number, List<Policy> was, List<Policy> is, List<PackDifference> differences) {
        Map<LocalDate, Policy> old = was.stream().collect(Collectors.toMap(Policy::effectiveDate, p -> p, (a, b) -> b, LinkedHashMap::new));
        Map<LocalDate, Policy> now = is.stream().collect(Collectors.toMap(Policy::effectiveDate, p -> p, (a, b) -> b, LinkedHashMap::new));
        old.keySet().stream().filter(d -> !now.containsKey(d))
                .forEach(d -> differences.add(new PackDifference(number, "version " + d, "removed", old.get(d).effectiveRange())));
        now.keySet().stream().filter(d -> !old.containsKey(d))
                .forEach(d -> differences.add(new PackDifference(number, "version " + d, "added", now.get(d).effectiveRange())));
        now.keySet().stream().filter(old::containsKey).filter(d -> !Objects.equals(old.get(d).endDate(), now.get(d).endDate()))
                .forEach(d -> differences.add(new PackDifference(number, "version " + d, "changed",
                        "from " + old.get(d).effectiveRange() + " to " + now.get(d).effectiveRange())));
    }

    private static void groups(String number, Policy was, Policy is, List<PackDifference> differences) {
        Set<String> names = new LinkedHashSet<>(was.groups().keySet());
        names.addAll(is.groups().keySet());
        for (String name : names) {
            CodeGroup old = was.groups().get(name);
            CodeGroup now = is.groups().get(name);
            if (old == null || now == null) {
                differences.add(new PackDifference(number, "group " + name, old == null ? "added" : "removed",
                        (old == null ? now : old).size() + " codes"));
                continue;
            }
            Set<String> oldCodes = codes(old);
            Set<String> newCodes = codes(now);
            Set<String> added = new TreeSet<>(newCodes);
            added.removeAll(oldCodes);
            Set<String> removed = new TreeSet<>(oldCodes);
            removed.removeAll(newCodes);
            if (!added.isEmpty()) {
                differences.add(new PackDifference(number, "group " + name, "added", String.join(", ", added)));
            }
            if (!removed.isEmpty()) {
                differences.add(new PackDifference(number, "group " + name, "removed", String.join(", ", removed)));
            }
        }
    }

    private static Set<String> codes(CodeGroup group) {
        Set<String> codes = new TreeSet<>();
        group.members().keySet().forEach(c -> codes.add(c.value()));
        group.ranges().forEach(r -> codes.add(r.toString()));
        group.patterns().forEach(p -> codes.add(p.toString()));
        return codes;
    }

    private static void statements(String number, Policy was, Policy is, List<PackDifference> differences) {
        Map<String, Statement> old = was.statements().stream().collect(Collectors.toMap(Statement::id, s -> s, (a, b) -> a, LinkedHashMap::new));
        Map<String, Statement> now = is.statements().stream().collect(Collectors.toMap(Statement::id, s -> s, (a, b) -> a, LinkedHashMap::new));
        old.keySet().stream().filter(id -> !now.containsKey(id))
                .forEach(id -> differences.add(new PackDifference(number, "statement " + id, "removed", summary(old.get(id)))));
        for (Statement statement : is.statements()) {
            Statement before = old.get(statement.id());
            if (before == null) {
                differences.add(new PackDifference(number, "statement " + statement.id(), "added", summary(statement)));
            } else if (!before.equals(statement)) {
                differences.add(new PackDifference(number, "statement " + statement.id(), "changed", changes(before, statement)));
            }
        }
        List<String> oldOrder = was.statements().stream().map(Statement::id).filter(now::containsKey).toList();
        List<String> newOrder = is.statements().stream().map(Statement::id).filter(old::containsKey).toList();
        if (!oldOrder.equals(newOrder)) {
            differences.add(new PackDifference(number, "statement order", "changed", "now " + String.join(", ", newOrder)));
        }
    }

    private static String summary(Statement statement) {
        return "(" + String.join("|", statement.lineGroups()) + (statement.conditions().isEmpty() ? "" : " when " + conditions(statement))
                + ": " + effect(statement.effect()) + ")";
    }

    private static String changes(Statement was, Statement is) {
        List<String> parts = new ArrayList<>();
        if (!was.lineGroups().equals(is.lineGroups())) {
            parts.add("line groups " + String.join("|", was.lineGroups()) + " -> " + String.join("|", is.lineGroups()));
        }
        if (!was.linesOfBusiness().equals(is.linesOfBusiness())) {
            parts.add("lines of business " + was.linesOfBusiness() + " -> " + is.linesOfBusiness());
        }
        if (!was.conditions().equals(is.conditions())) {
            parts.add("when '" + conditions(was) + "' -> '" + conditions(is) + "'");
        }
        if (!was.effect().equals(is.effect())) {
            parts.add("effect " + effect(was.effect()) + " -> " + effect(is.effect()));
        }
        if (!was.reason().equals(is.reason())) {
            parts.add("reason text");
        }
        if (!was.section().equals(is.section())) {
            parts.add("section '" + was.section() + "' -> '" + is.section() + "'");
        }
        return String.join("; ", parts);
    }

    private static String conditions(Statement statement) {
        return statement.conditions().stream().map(Condition::describe).collect(Collectors.joining(" and "));
    }

    private static String effect(Effect effect) {
        if (effect instanceof Effect.Decide decide) {
            return "decide " + decide.outcome().code();
        }
        if (effect instanceof Effect.RequireCriteria criteria) {
            return "require-criteria " + criteria.criteriaSet();
        }
        if (effect instanceof Effect.FollowGroup follow) {
            return "follow " + follow.group();
        }
        if (effect instanceof Effect.LimitUnits limit) {
            return "limit-units " + limit.units() + " " + limit.describeBasis();
        }
        if (effect instanceof Effect.LimitPerPeriod period) {
            return "limit-period " + period.describe();
        }
        return effect instanceof Effect.RequirePriorAuthorization ? "prior-authorization" : "note";
    }
}
