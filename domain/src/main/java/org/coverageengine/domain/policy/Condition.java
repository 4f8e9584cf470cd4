package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.coverageengine.domain.determination.Sex;

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

    /** "At least one diagnosis of the line is in groups Y/Z"; false when there are no diagnoses. */
    record DiagnosesAnyIn(Set<String> groups) implements Condition {
        /** Copies the groups; at least one is needed. */
        public DiagnosesAnyIn {
            groups = requireGroups(groups);
        }

        @Override
        public Set<String> groupsNamed() {
            return groups;
        }

        @Override
        public String describe() {
            return "a diagnosis of the line is in " + String.join(" or ", groups);
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.DiagnosesAnyIn(mask(groups, groupIds), ImmutableList.copyOf(groups));
        }
    }

    /** "The line's primary (first) diagnosis is in groups Y/Z"; false when there are no diagnoses. */
    record PrimaryDiagnosisIn(Set<String> groups) implements Condition {
        /** Copies the groups; at least one is needed. */
        public PrimaryDiagnosisIn {
            groups = requireGroups(groups);
        }

        @Override
        public Set<String> groupsNamed() {
            return groups;
        }

        @Override
        public String describe() {
            return "the primary diagnosis is in " + String.join(" or ", groups);
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.PrimaryDiagnosisIn(mask(groups, groupIds), ImmutableList.copyOf(groups));
        }
    }

    /** "No diagnosis of the line is in groups Y/Z" (also true when the line has none). */
    record NoDiagnosisIn(Set<String> groups) implements Condition {
        /** Copies the groups; at least one is needed. */
        public NoDiagnosisIn {
            groups = requireGroups(groups);
        }

        @Override
        public Set<String> groupsNamed() {
            return groups;
        }

        @Override
        public String describe() {
            return "no diagnosis of the line is in " + String.join(" or ", groups);
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.Negated(new Check.DiagnosesAnyIn(mask(groups, groupIds), ImmutableList.copyOf(groups)), describe());
        }
    }

    /** "The patient is at least {@code atLeast} and younger than {@code below} years old" on the date of service. */
    record PatientAge(Integer atLeast, Integer below) implements Condition {
        /** Validates the bounds (see {@link Check.AgeWithin}). */
        public PatientAge {
            new Check.AgeWithin(atLeast, below);
        }

        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of();
        }

        @Override
        public String describe() {
            if (below == null) {
                return "the patient is at least " + atLeast + " years old";
            }
            return atLeast == null ? "the patient is younger than " + below : "the patient is " + atLeast + " to " + (below - 1) + " years old";
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.AgeWithin(atLeast, below);
        }
    }

    /** "The patient's sex is X". */
    record PatientSex(Sex sex) implements Condition {
        /** Requires the sex. */
        public PatientSex {
            Objects.requireNonNull(sex, "sex");
        }

        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of();
        }

        @Override
        public String describe() {
            return "the patient's sex is " + sex.code();
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.SexIs(sex);
        }
    }

    /** "The line carries one of the modifiers" (negate it for "none of them"). */
    record ModifierPresent(Set<String> modifiers) implements Condition {
        /** Copies the modifiers (validated by the check). */
        public ModifierPresent {
            modifiers = new Check.ModifierAmong(modifiers).modifiers();
        }

        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of();
        }

        @Override
        public String describe() {
            return "the line has modifier " + String.join(" or ", modifiers);
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.ModifierAmong(modifiers);
        }
    }

    /** "The place of service is one of the CMS place-of-service codes". */
    record PlaceOfService(Set<String> places) implements Condition {
        /** Copies the codes (validated by the check). */
        public PlaceOfService {
            places = new Check.PlaceAmong(places).places();
        }

        @Override
        public Set<String> groupsNamed() {
            return ImmutableSet.of();
        }

        @Override
        public String describe() {
            return "the place of service is " + String.join(" or ", places);
        }

        @Override
        public Check compile(ToIntFunction<String> groupIds) {
            return new Check.PlaceAmong(places);
        }
    }

    private static Set<String> requireGroups(Set<String> groups) {
        Set<String> copy = ImmutableSet.copyOf(groups);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a diagnosis condition needs at least one group");
        }
        return copy;
    }

    private static long mask(Set<String> groups, ToIntFunction<String> groupIds) {
        long mask = 0;
        for (String group : groups) {
            mask |= 1L << groupIds.applyAsInt(group);
        }
        return mask;
    }
}
