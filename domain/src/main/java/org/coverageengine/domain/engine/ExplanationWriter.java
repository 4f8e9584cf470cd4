package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.Check;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.evaluation.RequestView;
import org.coverageengine.domain.evaluation.TriggerPhrases;

/**
 * The words of a determination: reasons, citations and the triggers that name which code of which group made a
 * statement apply, and the criteria to document. One writer per policy version (immutable, shared by every request);
 * the texts that belong to no policy version are static.
 */
final class ExplanationWriter implements TriggerPhrases {

    private final Policy policy;
    private final String[] groupNames;
    /** Per group, "NAME (Title)" as a trigger names the groups of the line's code. */
    private final String[] groupLabels;
    private final String prefix;

    ExplanationWriter(Policy policy, String[] groupNames, String[] groupTitles, boolean versioned) {
        this.policy = policy;
        this.groupNames = groupNames;
        this.groupLabels = new String[groupNames.length];
        for (int g = 0; g < groupNames.length; g++) {
            groupLabels[g] = groupNames[g] + " (" + groupTitles[g] + ")";
        }
        // With several versions loaded, a reader must see which one decided without opening the citation.
        this.prefix = "Policy " + policy.number() + " (" + policy.title() + (versioned ? ", version " + policy.effectiveDate() : "") + "): ";
    }

    /**
     * The policy's explanation prefix, e.g. "Policy 0509 (Intraoperative Monitoring): ", or with several versions
     * loaded "Policy 0509 (Intraoperative Monitoring, version 2025-09-15): ".
     */
    String prefix() {
        return prefix;
    }

    /**
     * A line whose code the policy lists in groups it decides about but which none of its deciding statements matched: the
     * policy is named, so that the author or requester sees which policy was consulted and why it is silent.
     */
    Finding undecided(Code code, long groups, LocalDate date, LineOfBusiness lob) {
        StringBuilder labels = new StringBuilder();
        String section = null;
        for (int g = 0; g < groupNames.length; g++) {
            if ((groups & (1L << g)) != 0) {
                labels.append(labels.length() == 0 ? "" : ", ").append(groupLabels[g]);
                if (section == null) {
                    section = policy.groups().get(groupNames[g]).section();
                }
            }
        }
        String reason = prefix + code + " is listed in " + labels + ", but none of the policy's statements decides this line on "
                + date + " for " + lob.displayName() + " plans, so the policy makes no coverage determination for it.";
        Citation citation = new Citation(policy.number(), policy.title(), policy.effectiveDate(), section, null,
                code + " is in " + labels + "; no statement decides it");
        return new Finding(Outcome.NO_POLICY, List.of(reason), List.of(citation), List.of(), null, false);
    }

    /** A criteria statement's reason, with what the requester has left to do. */
    static String criteriaReason(String reason, Outcome outcome) {
        return reason + (outcome == Outcome.COVERED ? " Every criterion is attested as met." : " Document that the criteria listed are met.");
    }

    /** "... It follows line 2 (95940), which is conditional." */
    static String followReason(String reason, ParsedLine leader, Outcome led) {
        return reason + " It follows line " + leader.line().sequence() + " (" + leader.code() + "), which is " + led.code() + ".";
    }

    /** A unit limit's reason, with what earlier lines used and the excess when more units were requested than allowed. */
    static String limitReason(String reason, int requested, int allowed, int usedBefore) {
        // One concatenation per case: a nested conditional part would be built as a string of its own first.
        if (usedBefore > 0 && requested > allowed) {
            return reason + " Earlier lines of the request already use " + usedBefore + " unit(s) of the limit; " + requested
                    + " requested here, " + allowed + " allowed, the " + (requested - allowed) + " unit(s) above the limit are not covered.";
        }
        if (usedBefore > 0) {
            return reason + " Earlier lines of the request already use " + usedBefore + " unit(s) of the limit; " + requested
                    + " requested here, " + allowed + " allowed.";
        }
        return requested > allowed ? reason + " " + requested + " units requested; the " + (requested - allowed)
                + " unit(s) above the limit are not covered." : reason;
    }

    /**
     * A per-period limit judged against the patient's history: how many of the allowed services the patient had in the
     * rolling period before the date of service, and, when none is left, that the limit is reached.
     */
    static String periodReason(String reason, Effect.LimitPerPeriod limit, int before, LocalDate dateOfService) {
        String had = before + " of " + limit.times() + " services in the rolling " + limit.span() + " before " + dateOfService;
        if (before >= limit.times()) {
            return reason + " Limit reached: " + had + " (" + limit.describe() + "); this service is above the limit.";
        }
        return reason + " The patient has had " + had + " (" + limit.describe() + ").";
    }

