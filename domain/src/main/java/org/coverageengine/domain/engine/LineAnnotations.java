package org.coverageengine.domain.engine;

import com.google.common.collect.ImmutableList;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.engine.PolicyIndex.CompiledStatement;
import org.coverageengine.domain.evaluation.Annotations;
import org.coverageengine.domain.policy.Effect;

/**
 * What the annotations of a decided line add to its decision, each its own effect. One per policy evaluation, made
 * when a first annotation applies and reused line after line (annotating never recurses).
 */
final class LineAnnotations implements Annotations<CompiledStatement> {

    private final PolicyEvaluation evaluation;
    private Outcome outcome;
    /** The units allowed so far, or -1 while nothing limits them. */
    private int allowed;
    private String unitsBasis;
    private boolean priorAuthorization;
    /** The reasons and citations the annotations added to the line; emptied for each line, so only the finished lists are allocated per line. */
    private final List<String> reasons = new ArrayList<>();
    private final List<Citation> citations = new ArrayList<>();
    private List<Criterion> criteria;

    LineAnnotations(PolicyEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** Starts from the decision of the line. */
    LineAnnotations start(Finding decided) {
        outcome = decided.outcome();
        allowed = decided.allowedUnits() == null ? -1 : decided.allowedUnits();
        unitsBasis = decided.unitsBasis();
        priorAuthorization = decided.priorAuthorization();
        reasons.clear();
        citations.clear();
        criteria = decided.criteria();
        return this;
    }

    /** The decision with what the annotations added after its own reasons and citations. */
    Finding finish(Finding decided) {
        // Built at their exact size, the immutable lists are the determination's own (it keeps them as they are).
        Finding annotated = new Finding(outcome, joined(decided.reasons(), reasons), joined(decided.citations(), citations), criteria,
                allowed < 0 ? null : allowed, priorAuthorization, unitsBasis);
        reasons.clear();
        citations.clear();
        criteria = null;
        return annotated;
    }

    // By index: a builder's addAll of a list that is not one of Guava's goes through an iterator.
    private static <T> List<T> joined(List<T> first, List<T> then) {
        ImmutableList.Builder<T> all = ImmutableList.builderWithExpectedSize(first.size() + then.size());
        for (int i = 0; i < first.size(); i++) {
            all.add(first.get(i));
        }
        for (int i = 0; i < then.size(); i++) {
            all.add(then.get(i));
        }
        return all.build();
    }

    @Override
    public void limitUnits(CompiledStatement statement, int line, int units, int usedBefore) {
        int left = Math.max(0, units - usedBefore);
        allow(left, statement.unitsBasis());
        add(statement.texts().limitReason(statement.reason(), evaluation.requestedUnits(line), left, usedBefore), statement, line);
    }

    @Override
    public int unitsOfCodeBefore(int line) {
        return evaluation.unitsOfCodeBefore(line);
    }

    @Override
    public int unitsInGroupBefore(int line, String group) {
        return evaluation.unitsInGroupBefore(line, group);
    }

    @Override
    public void limitPerPeriod(CompiledStatement statement, int line, int times, Period period, String described) {
        OptionalInt before = evaluation.servicesInPeriod(statement, period);
        if (before.isEmpty()) {
            addCriterion(new Criterion(statement.statement().id().toLowerCase(Locale.ROOT) + "-history",
                    "The patient has had " + described + " (earlier services could not be checked: no patient history)",
                    "required; to document", false));
            add(ExplanationWriter.periodUnknownReason(statement.reason(), described), statement, line);
            return;
        }
        int left = Math.max(0, times - before.getAsInt());
        allow(left, "Services allowed in the period (" + described + ")");
        add(ExplanationWriter.periodReason(statement.reason(), new Effect.LimitPerPeriod(times, period), before.getAsInt(),
                evaluation.dateOfService()), statement, line);
    }

    @Override
    public void requirePriorAuthorization(CompiledStatement statement, int line) {
        priorAuthorization = true;
        add(statement.reason(), statement, line);
    }

    @Override
    public void note(CompiledStatement statement, int line) {
        add(statement.reason(), statement, line);
    }

    @Override
    public void notEvaluated(CompiledStatement statement, int line, String missingFact) {
        PolicyIndex.MissingFact missing = statement.missing(missingFact);
        addCriterion(missing.criterion());
        add(missing.reason(), statement, line);
    }

    private void allow(int units, String basis) {
        if (allowed < 0 || units < allowed) {
            allowed = units;
            unitsBasis = basis;
        }
    }

    private void addCriterion(Criterion criterion) {
        List<Criterion> more = new ArrayList<>(criteria);
        more.add(criterion);
        criteria = more;
        if (outcome == Outcome.COVERED) {
            // Something is still to be documented, so the line cannot be covered outright.
            outcome = Outcome.CONDITIONAL;
        }
    }

    private void add(String reason, CompiledStatement statement, int line) {
        reasons.add(reason);
        citations.add(evaluation.cite(statement, line));
    }
}
