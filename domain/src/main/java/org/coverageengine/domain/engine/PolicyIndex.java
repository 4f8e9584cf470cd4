package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.CodePattern;
import org.coverageengine.domain.policy.CodeRange;
import org.coverageengine.domain.policy.Check;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;

/**
 * What the engine precomputes once per policy version: group numbers, one hash table from code to the groups that
 * list it (with dates), the groups' bit masks, and each statement's line-group mask and explanation prefix. With it,
 * placing a line in its groups costs one hash look-up however long the code lists are.
 */
final class PolicyIndex {

    /** A code's membership of one group, with the dates the group lists it for. */
    private record Membership(int group, DateRange dates) {
    }

    private record PatternMember(int group, CodePattern pattern) {
    }

    private record RangeMember(int group, CodeRange range) {
    }

    /**
     * A statement with everything the engine needs precomputed; {@code reason} begins with {@code policyPrefix}, the
     * policy's explanation prefix ("Policy 0509 (Intraoperative Monitoring): "); {@code readsFacts} is true when a
     * check reads a fact a request may lack (only then is each check asked for it); {@code reads} is what of the request
     * the checks read besides the line's code (the {@code Check.READS_} bits); {@code position} is the statement's place in
     * its policy; {@code patientChecks} are the checks that read only the patient and the place of service (the same for
     * every line of a request, so judged once per request) and {@code lineChecks} the others; {@code unitsBasis} is what a unit
     * limit's allowance is per, in words (null for other effects). The texts of a fact the statement needs and a
     * request lacks are the same for every request, so they are kept once written; {@code texts} keeps the other texts
     * that depend only on a few numbers or on the code (see {@link WrittenTexts}).
     */
    record CompiledStatement(Statement statement, boolean decides, long lineMask, long linesOfBusiness, String policyPrefix, String reason,
            int[] lineGroupIds, Check[] checks, boolean readsFacts, int reads, int position, Check[] patientChecks, Check[] lineChecks,
            String unitsBasis, Map<String, MissingFact> missingFacts, WrittenTexts texts) {

        /** The reason and criterion of this statement when the request lacks the fact. */
        MissingFact missing(String fact) {
            MissingFact texts = missingFacts.get(fact);
            if (texts == null) {
                texts = new MissingFact(ExplanationWriter.notEvaluatedReason(policyPrefix, statement.reason(), fact),
                        ExplanationWriter.missingFactCriterion(statement.id(), fact));
                missingFacts.putIfAbsent(fact, texts);
            }
            return texts;
        }
    }

    /** What a statement that could not be evaluated for want of a fact says: its reason and the criterion to give the fact. */
    record MissingFact(String reason, Criterion criterion) {
    }

    final Policy policy;
    final String[] groupNames;
    final Map<String, Integer> groupIds;
    final long ancillaryMask;
    /** The groups some statement decides or annotates lines of; the others only give context (e.g. 0509's procedures). */
    final long decidedMask;
    final CompiledStatement[] statements;
    final Map<String, List<Criterion>> unattestedCriteria = new ConcurrentHashMap<>();
    final String[] groupTitles;
    final ExplanationWriter writer;
    final boolean versioned;
    private final Map<Code, Membership[]> members;
    private final PatternMember[] patterns;
    private final RangeMember[] ranges;
    /** The groups codes were placed in lately, when patterns or ranges make placing them cost more than a look-up; else null. */
    private final MatchedGroups matched;

    PolicyIndex(Policy policy) {
        this(policy, false);
    }

    /** The index of one version; versioned when other versions of the policy are loaded too (the texts then name it). */
    PolicyIndex(Policy policy, boolean versioned) {
        this.policy = policy;
        this.versioned = versioned;
        if (policy.groups().size() > 64) {
            throw new IllegalArgumentException("policy " + policy.number() + " defines " + policy.groups().size()
                    + " code groups; the engine supports at most 64 per policy");
        }
        groupNames = policy.groups().keySet().toArray(new String[0]);
        groupIds = new HashMap<>();
        for (int i = 0; i < groupNames.length; i++) {
            groupIds.put(groupNames[i], i);
        }
        Map<Code, List<Membership>> byCode = new HashMap<>();
        List<PatternMember> patternList = new ArrayList<>();
        List<RangeMember> rangeList = new ArrayList<>();
        for (int g = 0; g < groupNames.length; g++) {
            CodeGroup group = policy.groups().get(groupNames[g]);
            int id = g;
            group.members().forEach((code, dates) -> byCode.computeIfAbsent(code, c -> new ArrayList<>(1)).add(new Membership(id, dates)));
            group.patterns().forEach(p -> patternList.add(new PatternMember(id, p)));
            group.ranges().forEach(r -> rangeList.add(new RangeMember(id, r)));
        }
        members = new HashMap<>(byCode.size() * 2);
        byCode.forEach((code, list) -> members.put(code, list.toArray(new Membership[0])));
        patterns = patternList.toArray(new PatternMember[0]);
        ranges = rangeList.toArray(new RangeMember[0]);
        matched = patterns.length + ranges.length == 0 ? null : new MatchedGroups();
        long ancillary = 0;
        for (String group : policy.ancillaryGroups()) {
            ancillary |= 1L << groupIds.get(group);
        }
        ancillaryMask = ancillary;
        groupTitles = new String[groupNames.length];
        for (int g = 0; g < groupNames.length; g++) {
            groupTitles[g] = policy.groups().get(groupNames[g]).title();
        }
        writer = new ExplanationWriter(policy, groupNames, groupTitles, versioned);
        String prefix = writer.prefix();
        List<Statement> list = policy.statements();
        statements = new CompiledStatement[list.size()];
        long decided = 0;
        for (int s = 0; s < list.size(); s++) {
            Statement statement = list.get(s);
            long mask = 0;
            int[] ids = new int[statement.lineGroups().size()];
            int k = 0;
            for (String group : statement.lineGroups()) {
                ids[k++] = groupIds.get(group);
                mask |= 1L << groupIds.get(group);
            }
            long lobs = 0;
            for (var lob : statement.linesOfBusiness()) {
                lobs |= 1L << lob.ordinal();
            }
            Check[] checks = new Check[statement.conditions().size()];
            boolean readsFacts = false;
            int reads = 0;
            for (int c = 0; c < checks.length; c++) {
                checks[c] = statement.conditions().get(c).compile(groupIds::get);
                readsFacts |= checks[c].readsFact();
                reads |= checks[c].reads();
            }
            decided |= mask;
            List<Check> onPatient = new ArrayList<>();
            List<Check> onLine = new ArrayList<>();
            for (Check check : checks) {
                (isOnPatient(check) ? onPatient : onLine).add(check);
            }
            if (onLine.stream().anyMatch(Check::readsFact)) {
                // A line check that may lack its fact is judged with the others, in order, line by line.
                onPatient.clear();
                onLine = List.of(checks);
            }
            statements[s] = new CompiledStatement(statement, statement.effect().decides(), mask, lobs == 0 ? -1L : lobs, prefix,
                    prefix + statement.reason(), ids, checks, readsFacts, reads, s, onPatient.toArray(new Check[0]), onLine.toArray(new Check[0]),
                    statement.effect() instanceof Effect.LimitUnits limit ? limit.describeBasis() : null, new ConcurrentHashMap<>(4),
                    new WrittenTexts());
        }
        decidedMask = decided;
    }

