package org.coverageengine.domain.engine;

import org.coverageengine.domain.engine.PolicyIndex.CompiledStatement;
import org.coverageengine.domain.evaluation.RequestView;
import org.coverageengine.domain.policy.Check;

/**
 * What the conditions of each statement of one policy version that read only the patient and the place of service
 * say for one request: the same for every line, so judged once per statement, when a line first asks, and kept with
 * the first fact they lack.
 */
final class PatientVerdicts {

    /** Per statement (by position): 1 + its verdict once judged, 0 before. */
    private final byte[] verdicts;
    /** Per statement whose patient conditions are not evaluated: the first fact they lack, in the statement's order. */
    private final String[] missing;

    PatientVerdicts(int statements) {
        this.verdicts = new byte[statements];
        this.missing = new String[statements];
    }

    /**
     * {@link PolicyEvaluation#YES}, {@link PolicyEvaluation#NO} (a condition fails), or
     * {@link PolicyEvaluation#NOT_EVALUATED} (none fails, but one needs a fact the request lacks).
     */
    int of(CompiledStatement statement, RequestView request, int line) {
        int position = statement.position();
        int known = verdicts[position] - 1;
        if (known >= 0) {
            return known;
        }
        int verdict = PolicyEvaluation.YES;
        for (Check check : statement.patientChecks()) {
            String fact = check.missingFact(request);
            if (fact != null) {
                if (verdict == PolicyEvaluation.YES) {
                    verdict = PolicyEvaluation.NOT_EVALUATED;
                    missing[position] = fact;
                }
            } else if (!check.holds(request, line)) {
                verdict = PolicyEvaluation.NO;
                break;
            }
        }
        verdicts[position] = (byte) (verdict + 1);
        return verdict;
    }

    /** The first fact the statement's patient conditions lack, when they are not evaluated. */
    String missingFact(CompiledStatement statement) {
        return missing[statement.position()];
    }
}
