package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableSet;
import java.time.Period;
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
    sealed interface Annotation extends Effect permits LimitUnits, LimitPerPeriod, RequirePriorAuthorization, Note {
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
        /** Requires an outcome; invalid is the engine's (code validation), never a policy's. */
        public Decide {
            Objects.requireNonNull(outcome, "outcome");
            if (outcome == Outcome.INVALID) {
                throw new IllegalArgumentException("a policy statement cannot decide 'invalid' (it comes from code validation)");
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

    /** Over which lines a unit limit counts the units of a request (one date of service). */
    enum UnitScope {
        /** Each line on its own. */
        LINE,
        /** The lines of the same code, summed (splitting a code over lines does not pass the limit twice). */
        CODE,
        /** The lines whose code is in a named group, summed. */
        GROUP
    }

    /**
     * Limit the units allowed, counted per line, per code or per named group over the request's lines (earlier lines
     * use the allowance first); the excess is reported as not covered. {@code basis} says in the author's words what the
     * allowance is per (a response's benefit type), or is empty for the scope's own words.
     */
    record LimitUnits(int units, UnitScope scope, String group, String basis) implements Annotation {
        /** Requires a positive limit, and a group exactly when counting per group. */
        public LimitUnits {
            if (units < 1) {
                throw new IllegalArgumentException("a unit limit must be at least 1, was " + units);
            }
            Objects.requireNonNull(scope, "scope");
            if ((scope == UnitScope.GROUP) != (group != null)) {
                throw new IllegalArgumentException("a unit limit names a group exactly when it counts per group");
            }
            basis = basis == null ? "" : basis;
        }

        /** A limit per line, in the scope's own words. */
        public LimitUnits(int units) {
            this(units, UnitScope.LINE, null, "");
        }

        @Override
        public Set<String> groupsNamed() {
            return group == null ? ImmutableSet.of() : ImmutableSet.of(group);
        }

        /** What the allowance is per, in words. */
        public String describeBasis() {
            if (!basis.isEmpty()) {
                return basis;
            }
            return switch (scope) {
                case LINE -> "Units allowed per line";
                case CODE -> "Units allowed per date of service for the code (summed over the request's lines)";
                case GROUP -> "Units allowed per date of service for the codes of " + group + " (summed over the request's lines)";
            };
        }

        @Override
        public <S> void annotate(Annotations<S> annotations, S statement, int line) {
            int used = switch (scope) {
                case LINE -> 0;
                case CODE -> annotations.unitsOfCodeBefore(line);
                case GROUP -> annotations.unitsInGroupBefore(line, group);
            };
            annotations.limitUnits(statement, line, units, used);
        }
    }

    /**
     * Limit how many times the patient may receive the line's service in a rolling period ("4 sessions per rolling 12
     * months"), judged against the patient's history; without a history the limit is listed as a criterion to document.
     */
    record LimitPerPeriod(int times, Period period) implements Annotation {
        /** Requires a positive count and a positive period. */
        public LimitPerPeriod {
            if (times < 1) {
                throw new IllegalArgumentException("a per-period limit must allow at least 1, was " + times);
            }
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a per-period limit needs a positive period, was " + period);
            }
        }

        /** "no more than 4 per rolling 12 months". */
        public String describe() {
            return "no more than " + times + " per rolling " + span();
        }

        /** The period in words: "12 months", "30 days", "1 year(s)". */
        public String span() {
            return period.getYears() > 0 ? period.getYears() + " year(s)" : period.getMonths() > 0 ? period.getMonths() + " months"
                    : period.getDays() + " days";
        }

        @Override
        public <S> void annotate(Annotations<S> annotations, S statement, int line) {
            annotations.limitPerPeriod(statement, line, times, period, describe());
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
