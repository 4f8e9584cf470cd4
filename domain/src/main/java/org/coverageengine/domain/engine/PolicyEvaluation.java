package org.coverageengine.domain.engine;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.LineFacts;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.port.out.CodeCatalog;

/**
 * Applies one policy version to every line of one request. Group membership of each line is computed once;
 * conditions then read it from arrays, so the cost per line does not grow with the size of the code lists.
 */
final class PolicyEvaluation {

    private final Policy policy;
    private final List<ParsedLine> lines;
    private final List<Code> requestDiagnoses;
    private final LocalDate date;
    private final LineOfBusiness lob;
    private final Set<String> attested;
    private final CodeCatalog catalog;
    private final Map<String, CodeGroup> groups;
    private final Set<String>[] lineGroups;
    private final Finding[] memo;

    @SuppressWarnings("unchecked")
    PolicyEvaluation(Policy policy, List<ParsedLine> lines, List<Code> requestDiagnoses, LocalDate date, LineOfBusiness lob,
            Set<String> attested, CodeCatalog catalog) {
        this.policy = policy;
        this.lines = lines;
        this.requestDiagnoses = requestDiagnoses;
        this.date = date;
        this.lob = lob;
        this.attested = attested;
        this.catalog = catalog;
        this.groups = policy.groups();
        this.lineGroups = new Set[lines.size()];
        this.memo = new Finding[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Code code = lines.get(i).code();
            Set<String> in = Set.of();
            if (code != null) {
                for (Map.Entry<String, CodeGroup> group : groups.entrySet()) {
                    if (group.getValue().contains(code, date)) {
                        if (in.isEmpty()) {
                            in = new HashSet<>(4);
                        }
                        in.add(group.getKey());
                    }
                }
            }
            lineGroups[i] = in;
        }
    }

    /** True when the policy's groups hold the line's code on the date. */
    boolean touches(int index) {
        return !lineGroups[index].isEmpty();
    }

    /** What the policy decides for the line, or empty when no deciding statement applies. */
    Optional<Finding> evaluate(int index) {
        return Optional.ofNullable(evaluate(index, new HashSet<>()));
    }

    private Finding evaluate(int index, Set<Integer> following) {
        if (memo[index] != null) {
            return memo[index];
        }
        if (lineGroups[index].isEmpty()) {
            return null;
        }
        Facts facts = new Facts(index);
        Integer allowed = null;
        boolean priorAuth = false;
        List<String> annotationReasons = new ArrayList<>();
        List<Citation> annotationCitations = new ArrayList<>();
        for (Statement statement : policy.statements()) {
            if (!statement.effect().decides() && applies(statement, index, facts)) {
                if (statement.effect() instanceof Effect.LimitUnits limit) {
                    allowed = allowed == null ? limit.units() : Math.min(allowed, limit.units());
                    int requested = lines.get(index).line().quantity();
                    String excess = requested > limit.units()
                            ? " " + requested + " units requested; the " + (requested - limit.units()) + " unit(s) above the limit are not covered."
                            : "";
                    annotationReasons.add(prefix() + statement.reason() + excess);
                } else {
                    priorAuth = true;
                    annotationReasons.add(prefix() + statement.reason());
                }
                annotationCitations.add(cite(statement, index));
            }
        }
        Finding decided = null;
        for (Statement statement : policy.statements()) {
            if (statement.effect().decides() && applies(statement, index, facts)) {
                decided = decide(statement, index, following);
                if (decided != null) {
                    break;
                }
            }
        }
        if (decided == null) {
            return null;
        }
        Finding finding = new Finding(decided.outcome(),
                ImmutableList.<String>builder().addAll(decided.reasons()).addAll(annotationReasons).build(),
                ImmutableList.<Citation>builder().addAll(decided.citations()).addAll(annotationCitations).build(),
                decided.criteria(),
                minUnits(allowed, decided.allowedUnits()),
                priorAuth || decided.priorAuthorization());
        if (following.isEmpty()) {
            memo[index] = finding;
        }
        return finding;
    }

