package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.coverageengine.domain.determination.Sex;
import org.coverageengine.domain.evaluation.RequestView;
import org.coverageengine.domain.evaluation.TriggerPhrases;

/**
 * A condition compiled against one policy's group numbers: it holds or not for a line with a few integer operations
 * on the request's per-group counts, and says what made it hold.
 */
public sealed interface Check {

    /** True when the check holds for the line. */
    boolean holds(RequestView request, int line);

    /** Appends to a citation's trigger what in the request made the check hold for the line. */
    void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into);

    /**
     * The fact the check needs and the request does not give ("the patient's age"), or null when it can be evaluated:
     * a check on a missing fact is reported as not evaluated, never guessed.
     */
    default String missingFact(RequestView request) {
        return null;
    }

    /** True when {@link #missingFact} can name a fact, i.e. the check reads a fact a request may lack. */
    default boolean readsFact() {
        return false;
    }

    /** {@link #reads}: the line's diagnoses (or the request's, for a line without its own), and their groups on the date. */
    int READS_DIAGNOSES = 1;
    /** {@link #reads}: the line's modifiers. */
    int READS_MODIFIERS = 1 << 1;
    /** {@link #reads}: the patient's age on the date of service. */
    int READS_AGE = 1 << 2;
    /** {@link #reads}: the patient's sex. */
    int READS_SEX = 1 << 3;
    /** {@link #reads}: the place of service. */
    int READS_PLACE = 1 << 4;
    /** {@link #reads}: other lines of the request (their codes, groups or order). */
    int READS_OTHER_LINES = 1 << 5;
    /**
     * {@link #reads}, with {@link #READS_OTHER_LINES}: which of the other lines come before this one. Without it, a
     * check reads the other lines as a whole, so lines of one code with the same facts are explained in the same words
     * (each code is named once, at its first line other than the one explained).
     */
    int READS_LINE_ORDER = 1 << 6;

    /**
     * What of the request, besides the line's code and its groups, the check's result and explanation depend on: a sum
     * of the {@code READS_} bits. A statement whose checks read no other line cites the same text for the same
     * facts, so its citations can be written once per case.
     */
    int reads();

    /** Another line carries a code of the group. */
    record OtherLineInGroup(int group) implements Check {
        /** Requires a group number the engine can represent. */
        public OtherLineInGroup {
            requireGroup(group);
        }

        @Override
        public boolean holds(RequestView request, int line) {
            return request.linesIn(group) - (int) ((request.groups(line) >>> group) & 1) > 0;
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.otherLinesIn(request, line, group, into);
        }

        @Override
        public int reads() {
            return READS_OTHER_LINES;
        }
    }

    /** Another line is a primary procedure. */
    record OtherPrimaryProcedure() implements Check {
        @Override
        public boolean holds(RequestView request, int line) {
            return request.primaryProcedures() - (request.isPrimaryProcedure(line) ? 1 : 0) > 0;
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.otherPrimaryProcedures(request, line, into);
        }

        @Override
        public int reads() {
            return READS_OTHER_LINES;
        }
    }

    /** The line has diagnoses and each is in one of the groups (a bit mask; the names in the policy's words). */
    record DiagnosesAllIn(long groups, List<String> groupNames) implements Check {
        /** Requires at least one group. */
        public DiagnosesAllIn {
            if (groups == 0) {
                throw new IllegalArgumentException("a diagnosis check needs at least one group");
            }
            groupNames = ImmutableList.copyOf(groupNames);
        }

        @Override
        public boolean holds(RequestView request, int line) {
            return request.diagnosesAllIn(line, groups);
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.diagnosesIn(request, line, groupNames, into);
        }

        @Override
        public int reads() {
            return READS_DIAGNOSES;
        }
    }

    /** A line before this one carries a code of the group. */
    record EarlierLineInGroup(int group) implements Check {
        /** Requires a group number the engine can represent. */
        public EarlierLineInGroup {
            requireGroup(group);
        }

        @Override
        public boolean holds(RequestView request, int line) {
            return request.linesIn(group) > 0 && request.firstLineIn(group) < line;
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.earlierLinesIn(request, line, group, into);
        }

        @Override
        public int reads() {
            return READS_OTHER_LINES | READS_LINE_ORDER;
        }
    }

    /** The negation of another check; its trigger is the negated condition in words. */
    record Negated(Check check, String description) implements Check {
        /** Requires the negated check and its description. */
        public Negated {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(description, "description");
        }

        @Override
        public boolean holds(RequestView request, int line) {
            return !check.holds(request, line);
        }

        @Override
        public boolean readsFact() {
            return check.readsFact();
        }

        @Override
        public String missingFact(RequestView request) {
            return check.missingFact(request);
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.described(description, into);
        }

        @Override
        public int reads() {
            return check.reads();
        }
    }

    /** At least one diagnosis of the line is in one of the groups. */
    record DiagnosesAnyIn(long groups, List<String> groupNames) implements Check {
        /** Requires at least one group. */
        public DiagnosesAnyIn {
            if (groups == 0) {
                throw new IllegalArgumentException("a diagnosis check needs at least one group");
            }
            groupNames = ImmutableList.copyOf(groupNames);
        }

        @Override
        public boolean holds(RequestView request, int line) {
            return request.diagnosesAnyIn(line, groups);
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.someDiagnosesIn(request, line, groups, groupNames, into);
        }

        @Override
        public int reads() {
            return READS_DIAGNOSES;
        }
    }

    /** The line's primary (first) diagnosis is in one of the groups. */
    record PrimaryDiagnosisIn(long groups, List<String> groupNames) implements Check {
        /** Requires at least one group. */
        public PrimaryDiagnosisIn {
            if (groups == 0) {
                throw new IllegalArgumentException("a diagnosis check needs at least one group");
            }
            groupNames = ImmutableList.copyOf(groupNames);
        }

        @Override
        public boolean holds(RequestView request, int line) {
            return request.primaryDiagnosisIn(line, groups);
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.primaryDiagnosisIn(request, line, groupNames, into);
        }

        @Override
        public int reads() {
            return READS_DIAGNOSES;
        }
    }

    /** The patient's age on the date of service is at least {@code atLeast} and below {@code below} (either may be open). */
    record AgeWithin(Integer atLeast, Integer below) implements Check {
        /** Requires at least one bound, and a non-empty span. */
        public AgeWithin {
            if (atLeast == null && below == null) {
                throw new IllegalArgumentException("an age check needs a lower or an upper bound");
            }
            if (atLeast != null && below != null && atLeast >= below) {
                throw new IllegalArgumentException("an age span must not be empty: at least " + atLeast + " and below " + below);
            }
        }

        @Override
        public boolean holds(RequestView request, int line) {
            Integer age = request.patientAge();
            return age != null && (atLeast == null || age >= atLeast) && (below == null || age < below);
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.described("the patient is " + request.patientAge() + " years old", into);
        }

        @Override
        public boolean readsFact() {
            return true;
        }

        @Override
        public String missingFact(RequestView request) {
            return request.patientAge() == null ? "the patient's age (birth date)" : null;
        }

        @Override
        public int reads() {
            return READS_AGE;
        }
    }

    /** The patient's sex is the one named. */
    record SexIs(Sex sex) implements Check {
        /** Requires the sex. */
        public SexIs {
            Objects.requireNonNull(sex, "sex");
        }

        @Override
        public boolean holds(RequestView request, int line) {
            return request.patientSex() == sex;
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.described("the patient's sex is " + sex.code(), into);
        }

        @Override
        public boolean readsFact() {
            return true;
        }

        @Override
        public String missingFact(RequestView request) {
            return request.patientSex() == null ? "the patient's sex" : null;
        }

        @Override
        public int reads() {
            return READS_SEX;
        }
    }

    /** The line carries at least one of the modifiers. */
    record ModifierAmong(Set<String> modifiers) implements Check {
        /** Copies the modifiers; at least one is needed. */
        public ModifierAmong {
            modifiers = ImmutableSet.copyOf(modifiers);
            if (modifiers.isEmpty()) {
                throw new IllegalArgumentException("a modifier check needs at least one modifier");
            }
        }

        @Override
        public boolean holds(RequestView request, int line) {
            for (String modifier : request.modifiers(line)) {
                if (modifiers.contains(modifier)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.described("the line has modifier " + String.join(", ", request.modifiers(line).stream().filter(modifiers::contains).toList()), into);
        }

        @Override
        public int reads() {
            return READS_MODIFIERS;
        }
    }

    /** The request's place of service is one of the CMS place-of-service codes. */
    record PlaceAmong(Set<String> places) implements Check {
        /** Copies the codes; at least one is needed. */
        public PlaceAmong {
            places = ImmutableSet.copyOf(places);
            if (places.isEmpty()) {
                throw new IllegalArgumentException("a place-of-service check needs at least one code");
            }
        }

        @Override
        public boolean holds(RequestView request, int line) {
            return request.placeOfService() != null && places.contains(request.placeOfService());
        }

        @Override
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.described("place of service " + request.placeOfService(), into);
        }

        @Override
        public boolean readsFact() {
            return true;
        }

        @Override
        public String missingFact(RequestView request) {
            return request.placeOfService() == null ? "the place of service" : null;
        }

        @Override
        public int reads() {
            return READS_PLACE;
        }
    }

    private static void requireGroup(int group) {
        if (group < 0 || group > 63) {
            throw new IllegalArgumentException("a group number is 0 to 63, was " + group);
        }
    }
}
