package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Statement;

/**
 * Applies one policy version to every line of one request. Each line's groups are found once (one hash look-up
 * through the {@link PolicyIndex}); group counts, first lines and primary procedures are then counted once, so every
 * condition is answered in constant time, whatever the size of the code lists or the number of lines.
 */
final class PolicyEvaluation {

    private static final int MAX_FOLLOW_DEPTH = 8;

    private final PolicyIndex index;
    private final List<ParsedLine> lines;
    private final List<Code> requestDiagnoses;
    private final LocalDate date;
    private final LineOfBusiness lob;
    private final Set<String> attested;
    private final long[] lineMasks;
    private final boolean[] primary;
    private final int primaryCount;
    private final int[] groupCount;
    private final int[] firstInGroup;
    private final int[] secondInGroup;
    private final Finding[] memo;
    private Map<String, List<Criterion>> criteriaLists;
    private Map<String, String> followReasons;

    PolicyEvaluation(PolicyIndex index, List<ParsedLine> lines, List<Code> requestDiagnoses, LocalDate date, LineOfBusiness lob,
            Set<String> attested) {
        this.index = index;
        this.lines = lines;
        this.requestDiagnoses = requestDiagnoses;
        this.date = date;
        this.lob = lob;
        this.attested = attested;
        int n = lines.size();
        int groups = index.groupNames.length;
        this.groupCount = new int[groups];
        this.firstInGroup = new int[groups];
        this.secondInGroup = new int[groups];
        this.lineMasks = new long[n];
        this.primary = new boolean[n];
        this.memo = new Finding[n];
        int primaries = 0;
        for (int i = 0; i < n; i++) {
            ParsedLine line = lines.get(i);
            long mask = line.code() == null ? 0 : index.groupsOf(line.code(), date);
            lineMasks[i] = mask;
            long bits = mask;
            while (bits != 0) {
                int g = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (groupCount[g] == 0) {
                    firstInGroup[g] = i;
                } else if (groupCount[g] == 1) {
                    secondInGroup[g] = i;
                }
                groupCount[g]++;
            }
            primary[i] = line.code() != null && line.code().system().isProcedure() && !line.addOn() && (mask & index.ancillaryMask) == 0;
            if (primary[i]) {
                primaries++;
            }
        }
        this.primaryCount = primaries;
    }

    /** What the policy decides for the line, or null when no deciding statement applies. */
    Finding evaluate(int line) {
        return evaluate(line, 0);
    }

    private Finding evaluate(int line, int depth) {
        if (memo[line] != null) {
            return memo[line];
        }
        if (lineMasks[line] == 0 || depth > MAX_FOLLOW_DEPTH) {
            return null;
        }
        PolicyIndex.CompiledStatement[] statements = index.statements;
        Finding decided = null;
        for (PolicyIndex.CompiledStatement statement : statements) {
            if (statement.decides() && applies(statement, line)) {
                decided = decide(statement, line, depth);
                if (decided != null) {
                    break;
                }
            }
        }
        if (decided == null) {
            return null;
        }
        Integer allowed = decided.allowedUnits();
        boolean priorAuth = decided.priorAuthorization();
        List<String> reasons = null;
        List<Citation> citations = null;
        for (PolicyIndex.CompiledStatement statement : statements) {
            if (statement.decides() || !applies(statement, line)) {
                continue;
            }
            if (reasons == null) {
                reasons = new ArrayList<>(decided.reasons());
                citations = new ArrayList<>(decided.citations());
            }
            if (statement.statement().effect() instanceof Effect.LimitUnits limit) {
                allowed = allowed == null ? limit.units() : Math.min(allowed, limit.units());
                int requested = lines.get(line).line().quantity();
                reasons.add(requested > limit.units() ? statement.reason() + " " + requested + " units requested; the "
                        + (requested - limit.units()) + " unit(s) above the limit are not covered." : statement.reason());
            } else {
                priorAuth = true;
                reasons.add(statement.reason());
            }
            citations.add(cite(statement, line));
        }
        Finding finding = reasons == null ? decided
                : new Finding(decided.outcome(), reasons, citations, decided.criteria(), allowed, priorAuth);
        if (depth == 0) {
            memo[line] = finding;
        }
        return finding;
    }

