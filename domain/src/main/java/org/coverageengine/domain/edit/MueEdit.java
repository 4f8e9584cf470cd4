package org.coverageengine.domain.edit;

import java.util.Objects;

/** One medically unlikely edit: the most units of a code payable per line or per date of service, and why. */
public record MueEdit(String code, int value, MueAdjudication indicator, String rationale) {

    /** Checks the code (five characters), the value (not negative) and the indicator. */
    public MueEdit {
        PtpEdit.requireProcedure(code, "the MUE code");
        if (value < 0) {
            throw new IllegalArgumentException("an MUE value cannot be negative, was " + value);
        }
        Objects.requireNonNull(indicator, "MUE adjudication indicator");
        rationale = rationale == null ? "" : rationale.strip();
    }
}
