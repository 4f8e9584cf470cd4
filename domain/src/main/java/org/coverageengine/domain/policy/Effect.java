package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableSet;
import java.util.Objects;
import java.util.Set;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.evaluation.Annotations;
import org.coverageengine.domain.evaluation.Verdicts;

/**
 * What a statement does when it applies: a {@link Verdict} decides the line's outcome (decide, require criteria,
 * follow another line); an {@link Annotation} adds to a decided line without deciding (a unit limit, prior
 * authorization, a note). Every kind is one or the other, and carries its own behaviour.
 */
public sealed interface Effect permits Effect.Verdict, Effect.Annotation {

    /** True for effects that decide the line's outcome (the first deciding statement that applies wins). */
    boolean decides();

    /** The code groups the effect names, for validation. */
    Set<String> groupsNamed();

    /** The criteria sets the effect names, for validation. */
    Set<String> criteriaSetsNamed();

    /** The effect's verdict on the line, or null when it cannot decide it; annotations never decide. */
    <S, F> F decide(Verdicts<S, F> verdicts, S statement, int line);

    /** Adds the effect's annotation to a decided line; verdicts add nothing. */
    <S> void annotate(Annotations<S> annotations, S statement, int line);

    /** An effect that decides the line's outcome. */
    sealed interface Verdict extends Effect permits Decide, RequireCriteria, FollowGroup {
        @Override
        default boolean decides() {
            return true;
        }

        @Override
        default <S> void annotate(Annotations<S> annotations, S statement, int line) {
            // A verdict is the decision itself; it never annotates another one.
        }
    }

    /** An effect that adds to a decided line without deciding it. */
    sealed interface Annotation extends Effect permits LimitUnits, RequirePriorAuthorization, Note {
        @Override
        default boolean decides() {
            return false;
        }

        @Override
        default <S, F> F decide(Verdicts<S, F> verdicts, S statement, int line) {
            return null;
        }

        @Override
        default Set<String> groupsNamed() {
            return ImmutableSet.of();
        }

        @Override
        default Set<String> criteriaSetsNamed() {
            return ImmutableSet.of();
        }
    }

    /** Decide the given outcome. */
    record Decide(Outcome outcome) implements Verdict {
        /** Requires an outcome; invalid is the engine's, never a policy's. */
        public Decide {
            Objects.requireNonNull(outcome, "outcome");
            if (outcome == Outcome.INVALID || outcome == Outcome.COVERED) {
                throw new IllegalArgumentException("a policy statement cannot decide '" + outcome.code()
                        + "' directly (invalid comes from code validation, covered from attested criteria)");
            }
        }

        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of();
        }

        @Override
        public Set<String> criteriaSetsNamed() {
            return ImmutableSet.of();
        }

        @Override
        public <S, F> F decide(Verdicts<S, F> verdicts, S statement, int line) {
            return verdicts.decided(statement, line, outcome);
        }
    }

    /** Conditional on a criteria set: covered when the request attests it as met. */
    record RequireCriteria(String criteriaSet) implements Verdict {
        /** Requires the criteria set's id. */
        public RequireCriteria {
            Objects.requireNonNull(criteriaSet, "criteriaSet");
        }

        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of();
        }

        @Override
        public Set<String> criteriaSetsNamed() {
            return ImmutableSet.of(criteriaSet);
        }

        @Override
        public <S, F> F decide(Verdicts<S, F> verdicts, S statement, int line) {
            Outcome outcome = verdicts.criteriaMet(criteriaSet) ? Outcome.COVERED : Outcome.CONDITIONAL;
            return verdicts.onCriteria(statement, line, criteriaSet, outcome);
        }
    }

    /** Take the outcome of the first other line whose code is in the group (e.g. a baseline study follows its IOM line). */
    record FollowGroup(String group) implements Verdict {
        /** Requires the followed group. */
        public FollowGroup {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of(group);
        }

        @Override
        public Set<String> criteriaSetsNamed() {
            return ImmutableSet.of();
        }

        @Override
        public <S, F> F decide(Verdicts<S, F> verdicts, S statement, int line) {
            return verdicts.following(statement, line, group);
        }
    }

    /** Limit the units allowed for the line (per operative session); the excess is reported as not covered. */
    record LimitUnits(int units) implements Annotation {
        /** Requires a positive limit. */
        public LimitUnits {
            if (units < 1) {
                throw new IllegalArgumentException("a unit limit must be at least 1, was " + units);
            }
        }

        @Override
        public <S> void annotate(Annotations<S> annotations, S statement, int line) {
            annotations.limitUnits(statement, line, units);
        }
    }

    /** Require prior authorization for the line. */
    record RequirePriorAuthorization() implements Annotation {
        @Override
        public <S> void annotate(Annotations<S> annotations, S statement, int line) {
            annotations.requirePriorAuthorization(statement, line);
        }
    }

    /** Add the statement's reason and citation to the line (a documentation or coding reminder), changing nothing else. */
    record Note() implements Annotation {
        @Override
        public <S> void annotate(Annotations<S> annotations, S statement, int line) {
            annotations.note(statement, line);
        }
    }
}