    /** True when the check reads nothing of the line: only the patient's age or sex, or the place of service. */
    private static boolean isOnPatient(Check check) {
        return (check.reads() & (Check.READS_DIAGNOSES | Check.READS_MODIFIERS | Check.READS_OTHER_LINES)) == 0;
    }

    /**
     * True when a group whose lines the policy decides about lists or matches the code, on any date: only such a line
     * hears that the policy does not govern its line of business or is not in effect (a context-only procedure does not).
     */
    boolean decidesAbout(Code code) {
        long mask = 0;
        Membership[] listed = members.get(code);
        if (listed != null) {
            for (Membership membership : listed) {
                mask |= 1L << membership.group();
            }
        }
        for (PatternMember pattern : patterns) {
            if (pattern.pattern().matches(code)) {
                mask |= 1L << pattern.group();
            }
        }
        for (RangeMember range : ranges) {
            if (range.range().matches(code)) {
                mask |= 1L << range.group();
            }
        }
        return (mask & decidedMask) != 0;
    }

    /** The groups (as a bit mask) that hold the code on the date. */
    long groupsOf(Code code, LocalDate date) {
        if (matched == null) {
            return placedGroupsOf(code, date);
        }
        MatchedGroups.Placed kept = matched.find(code, date);
        if (kept != null) {
            return kept.groups();
        }
        long groups = placedGroupsOf(code, date);
        matched.keep(code, date, groups);
        return groups;
    }

    private long placedGroupsOf(Code code, LocalDate date) {
        long mask = 0;
        Membership[] listed = members.get(code);
        if (listed != null) {
            for (Membership membership : listed) {
                if (membership.dates().contains(date)) {
                    mask |= 1L << membership.group();
                }
            }
        }
        for (PatternMember pattern : patterns) {
            if (pattern.pattern().matches(code)) {
                mask |= 1L << pattern.group();
            }
        }
        for (RangeMember range : ranges) {
            if (range.range().matches(code) && range.range().dates().contains(date)) {
                mask |= 1L << range.group();
            }
        }
        return mask;
    }

    /**
     * The statements whose groups meet a line's groups: the deciding ones and the annotating ones, each in policy
     * order. The other statements cannot apply to such a line, so a line tries only these.
     */
    record Candidates(long lineMask, CompiledStatement[] deciders, CompiledStatement[] annotators) {
    }

    /** Slots of {@link #candidates}; a power of two (a policy's lines fall in few distinct combinations of groups). */
    private static final int CANDIDATE_SLOTS = 64;
    private final Candidates[] candidates = new Candidates[CANDIDATE_SLOTS];

    /**
     * The candidates for a line in these groups, kept per combination of groups: each slot holds the last combination
     * that landed on it as an immutable entry, so threads racing on a slot at worst list the statements twice.
     */
    Candidates candidates(long lineMask) {
        int slot = (int) (lineMask * 0x9E3779B97F4A7C15L >>> 64 - Integer.numberOfTrailingZeros(CANDIDATE_SLOTS));
        Candidates kept = candidates[slot];
        if (kept != null && kept.lineMask() == lineMask) {
            return kept;
        }
        List<CompiledStatement> deciders = new ArrayList<>();
        List<CompiledStatement> annotators = new ArrayList<>();
        for (CompiledStatement statement : statements) {
            if ((statement.lineMask() & lineMask) != 0) {
                (statement.decides() ? deciders : annotators).add(statement);
            }
        }
        Candidates listed = new Candidates(lineMask, deciders.toArray(new CompiledStatement[0]), annotators.toArray(new CompiledStatement[0]));
        candidates[slot] = listed;
        return listed;
    }

    /** The bit of a named group. */
    long bit(String group) {
        return 1L << groupIds.get(group);
    }
}