    /** A per-period limit that could not be checked: it is listed to document. */
    static String periodUnknownReason(String reason, String limit) {
        return reason + " Document that the patient has had " + limit + ": no patient history was available to check it.";
    }

    /**
     * A statement that needs a fact the request does not give, after the policy's prefix (which may itself hold ": ",
     * as in a title "Spine: lumbar fusion", so it is given apart from the statement's own reason).
     */
    static String notEvaluatedReason(String policyPrefix, String ownReason, String missingFact) {
        return policyPrefix + "Could not be evaluated: the request does not give " + missingFact + ", which this rule needs (" + ownReason + ")";
    }

    /** The criterion a missing fact becomes: give the fact, so that the statement can be evaluated. */
    static Criterion missingFactCriterion(String statementId, String missingFact) {
        return new Criterion("fact-" + statementId.toLowerCase(java.util.Locale.ROOT), "Give " + missingFact + " (statement " + statementId
                + " depends on it)", "required to evaluate the policy", false);
    }

    /**
     * The citation of a statement that applied to the line, with its trigger written in {@code trigger}, a builder the
     * caller reuses from citation to citation of one request (it is emptied first).
     */
    Citation cite(Statement statement, int[] lineGroupIds, Check[] checks, boolean readsFacts, RequestView request, int line,
            StringBuilder trigger) {
        trigger.setLength(0);
        trigger.append(request.code(line).value()).append(" is in ");
        long lineGroups = request.groups(line);
        boolean first = true;
        for (int g : lineGroupIds) {
            if ((lineGroups & (1L << g)) != 0) {
                trigger.append(first ? "" : ", ").append(groupLabels[g]);
                first = false;
            }
        }
        for (Check check : checks) {
            String missing = readsFacts ? check.missingFact(request) : null;
            if (missing != null) {
                trigger.append("; not given: ").append(missing);
            } else {
                check.explain(request, line, this, trigger);
            }
        }
        return new Citation(policy.number(), policy.title(), policy.effectiveDate(), statement.section(), statement.id(),
                trigger.toString());
    }

    @Override
    public void otherLinesIn(RequestView request, int line, int group, StringBuilder into) {
        into.append("; the request has ");
        codesIn(request, group, line, request.lineCount(), into);
        into.append(" in ").append(groupNames[group]);
    }

    @Override
    public void earlierLinesIn(RequestView request, int line, int group, StringBuilder into) {
        into.append("; an earlier line has ");
        codesIn(request, group, line, line, into);
        into.append(" in ").append(groupNames[group]);
    }

    @Override
    public void diagnosesIn(RequestView request, int line, List<String> names, StringBuilder into) {
        into.append("; every diagnosis (");
        List<Code> diagnoses = request.diagnoses(line);
        for (int i = 0; i < diagnoses.size(); i++) {
            into.append(i == 0 ? "" : ", ").append(diagnoses.get(i).value());
        }
        into.append(") is in ");
        appendEither(names, into);
    }

    @Override
    public void someDiagnosesIn(RequestView request, int line, long groups, List<String> names, StringBuilder into) {
        into.append("; diagnosis ");
        boolean first = true;
        List<Code> diagnoses = request.diagnoses(line);
        for (int i = 0; i < diagnoses.size(); i++) {
            if (request.diagnosisIn(line, i, groups)) {
                into.append(first ? "" : ", ").append(diagnoses.get(i).value());
                first = false;
            }
        }
        into.append(" is in ");
        appendEither(names, into);
    }

    @Override
    public void primaryDiagnosisIn(RequestView request, int line, List<String> names, StringBuilder into) {
        into.append("; the primary diagnosis ").append(request.diagnoses(line).get(0).value()).append(" is in ");
        appendEither(names, into);
    }

    /** "G or H". */
    private static void appendEither(List<String> names, StringBuilder into) {
        for (int i = 0; i < names.size(); i++) {
            into.append(i == 0 ? "" : " or ").append(names.get(i));
        }
    }

    @Override
    public void otherPrimaryProcedures(RequestView request, int line, StringBuilder into) {
        into.append("; primary procedure ");
        // Each code once, as codesIn names them: at its first line other than this one.
        int moved = request.isPrimaryProcedure(line) && request.firstLineWithCodeOf(line) == line ? request.nextLineWithCodeOf(line) : -1;
        boolean first = true;
        for (int i = 0; i < request.lineCount(); i++) {
            if (i != line && request.isPrimaryProcedure(i) && (i == moved || request.firstLineWithCodeOf(i) == i)) {
                into.append(first ? "" : ", ").append(request.code(i).value());
                first = false;
            }
        }
    }

