package org.coverageengine.domain.determination;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.coverageengine.domain.code.CodeText;

/**
 * One line of a coverage request: the procedure code as written, units, modifiers and the diagnoses linked to it.
 */
public record RequestedLine(int sequence, CodeText procedure, int quantity, List<String> modifiers, List<CodeText> diagnoses) {

    /** Validates units (at least 1) and copies the lists. */
    public RequestedLine {
        Objects.requireNonNull(procedure, "procedure");
        if (quantity < 1) {
            throw new IllegalArgumentException("line " + sequence + ": quantity must be at least 1, was " + quantity);
        }
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /** A line with one unit and no modifiers. */
    public static RequestedLine of(int sequence, String procedure, String... diagnoses) {
        ImmutableList.Builder<CodeText> dx = ImmutableList.builder();
        for (String d : diagnoses) {
            dx.add(CodeText.diagnosis(d));
        }
        return new RequestedLine(sequence, CodeText.procedure(procedure), 1, ImmutableList.of(), dx.build());
    }

    /** A copy with another quantity. */
    public RequestedLine withQuantity(int units) {
        return new RequestedLine(sequence, procedure, units, modifiers, diagnoses);
    }
}
