package org.coverageengine.domain.evaluation;

import java.time.Period;

/**
 * Where non-deciding effects put what they add to a decided line; each adds its statement's reason and citation.
 *
 * @param <S> the engine's form of the statement being applied, handed back unchanged
 */
public interface Annotations<S> {

    /**
     * At most {@code units} are allowed over the limit's scope, of which earlier lines already use {@code usedBefore};
     * the line's excess is not covered. What the allowance is per is the statement's limit's own words
     * ({@link org.coverageengine.domain.policy.Effect.LimitUnits#describeBasis}).
     */
    void limitUnits(S statement, int line, int units, int usedBefore);

    /** How many units the lines before this one request of the same code. */
    int unitsOfCodeBefore(int line);

    /** How many units the lines before this one request of codes in the named group. */
    int unitsInGroupBefore(int line, String group);

    /** The patient may have the service at most {@code times} in the rolling period, judged against the patient's history. */
    void limitPerPeriod(S statement, int line, int times, Period period, String described);

    /** The statement might apply but needs a fact the request does not give: it is named as not evaluated. */
    void notEvaluated(S statement, int line, String missingFact);

    /** The line needs prior authorization. */
    void requirePriorAuthorization(S statement, int line);

    /** The statement's reason is added to the line, changing nothing else. */
    void note(S statement, int line);
}
