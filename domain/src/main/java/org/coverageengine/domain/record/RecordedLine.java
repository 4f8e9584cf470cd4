package org.coverageengine.domain.record;

import java.util.List;
import java.util.Objects;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Outcome;

/**
 * One answered line as recorded: the code and its system as asked, modifiers, units, diagnoses, the outcome with
 * its reasons and citations, and whether prior authorization is required.
 */
public record RecordedLine(int sequence, String system, String code, List<String> modifiers, int units,
        List<String> diagnoses, Outcome outcome, List<String> reasons, List<Citation> citations,
        boolean priorAuthorizationRequired) {

    /** Copies the lists. */
    public RecordedLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(outcome, "outcome");
        modifiers = List.copyOf(modifiers);
        diagnoses = List.copyOf(diagnoses);
        reasons = List.copyOf(reasons);
        citations = List.copyOf(citations);
    }
}