    @Override
    public void described(String description, StringBuilder into) {
        into.append("; ").append(description);
    }

    // Each code once: a request repeating a code on many lines would otherwise grow every trigger with the line count.
    // Codes are named in the order of their first line other than the excluded one: when that line is its code's
    // first, the code is named at its next line instead.
    private static void codesIn(RequestView request, int group, int line, int end, StringBuilder into) {
        int moved = (request.groups(line) & 1L << group) != 0 && request.firstLineWithCodeOf(line) == line ? request.nextLineWithCodeOf(line) : -1;
        boolean first = true;
        for (int named : request.firstLinesOfCodesIn(group)) {
            if (moved >= 0 && moved < named && moved < end) {
                into.append(first ? "" : ", ").append(request.code(moved).value());
                first = false;
                moved = -1;
            }
            if (named >= end) {
                break;
            }
            if (named != line) {
                into.append(first ? "" : ", ").append(request.code(named).value());
                first = false;
            }
        }
        if (moved >= 0 && moved < end) {
            into.append(first ? "" : ", ").append(request.code(moved).value());
        }
    }

    /** The criteria of a set, flattened in order, each with how it is required and whether it is attested. */
    static List<Criterion> criteria(CriteriaNode tree, Set<String> attested) {
        List<Criterion> list = new ArrayList<>();
        for (CriteriaNode child : tree.children()) {
            flatten(child, childRequirement(tree, "required"), attested, list);
        }
        return List.copyOf(list);
    }

    private static void flatten(CriteriaNode node, String requirement, Set<String> attested, List<Criterion> into) {
        String how = switch (node.combinator()) {
            case ANY -> requirement + "; met by any one of the criteria under it";
            case ALL -> requirement + "; met when all the criteria under it are met";
            case LEAF -> requirement;
        };
        into.add(new Criterion(node.code(), node.text(), how, node.metBy(attested)));
        for (CriteriaNode child : node.children()) {
            flatten(child, childRequirement(node, requirement), attested, into);
        }
    }

    private static String childRequirement(CriteriaNode parent, String parentRequirement) {
        if (parent.combinator() == CriteriaNode.Combinator.ANY) {
            return "one of " + parent.code();
        }
        return "required".equals(parentRequirement) ? "required" : "all of " + parent.code();
    }

    /** A policy that does not govern the line of business but mentions the code: no policy, with its referral. */
    static Finding outOfScope(Policy policy, LineOfBusiness lob) {
        String referral = policy.referrals().get(lob);
        String reason = "Policy " + policy.number() + " (" + policy.title() + ") governs " + names(policy.governs()) + " plans only, not "
                + lob.displayName() + "." + (referral == null ? "" : " " + referral);
        Citation citation = new Citation(policy.number(), policy.title(), policy.effectiveDate(), "Instructions for use / lines of business",
                null, "line of business " + lob.code());
        return new Finding(Outcome.NO_POLICY, List.of(reason), List.of(citation), List.of(), null, false);
    }

    /**
     * A policy with no version in effect on the date of service but which mentions the code: its first version is
     * later, or the version that had started ended before the date.
     */
    static Finding notInEffect(Policy policy, LocalDate date) {
        String reason = "Policy " + policy.number() + " (" + policy.title() + ") has no version in effect on " + date
                + (policy.endedBefore(date) ? "; its version effective " + policy.effectiveDate() + " ended on " + policy.endDate() + "."
                        : "; its first version is effective " + policy.effectiveDate() + ".");
        Citation citation = new Citation(policy.number(), policy.title(), policy.effectiveDate(), "Effective date", null,
                "date of service " + date);
        return new Finding(Outcome.NO_POLICY, List.of(reason), List.of(citation), List.of(), null, false);
    }

    private static String names(Set<LineOfBusiness> lobs) {
        List<String> names = new ArrayList<>();
        lobs.forEach(l -> names.add(l.displayName()));
        return String.join(", ", names);
    }

    /** Why no policy spoke for the line. */
    static String noPolicy(Code code, String date, LineOfBusiness lob) {
        return "No loaded policy governs " + code + " on " + date + " for " + lob.displayName() + " plans.";
    }

    /** One reason per problem of an invalid line. */
    static List<String> invalidReasons(List<String> problems) {
        List<String> reasons = new ArrayList<>(problems.size());
        for (String problem : problems) {
            reasons.add("Invalid: " + problem + ".");
        }
        return reasons;
    }
}
