package org.coverageengine.domain.policy;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
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
        public void explain(RequestView request, int line, TriggerPhrases phrases, StringBuilder into) {
            phrases.described(description, into);
        }
    }

    private static void requireGroup(int group) {
        if (group < 0 || group > 63) {
            throw new IllegalArgumentException("a group number is 0 to 63, was " + group);
        }
    }
}
