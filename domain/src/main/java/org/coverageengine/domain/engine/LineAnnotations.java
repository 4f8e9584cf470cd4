package org.coverageengine.domain.engine;

import java.util.ArrayList;
import java.util.List;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.engine.PolicyIndex.CompiledStatement;
import org.coverageengine.domain.evaluation.Annotations;

/**
 * What the annotations of a decided line add to its decision, each its own effect. One per policy evaluation, made
 * when a first annotation applies and reused line after line (annotating never recurses).
 */
final class LineAnnotations implements Annotations<CompiledStatement> {

    private final PolicyEvaluation evaluation;
    private Integer allowed;
    private boolean priorAuthorization;
    private List<String> reasons;
    private List<Citation> citations;

    LineAnnotations(PolicyEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** Starts from the decision of the line. */
    LineAnnotations start(Finding decided) {
        allowed = decided.allowedUnits();
        priorAuthorization = decided.priorAuthorization();
        reasons = new ArrayList<>(decided.reasons());
        citations = new ArrayList<>(decided.citations());
        return this;
    }

    /** The decision with what the annotations added. */
    Finding finish(Finding decided) {
        Finding annotated = new Finding(decided.outcome(), reasons, citations, decided.criteria(), allowed, priorAuthorization);
        reasons = null;
        citations = null;
        return annotated;
    }

    @Override
    public void limitUnits(CompiledStatement statement, int line, int units) {
        allowed = allowed == null ? units : Math.min(allowed, units);
        add(ExplanationWriter.limitReason(statement.reason(), evaluation.requestedUnits(line), units), statement, line);
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

    private void add(String reason, CompiledStatement statement, int line) {
        reasons.add(reason);
        citations.add(evaluation.cite(statement, line));
    }
}
