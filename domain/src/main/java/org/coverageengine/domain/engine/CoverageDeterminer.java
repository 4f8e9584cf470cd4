package org.coverageengine.domain.engine;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.edit.EditApplication;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.port.out.CodeCatalog;
import org.coverageengine.domain.port.out.PatientHistory;

/**
 * Decides coverage line by line: first code validity (rule 11), then every policy version in effect, combined
 * by restrictiveness ({@link Outcome} order) keeping every policy's reasons and citations.
 */
public final class CoverageDeterminer implements DetermineCoverage {

    private final Supplier<Knowledge> knowledge;
    private final Clock clock;
    private final EditApplication editApplication;
    private final PatientHistory history;
    /** The indexes of the last snapshot seen; rebuilt (for every policy version at once) when the snapshot changes. */
    private volatile SnapshotIndexes indexes = new SnapshotIndexes(null, new IdentityHashMap<>());

    private record SnapshotIndexes(Knowledge snapshot, IdentityHashMap<Policy, PolicyIndex> byPolicy) {
    }

    /** Creates the determiner over the knowledge in force; the clock supplies "today" when a request has no date. */
    public CoverageDeterminer(Supplier<Knowledge> knowledge, Clock clock) {
        this(knowledge, clock, EditApplication.DEFAULT);
    }

    /** Creates the determiner applying the NCCI tables as the deployment chose (setting, lines of business). */
    public CoverageDeterminer(Supplier<Knowledge> knowledge, Clock clock, EditApplication editApplication) {
        this(knowledge, clock, editApplication, PatientHistory.NONE);
    }

    /** Creates the determiner judging limits per period against the patient history (NONE: listed to document). */
    public CoverageDeterminer(Supplier<Knowledge> knowledge, Clock clock, EditApplication editApplication, PatientHistory history) {
        this.history = Objects.requireNonNull(history, "history");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.editApplication = Objects.requireNonNull(editApplication, "editApplication");
    }