    private boolean applies(PolicyIndex.CompiledStatement statement, int line) {
        if ((statement.lineMask() & lineMasks[line]) == 0 || (statement.linesOfBusiness() & (1L << lob.ordinal())) == 0) {
            return false;
        }
        for (PolicyIndex.Check check : statement.checks()) {
            if (holds(check, line) == check.negated()) {
                return false;
            }
        }
        return true;
    }

    private boolean holds(PolicyIndex.Check check, int line) {
        switch (check.kind()) {
            case OTHER_LINE_IN_GROUPS: {
                int g = Long.numberOfTrailingZeros(check.groups());
                return groupCount[g] - ((lineMasks[line] >>> g) & 1) > 0;
            }
            case OTHER_PRIMARY:
                return primaryCount - (primary[line] ? 1 : 0) > 0;
            case DIAGNOSES_IN_GROUPS:
                return diagnosesAllIn(line, check.groups());
            case EARLIER_LINE_IN_GROUPS: {
                int g = Long.numberOfTrailingZeros(check.groups());
                return groupCount[g] > 0 && firstInGroup[g] < line;
            }
            default:
                throw new IllegalStateException("unknown check " + check.kind());
        }
    }

    private Finding decide(PolicyIndex.CompiledStatement compiled, int line, int depth) {
        Statement statement = compiled.statement();
        Effect effect = statement.effect();
        if (effect instanceof Effect.Decide decide) {
            return new Finding(decide.outcome(), List.of(compiled.reason()), List.of(cite(compiled, line)), List.of(), null, false);
        }
        if (effect instanceof Effect.RequireCriteria require) {
            CriteriaNode tree = index.policy.criteriaSets().get(require.criteriaSet());
            boolean met = tree.metBy(attested);
            String verdict = met ? " Every criterion is attested as met." : " Document that the criteria listed are met.";
            return new Finding(met ? Outcome.COVERED : Outcome.CONDITIONAL, List.of(compiled.reason() + verdict),
                    List.of(cite(compiled, line)), criteria(require.criteriaSet(), tree), null, false);
        }
        if (effect instanceof Effect.FollowGroup follow) {
            int leader = firstOtherLineIn(index.bit(follow.group()), line);
            if (leader < 0) {
                return null;
            }
            Finding led = evaluate(leader, depth + 1);
            if (led == null) {
                return null;
            }
            List<String> reasons = new ArrayList<>(led.reasons().size() + 1);
            reasons.add(followReason(compiled, leader, led));
            reasons.addAll(led.reasons());
            List<Citation> citations = new ArrayList<>(led.citations().size() + 1);
            citations.add(cite(compiled, line));
            citations.addAll(led.citations());
            return new Finding(led.outcome(), reasons, citations, led.criteria(), null, led.priorAuthorization());
        }
        throw new IllegalStateException("not a deciding effect: " + effect);
    }

    /** "... It follows line 2 (95940), which is conditional.": the same text for every line following one leader. */
    private String followReason(PolicyIndex.CompiledStatement compiled, int leader, Finding led) {
        if (followReasons == null) {
            followReasons = new HashMap<>(4);
        }
        String key = compiled.statement().id() + "#" + leader;
        String reason = followReasons.get(key);
        if (reason == null) {
            ParsedLine leaderLine = lines.get(leader);
            reason = compiled.reason() + " It follows line " + leaderLine.line().sequence() + " (" + leaderLine.code()
                    + "), which is " + led.outcome().code() + ".";
            followReasons.put(key, reason);
        }
        return reason;
    }

