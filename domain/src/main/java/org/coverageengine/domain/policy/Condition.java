package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A context condition a statement needs before it applies to a line. Conditions are values; each compiles itself to a
 * {@link Check} on one policy's group numbers, which the engine evaluates in constant time per line.
 */
public sealed interface Condition {

    /** The groups this condition names, for validation. */
    Set<String> groupsNamed();

    /** The condition in words. */
    String describe();

    /** This condition as a check on the policy's group numbers ({@code groupIds} gives a named group's number). */
    Check compile(ToIntFunction<String> groupIds);

    /** "The request has a code of group X" on another line. */
    record RequestHasGroup(String group) implements Condition {
        /** Requires a group name. */
        public RequestHasGroup {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of(group);
        }

        @Override
        public String describe() {
            return "the request has a " + group + " code";
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.OtherLineInGroup(groupIds.applyAsInt(group));
        }
    }

    /** "The request has a primary (surgical, non add-on) procedure" on another line. */
    record RequestHasPrimaryProcedure() implements Condition {
        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of();
        }

        @Override
        public String describe() {
            return "the request has a primary procedure";
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.OtherPrimaryProcedure();
        }
    }

    /** "All of the line's diagnoses are in groups Y/Z"; false when there are no diagnoses. */
    record DiagnosesAllIn(Set<String> groups) implements Condition {
        /** Copies the groups; at least one is needed. */
        public DiagnosesAllIn {
            groups = ImmutableSet.copyOf(groups);
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("a diagnosis condition needs at least one group");
            }
        }

        @Override
        public Set<String> groupsNamed() {
            return groups;
        }

        @Override
        public String describe() {
            return "every diagnosis of the line is in " + String.join(" or ", groups);
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            long mask = 0;
            for (String group : groups) {
                mask |= 1L << groupIds.applyAsInt(group);
            }
            return new Check.DiagnosesAllIn(mask, ImmutableList.copyOf(groups));
        }
    }

    /** "An earlier line carries a code of group X": the line is not the first of its group ("one of group"). */
    record EarlierLineInGroup(String group) implements Condition {
        /** Requires a group name. */
        public EarlierLineInGroup {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of(group);
        }

        @Override
        public String describe() {
            return "an earlier line already carries a " + group + " code";
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.EarlierLineInGroup(groupIds.applyAsInt(group));
        }
    }

    /** The negation of another condition. */
    record Not(Condition condition) implements Condition {
        /** Requires the negated condition. */
        public Not {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public Set<String> groupsNamed() {
            return condition.groupsNamed();
        }

        @Override
        public String describe() {
            return "not (" + condition.describe() + ")";
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.Negated(condition.compile(groupIds), describe());
        }
    }
}
