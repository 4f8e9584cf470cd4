package org.coverageengine.domain.evaluation;

/**
 * Where non-deciding effects put what they add to a decided line; each adds its statement's reason and citation.
 *
 * @param <S> the engine's form of the statement being applied, handed back unchanged
 */
public interface Annotations<S> {

    /** At most the given units are allowed for the line; the excess is not covered. */
    void limitUnits(S statement, int line, int units);

    /** The line needs prior authorization. */
    void requirePriorAuthorization(S statement, int line);

    /** The statement's reason is added to the line, changing nothing else. */
    void note(S statement, int line);
}
