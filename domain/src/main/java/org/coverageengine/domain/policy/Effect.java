package org.coverageengine.domain.policy;

import java.util.Objects;
import org.coverageengine.domain.determination.Outcome;

/**
 * What a statement does when it applies: decide an outcome, require criteria, follow another line's outcome,
 * or annotate the line (a unit limit, prior authorization) without deciding.
 */
public sealed interface Effect {

    /** True for effects that decide the line's outcome (the first deciding statement that applies wins). */
    boolean decides();

    /** Decide the given outcome. */
    record Decide(Outcome outcome) implements Effect {
        /** Requires an outcome; invalid is the engine's, never a policy's. */
        public Decide {
            Objects.requireNonNull(outcome, "outcome");
            if (outcome == Outcome.INVALID || outcome == Outcome.COVERED) {
                throw new IllegalArgumentException("a policy statement cannot decide '" + outcome.code()
                        + "' directly (invalid comes from code validation, covered from attested criteria)");
            }
        }

        @Override
        public boolean decides() {
            return true;
        }
    }

    /** Conditional on a criteria set: covered when the request attests it as met. */
    record RequireCriteria(String criteriaSet) implements Effect {
        /** Requires the criteria set's id. */
        public RequireCriteria {
            Objects.requireNonNull(criteriaSet, "criteriaSet");
        }

        @Override
        public boolean decides() {
            return true;
        }
    }

    /** Take the outcome of the first other line whose code is in the group (e.g. a baseline study follows its IOM line). */
    record FollowGroup(String group) implements Effect {
        /** Requires the followed group. */
        public FollowGroup {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public boolean decides() {
            return true;
        }
    }

    /** Limit the units allowed for the line (per operative session); the excess is reported as not covered. */
    record LimitUnits(int units) implements Effect {
        /** Requires a positive limit. */
        public LimitUnits {
            if (units < 1) {
                throw new IllegalArgumentException("a unit limit must be at least 1, was " + units);
            }
        }

        @Override
        public boolean decides() {
            return false;
        }
    }

    /** Require prior authorization for the line. */
    record RequirePriorAuthorization() implements Effect {
        @Override
        public boolean decides() {
            return false;
        }
    }
}