    @Override
    public CoverageDecision determine(CoverageRequest request) {
        Knowledge snapshot = knowledge.get();
        IdentityHashMap<Policy, PolicyIndex> indexOf = indexesOf(snapshot);
        CodeCatalog catalog = snapshot.catalog();
        List<String> notices = new ArrayList<>(0);
        LocalDate date = request.dateOfService();
        boolean dateAssumed = date == null;
        if (dateAssumed) {
            date = LocalDate.now(clock);
            notices.add("No date of service was given: today's date (" + date + ") was used.");
        }
        LineOfBusiness lob = request.lineOfBusiness();
        boolean lobAssumed = lob == null;
        if (lobAssumed) {
            lob = LineOfBusiness.COMMERCIAL;
            notices.add("No line of business was given: COMMERCIAL was assumed.");
        }
        RequestCodes codes = RequestCodes.parse(request.lines(), catalog, date);
        List<ParsedLine> lines = codes.lines();
        List<Code> requestDiagnoses = requestDiagnoses(lines);
        NcciEditing ncci = new NcciEditing(snapshot.edits(), editApplication, lines, date, lob);
        notices.addAll(ncci.notices());

        List<Policy> inEffect = snapshot.policies().inEffectOn(date);
        List<PolicyEvaluation> evaluations = new ArrayList<>(inEffect.size());
        List<PolicyIndex> outOfScope = new ArrayList<>(0);
        for (Policy policy : inEffect) {
            if (policy.governs().contains(lob)) {
                evaluations.add(new PolicyEvaluation(indexOf.get(policy), lines, codes.firstOfCode(), requestDiagnoses, date, lob, request.attestedCriteria(),
                        request.patient(), request.placeOfService(), history));
            } else {
                outOfScope.add(indexOf.get(policy));
            }
        }
        List<PolicyIndex> notYetInEffect = new ArrayList<>(0);
        if (inEffect.size() < snapshot.policies().numbers().size()) {
            for (String number : snapshot.policies().numbers()) {
                if (inEffect.stream().noneMatch(p -> p.number().equals(number))) {
                    Policy explained = lastStartedBy(snapshot.policies().all(), number, date);
                    if (explained != null) {
                        notYetInEffect.add(indexOf.get(explained));
                    } else {
                        snapshot.policies().earliest(number).ifPresent(p -> notYetInEffect.add(indexOf.get(p)));
                    }
                }
            }
        }

        // Written only for a line no policy governs (its reason names the date).
        String dateText = null;
        ImmutableList.Builder<Determination> determinations = ImmutableList.builderWithExpectedSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ParsedLine line = lines.get(i);
            if (!line.problems().isEmpty()) {
                determinations.add(invalid(line));
                continue;
            }
            List<Finding> findings = new ArrayList<>(2);
            for (PolicyEvaluation evaluation : evaluations) {
                Finding finding = evaluation.evaluate(i);
                if (finding != null) {
                    findings.add(finding);
                }
            }
            for (PolicyIndex policy : outOfScope) {
                if (policy.decidesAbout(line.code())) {
                    findings.add(ExplanationWriter.outOfScope(policy.policy, lob));
                }
            }
            for (PolicyIndex policy : notYetInEffect) {
                if (policy.decidesAbout(line.code())) {
                    findings.add(ExplanationWriter.notInEffect(policy.policy, date));
                }
            }
            // NCCI edits are findings like any policy's, combined by the same most-restrictive order.
            for (EditFinding edit : ncci.findingsFor(i)) {
                findings.add(new Finding(edit.outcome(), List.of(edit.reason()), List.of(edit.citation()), List.of(), edit.allowedUnits(), false,
                        edit.allowedUnits() == null ? null : "Units allowed per line or date of service (NCCI MUE)"));
            }
            if (findings.isEmpty()) {
                // A policy that lists the code but none of whose deciding statements matched says so, rather than "no policy".
                for (PolicyEvaluation evaluation : evaluations) {
                    Finding undecided = evaluation.undecided(i);
                    if (undecided != null) {
                        findings.add(undecided);
                    }
                }
            }
            if (findings.isEmpty() && dateText == null) {
                dateText = date.toString();
            }
            determinations.add(combine(line, findings, dateText, lob));
        }
        return new CoverageDecision(snapshot.version(), date, dateAssumed, lob, lobAssumed, determinations.build(), notices);
    }

    private IdentityHashMap<Policy, PolicyIndex> indexesOf(Knowledge snapshot) {
        SnapshotIndexes current = indexes;
        if (current.snapshot() != snapshot) {
            // Requests racing on a new snapshot may each build the map; any of them is right, the last one stays.
            IdentityHashMap<Policy, PolicyIndex> byPolicy = new IdentityHashMap<>();
            Map<String, Integer> versions = new HashMap<>();
            for (Policy policy : snapshot.policies().all()) {
                versions.merge(policy.number(), 1, Integer::sum);
            }
            for (Policy policy : snapshot.policies().all()) {
                PolicyIndex previous = current.byPolicy().get(policy);
                boolean versioned = versions.get(policy.number()) > 1;
                byPolicy.put(policy, previous != null && previous.versioned == versioned ? previous : new PolicyIndex(policy, versioned));
            }
            current = new SnapshotIndexes(snapshot, byPolicy);
            indexes = current;
        }
        return current.byPolicy();
    }

    /** The latest version of the policy that took effect on or before the date (it has ended when none is in effect), or null. */
    private static Policy lastStartedBy(List<Policy> all, String number, LocalDate date) {
        Policy latest = null;
        for (Policy policy : all) {
            if (policy.number().equals(number) && !policy.effectiveDate().isAfter(date)
                    && (latest == null || policy.effectiveDate().isAfter(latest.effectiveDate()))) {
                latest = policy;
            }
        }
        return latest;
    }

    private static List<Code> requestDiagnoses(List<ParsedLine> lines) {
        boolean needed = false;
        for (ParsedLine line : lines) {
            needed |= line.diagnoses().isEmpty();
        }
        if (!needed) {
            // Only lines without diagnoses of their own read the request's diagnoses.
            return List.of();
        }
        Set<Code> all = new LinkedHashSet<>();
        for (ParsedLine line : lines) {
            all.addAll(line.diagnoses());
        }
        return ImmutableList.copyOf(all);
    }

    // By index: a builder's addAll of a list that is not one of Guava's goes through an iterator.
    private static <T> void addEach(List<T> list, ImmutableList.Builder<T> into) {
        for (int i = 0; i < list.size(); i++) {
            into.add(list.get(i));
        }
    }

    private static Determination invalid(ParsedLine line) {
        return new Determination(line.line().sequence(), line.line().procedure().toString(),
                line.code() == null ? null : line.code().system(), line.display(), Outcome.INVALID,
                ExplanationWriter.invalidReasons(line.problems()),
                List.of(), List.of(), null, line.line().quantity(), false, line.line().modifiers());
    }

    private static Determination combine(ParsedLine line, List<Finding> findings, String date, LineOfBusiness lob) {
        Code code = line.code();
        RequestedLine requested = line.line();
        if (findings.isEmpty()) {
            return new Determination(requested.sequence(), code.value(), code.system(), line.display(), Outcome.NO_POLICY,
                    List.of(ExplanationWriter.noPolicy(code, date, lob)), List.of(),
                    List.of(), null, requested.quantity(), false, requested.modifiers());
        }
        if (findings.size() == 1) {
            Finding only = findings.get(0);
            boolean withCriteria = only.outcome() == Outcome.CONDITIONAL || only.outcome() == Outcome.COVERED;
            return new Determination(requested.sequence(), code.value(), code.system(), line.display(), only.outcome(), only.reasons(),
                    only.citations(), withCriteria ? only.criteria() : List.of(), only.allowedUnits(), requested.quantity(),
                    only.priorAuthorization(), requested.modifiers(), only.allowedUnits() == null ? null : only.unitsBasis());
        }
        List<Finding> ordered;
        if (findings.size() == 2) {
            // The common case (two policies, or a policy and an NCCI edit), ordered as the stable sort below would.
            Finding first = findings.get(0);
            Finding second = findings.get(1);
            ordered = second.outcome().ordinal() < first.outcome().ordinal() ? List.of(second, first) : List.of(first, second);
        } else {
            ordered = new ArrayList<>(findings);
            ordered.sort((a, b) -> Integer.compare(a.outcome().ordinal(), b.outcome().ordinal()));
        }
        Outcome outcome = ordered.get(0).outcome();
        int reasonCount = 0;
        int citationCount = 0;
        for (Finding finding : ordered) {
            reasonCount += finding.reasons().size();
            citationCount += finding.citations().size();
        }
        // Built at their exact size, the immutable lists are the determination's own (no copy when it freezes them).
        ImmutableList.Builder<String> reasons = ImmutableList.builderWithExpectedSize(reasonCount);
        ImmutableList.Builder<Citation> citations = ImmutableList.builderWithExpectedSize(citationCount);
        List<Criterion> criteria = new ArrayList<>(0);
        Integer allowed = null;
        String basis = null;
        boolean priorAuth = false;
        for (Finding finding : ordered) {
            addEach(finding.reasons(), reasons);
            addEach(finding.citations(), citations);
            if (finding.outcome() == outcome && (outcome == Outcome.CONDITIONAL || outcome == Outcome.COVERED)) {
                criteria.addAll(finding.criteria());
            }
            if (finding.allowedUnits() != null && (allowed == null || finding.allowedUnits() < allowed)) {
                allowed = finding.allowedUnits();
                basis = finding.unitsBasis();
            }
            priorAuth |= finding.priorAuthorization();
        }
        return new Determination(requested.sequence(), code.value(), code.system(), line.display(), outcome, reasons.build(),
                citations.build(), criteria, allowed, requested.quantity(), priorAuth, requested.modifiers(), basis);
    }
}