    private List<Criterion> criteria(String set, CriteriaNode tree) {
        if (attested.isEmpty()) {
            // Nothing attested: the list is the same for every request, so the index keeps it.
            return index.unattestedCriteria.computeIfAbsent(set, s -> flattenAll(tree));
        }
        if (criteriaLists == null) {
            criteriaLists = new HashMap<>(2);
        }
        return criteriaLists.computeIfAbsent(set, s -> flattenAll(tree));
    }

    private List<Criterion> flattenAll(CriteriaNode tree) {
        List<Criterion> list = new ArrayList<>();
        for (CriteriaNode child : tree.children()) {
            flatten(child, childRequirement(tree, "required"), list);
        }
        return List.copyOf(list);
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

    private Citation cite(PolicyIndex.CompiledStatement compiled, int line) {
        Statement statement = compiled.statement();
        ParsedLine parsed = lines.get(line);
        StringBuilder trigger = new StringBuilder(192).append(parsed.code().value()).append(" is in ");
        boolean first = true;
        for (int g : compiled.lineGroupIds()) {
            if ((lineMasks[line] & (1L << g)) != 0) {
                trigger.append(first ? "" : ", ").append(index.groupNames[g]).append(" (").append(index.groupTitles[g]).append(')');
                first = false;
            }
        }
        for (Condition condition : statement.conditions()) {
            explain(condition, line, trigger);
        }
        return new Citation(index.policy.number(), index.policy.title(), index.policy.effectiveDate(), statement.section(), statement.id(),
                trigger.toString());
    }

    private void explain(Condition condition, int line, StringBuilder into) {
        if (condition instanceof Condition.RequestHasGroup has) {
            into.append("; the request has ");
            codesIn(index.bit(has.group()), line, lines.size(), into);
            into.append(" in ").append(has.group());
        } else if (condition instanceof Condition.EarlierLineInGroup earlier) {
            into.append("; an earlier line has ");
            codesIn(index.bit(earlier.group()), line, line, into);
            into.append(" in ").append(earlier.group());
        } else if (condition instanceof Condition.DiagnosesAllIn dx) {
            into.append("; every diagnosis (");
            List<Code> diagnoses = diagnosesOf(line);
            for (int i = 0; i < diagnoses.size(); i++) {
                into.append(i == 0 ? "" : ", ").append(diagnoses.get(i).value());
            }
            into.append(") is in ").append(String.join(" or ", dx.groups()));
        } else if (condition instanceof Condition.RequestHasPrimaryProcedure) {
            into.append("; primary procedure ");
            boolean first = true;
            for (int i = 0; i < lines.size(); i++) {
                if (i != line && primary[i]) {
                    into.append(first ? "" : ", ").append(lines.get(i).code().value());
                    first = false;
                }
            }
        } else {
            into.append("; ").append(condition.describe());
        }
    }

    private void codesIn(long bit, int line, int end, StringBuilder into) {
        boolean first = true;
        for (int i = 0; i < end; i++) {
            if (i != line && (lineMasks[i] & bit) != 0) {
                into.append(first ? "" : ", ").append(lines.get(i).code().value());
                first = false;
            }
        }
    }

    private int firstOtherLineIn(long bit, int line) {
        int g = Long.numberOfTrailingZeros(bit);
        if (groupCount[g] == 0) {
            return -1;
        }
        if (firstInGroup[g] != line) {
            return firstInGroup[g];
        }
        return groupCount[g] > 1 ? secondInGroup[g] : -1;
    }

    private List<Code> diagnosesOf(int line) {
        List<Code> own = lines.get(line).diagnoses();
        return own.isEmpty() ? requestDiagnoses : own;
    }

    private boolean diagnosesAllIn(int line, long groups) {
        List<Code> own = lines.get(line).diagnoses();
        if (own.isEmpty()) {
            return !requestDiagnoses.isEmpty() && allInMask(requestDiagnoses, groups);
        }
        return allInMask(own, groups);
    }

    private boolean allInMask(List<Code> diagnoses, long groups) {
        for (Code diagnosis : diagnoses) {
            if ((index.groupsOf(diagnosis, date) & groups) == 0) {
                return false;
            }
        }
        return true;
    }
}
