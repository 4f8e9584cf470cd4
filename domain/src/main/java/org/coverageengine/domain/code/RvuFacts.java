package org.coverageengine.domain.code;

import java.math.BigDecimal;

/**
 * What the CMS physician fee schedule says about a code: its work RVU and status, or a note that no RVU is
 * assigned (a policy pack may state that for a whole pattern of codes, such as the HCPCS S-codes).
 */
public record RvuFacts(BigDecimal workRvu, String statusCode, String note) {

    /** Combines two sources' facts: each field from this one when present, else from the other. */
    public RvuFacts mergedWith(RvuFacts other) {
        if (other == null) {
            return this;
        }
        return new RvuFacts(workRvu != null ? workRvu : other.workRvu, statusCode != null ? statusCode : other.statusCode,
                note != null ? note : other.note);
    }

    /** One line for people, e.g. "work RVU 0.60 (status A)". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (workRvu != null) {
            text.append("work RVU ").append(workRvu.toPlainString());
            if (statusCode != null && !statusCode.isBlank()) {
                text.append(" (CMS status ").append(statusCode).append(')');
            }
        }
        if (note != null && !note.isBlank()) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(note);
        }
        return text.toString();
    }
}
