package org.coverageengine.domain.evaluation;

import org.coverageengine.domain.determination.Outcome;

/**
 * How a deciding effect states its verdict on one line; the engine builds the finding (reasons, citations, criteria).
 *
 * @param <S> the engine's form of the statement being applied, handed back unchanged
 * @param <F> the engine's finding
 */
public interface Verdicts<S, F> {

    /** The line has the outcome. */
    F decided(S statement, int line, Outcome outcome);

    /** True when the request attests the policy's criteria set as met. */
    boolean criteriaMet(String criteriaSet);

    /** The line has the outcome, and its criteria set is listed for the requester to document. */
    F onCriteria(S statement, int line, String criteriaSet, Outcome outcome);

    /** The line takes the outcome of the first other line in the group, or null when there is none or it is undecided. */
    F following(S statement, int line, String group);
}
