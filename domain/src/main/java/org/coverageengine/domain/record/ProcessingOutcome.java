package org.coverageengine.domain.record;

import java.util.Optional;

/** The R4 processing outcome of a whole answer (ValueSet remittance-outcome): complete, partial or error. */
public enum ProcessingOutcome {
    COMPLETE("complete"),
    PARTIAL("partial"),
    ERROR("error");

    private final String code;

    ProcessingOutcome(String code) {
        this.code = code;
    }

    /** The FHIR code, e.g. "complete". */
    public String code() {
        return code;
    }

    /** Finds an outcome by its FHIR code. */
    public static Optional<ProcessingOutcome> fromCode(String code) {
        for (ProcessingOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