    private static Integer minUnits(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    private boolean applies(Statement statement, int index, Facts facts) {
        if (!statement.appliesTo(lob)) {
            return false;
        }
        boolean inLineGroup = false;
        for (String group : statement.lineGroups()) {
            if (lineGroups[index].contains(group)) {
                inLineGroup = true;
                break;
            }
        }
        return inLineGroup && statement.conditionsHold(facts);
    }

    private Finding decide(Statement statement, int index, Set<Integer> following) {
        Effect effect = statement.effect();
        Citation citation = cite(statement, index);
        if (effect instanceof Effect.Decide decide) {
            return new Finding(decide.outcome(), List.of(prefix() + statement.reason()), List.of(citation), List.of(), null, false);
        }
        if (effect instanceof Effect.RequireCriteria require) {
            CriteriaNode tree = policy.criteriaSets().get(require.criteriaSet());
            boolean met = tree.metBy(attested);
            List<Criterion> criteria = new ArrayList<>();
            flatten(tree, criteria);
            String verdict = met ? " Every criterion is attested as met." : " Document that the criteria listed are met.";
            return new Finding(met ? Outcome.COVERED : Outcome.CONDITIONAL, List.of(prefix() + statement.reason() + verdict),
                    List.of(citation), criteria, null, false);
        }
        if (effect instanceof Effect.FollowGroup follow) {
            int leader = firstOtherLineIn(follow.group(), index);
            if (leader < 0 || following.contains(leader)) {
                return null;
            }
            following.add(index);
            Finding led = evaluate(leader, following);
            following.remove(index);
            if (led == null) {
                return null;
            }
            ParsedLine leaderLine = lines.get(leader);
            String reason = prefix() + statement.reason() + " It follows line " + leaderLine.line().sequence() + " ("
                    + leaderLine.code() + "), which is " + led.outcome().code() + ".";
            return new Finding(led.outcome(), ImmutableList.<String>builder().add(reason).addAll(led.reasons()).build(),
                    ImmutableList.<Citation>builder().add(citation).addAll(led.citations()).build(), led.criteria(), null,
                    led.priorAuthorization());
        }
        throw new IllegalStateException("not a deciding effect: " + effect);
    }

    /** Lists the criteria under the root: each node once, saying how it counts (required, or one of several). */
    private void flatten(CriteriaNode root, List<Criterion> into) {
        for (CriteriaNode child : root.children()) {
            flatten(child, childRequirement(root, "required"), into);
        }
    }

    private void flatten(CriteriaNode node, String requirement, List<Criterion> into) {
        String how = switch (node.combinator()) {
            case ANY -> requirement + "; met by any one of the criteria under it";
            case ALL -> requirement + "; met when all the criteria under it are met";
            case LEAF -> requirement;
        };
        into.add(new Criterion(node.code(), node.text(), how, node.metBy(attested)));
        for (CriteriaNode child : node.children()) {
            flatten(child, childRequirement(node, requirement), into);
        }
    }

    private static String childRequirement(CriteriaNode parent, String parentRequirement) {
        if (parent.combinator() == CriteriaNode.Combinator.ANY) {
            return "one of " + parent.code();
        }
        return "required".equals(parentRequirement) ? "required" : "all of " + parent.code();
    }

    private String prefix() {
        return "Policy " + policy.number() + " (" + policy.title() + "): ";
    }

    private Citation cite(Statement statement, int index) {
        ParsedLine line = lines.get(index);
        StringBuilder trigger = new StringBuilder();
        trigger.append(line.code()).append(" is in ");
        List<String> mine = new ArrayList<>();
        for (String group : statement.lineGroups()) {
            if (lineGroups[index].contains(group)) {
                mine.add(group + " (" + groups.get(group).title() + ")");
            }
        }
        trigger.append(String.join(", ", mine));
        for (Condition condition : statement.conditions()) {
            String why = explain(condition, index);
            if (!why.isEmpty()) {
                trigger.append("; ").append(why);
            }
        }
        return new Citation(policy.number(), policy.title(), policy.effectiveDate(), statement.section(), statement.id(),
                trigger.toString());
    }

    private String explain(Condition condition, int index) {
        if (condition instanceof Condition.RequestHasGroup has) {
            return "the request has " + codesIn(has.group(), index, false) + " in " + has.group();
        }
        if (condition instanceof Condition.EarlierLineInGroup earlier) {
            return "an earlier line has " + codesIn(earlier.group(), index, true) + " in " + earlier.group();
        }
        if (condition instanceof Condition.DiagnosesAllIn dx) {
            return "every diagnosis (" + joinCodes(diagnosesOf(index)) + ") is in " + String.join(" or ", dx.groups());
        }
        if (condition instanceof Condition.RequestHasPrimaryProcedure) {
            List<Code> primaries = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (i != index && isPrimary(i)) {
                    primaries.add(lines.get(i).code());
                }
            }
            return "primary procedure " + joinCodes(primaries);
        }
        return condition.describe();
    }

    private String codesIn(String group, int index, boolean earlierOnly) {
        List<Code> codes = new ArrayList<>();
        int end = earlierOnly ? index : lines.size();
        for (int i = 0; i < end; i++) {
            if (i != index && lineGroups[i].contains(group)) {
                codes.add(lines.get(i).code());
            }
        }
        return joinCodes(codes);
    }

    private static String joinCodes(List<Code> codes) {
        List<String> values = new ArrayList<>(codes.size());
        codes.forEach(c -> values.add(c.value()));
        return String.join(", ", values);
    }

    private int firstOtherLineIn(String group, int index) {
        for (int i = 0; i < lines.size(); i++) {
            if (i != index && lineGroups[i].contains(group)) {
                return i;
            }
        }
        return -1;
    }

    private boolean isPrimary(int i) {
        Code code = lines.get(i).code();
        if (code == null || !code.system().isProcedure()) {
            return false;
        }
        for (String ancillary : policy.ancillaryGroups()) {
            if (lineGroups[i].contains(ancillary)) {
                return false;
            }
        }
        Optional<CodeEntry> entry = catalog.entryOn(code, date);
        if (entry.isEmpty()) {
            entry = catalog.latest(code);
        }
        return entry.map(e -> !e.addOn()).orElse(true);
    }

    private List<Code> diagnosesOf(int index) {
        List<Code> own = lines.get(index).diagnoses();
        return own.isEmpty() ? requestDiagnoses : own;
    }

    /** The facts conditions read, for one line. */
    private final class Facts implements LineFacts {
        private final int index;

        Facts(int index) {
            this.index = index;
        }

        @Override
        public boolean otherLineInGroup(String group) {
            return firstOtherLineIn(group, index) >= 0;
        }

        @Override
        public boolean otherLineIsPrimaryProcedure() {
            for (int i = 0; i < lines.size(); i++) {
                if (i != index && isPrimary(i)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean diagnosesAllIn(Set<String> names) {
            List<Code> diagnoses = diagnosesOf(index);
            if (diagnoses.isEmpty()) {
                return false;
            }
            for (Code diagnosis : diagnoses) {
                boolean inAny = false;
                for (String name : names) {
                    if (groups.get(name).contains(diagnosis, date)) {
                        inAny = true;
                        break;
                    }
                }
                if (!inAny) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean earlierLineInGroup(String group) {
            for (int i = 0; i < index; i++) {
                if (lineGroups[i].contains(group)) {
                    return true;
                }
            }
            return false;
        }
    }
}
