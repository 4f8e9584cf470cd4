package org.coverageengine.domain.record;

import java.util.Optional;

/** How an audited interaction ended, as FHIR's AuditEvent.outcome codes it (0, 4, 8). */
public enum AuditOutcome {
    SUCCESS("0"),
    MINOR_FAILURE("4"),
    SERIOUS_FAILURE("8");

    private final String code;

    AuditOutcome(String code) {
        this.code = code;
    }

    /** The FHIR code: "0" success, "4" minor failure (the client's request was refused), "8" serious failure (the server failed). */
    public String code() {
        return code;
    }

    /** The outcome for an HTTP status: 2xx success, 4xx minor failure, anything else serious failure. */
    public static AuditOutcome ofHttpStatus(int status) {
        if (status >= 200 && status < 300) {
            return SUCCESS;
        }
        return status >= 400 && status < 500 ? MINOR_FAILURE : SERIOUS_FAILURE;
    }

    /** Finds an outcome by its FHIR code. */
    public static Optional<AuditOutcome> fromCode(String code) {
        for (AuditOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
