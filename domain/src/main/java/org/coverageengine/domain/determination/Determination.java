package org.coverageengine.domain.determination;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.coverageengine.domain.code.CodeSystem;

/**
 * The answer for one requested line: outcome, reasons in plain words, citations, criteria to document,
 * allowed units (and in words what they are per) and whether prior authorization is required.
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
        List<String> modifiers,
        String allowedUnitsBasis) {

    /** An answer whose allowed units, if any, come without words for what they are per. */
    public Determination(int sequence, String code, CodeSystem system, String display, Outcome outcome, List<String> reasons,
            List<Citation> citations, List<Criterion> criteria, Integer allowedUnits, int requestedUnits, boolean priorAuthorizationRequired,
            List<String> modifiers) {
        this(sequence, code, system, display, outcome, reasons, citations, criteria, allowedUnits, requestedUnits, priorAuthorizationRequired,
                modifiers, null);
    }

    /** Freezes the lists (copying only those that are not immutable already). */
    public Determination {
        Objects.requireNonNull(outcome, "outcome");
        reasons = frozen(reasons);
        citations = frozen(citations);
        criteria = frozen(criteria);
        modifiers = modifiers == null ? List.of() : frozen(modifiers);
    }

    private static <T> List<T> frozen(List<T> list) {
        // List.copyOf returns the JDK's immutable lists as they are but copies Guava's; ImmutableList.copyOf the reverse.
        return list instanceof ImmutableList<T> immutable ? immutable : List.copyOf(list);
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
