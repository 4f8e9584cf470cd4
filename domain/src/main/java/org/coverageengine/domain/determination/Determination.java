package org.coverageengine.domain.determination;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.coverageengine.domain.code.CodeSystem;

/**
 * The answer for one requested line: outcome, reasons in plain words, citations, criteria to document,
 * allowed units and whether prior authorization is required.
 */
public record Determination(
        int sequence,
        String code,
        CodeSystem system,
        String display,
        Outcome outcome,
        List<String> reasons,
        List<Citation> citations,
        List<Criterion> criteria,
        Integer allowedUnits,
        int requestedUnits,
        boolean priorAuthorizationRequired,
        List<String> modifiers) {

    /** Copies the lists. */
    public Determination {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        citations = List.copyOf(citations);
        criteria = List.copyOf(criteria);
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    }

    /** The units the policy allows for this line, when it limits them. */
    public Optional<Integer> allowedUnitLimit() {
        return Optional.ofNullable(allowedUnits);
    }

    /** The reasons joined into one explanation. */
    public String explanation() {
        return String.join(" ", reasons);
    }
}
