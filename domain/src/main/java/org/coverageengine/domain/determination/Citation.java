package org.coverageengine.domain.determination;

import java.time.LocalDate;

/**
 * Where a reason comes from: the policy (number, title, version date), the section, the statement, and
 * what in the request triggered it (which code of which list). An NCCI edit is cited the same way: the kind of edit as
 * the number, the table as the title, its quarter as the version, the edit as the section, the indicator as the
 * statement and the CMS rationale as the trigger.
 */
public record Citation(String policyNumber, String policyTitle, LocalDate policyVersion, String section, String statementId,
        String trigger) {

    /** The number an NCCI procedure-to-procedure edit is cited under. */
    public static final String NCCI_PTP = "NCCI PTP";
    /** The number an NCCI medically unlikely edit is cited under. */
    public static final String NCCI_MUE = "NCCI MUE";

    /** True when this cites an NCCI edit table rather than a payer policy. */
    public boolean citesNcciEdit() {
        return NCCI_PTP.equals(policyNumber) || NCCI_MUE.equals(policyNumber);
    }

    /** One line for people, e.g. "Policy 0509 (2024-09-15), Coverage Policy: ... [IOM-PAIN]: 64483 in PAIN". */
    public String describe() {
        return (citesNcciEdit() ? "" : "Policy ") + policyNumber + " " + policyTitle + " (version " + policyVersion + "), section \"" + section + "\""
                + (statementId == null ? "" : " [" + statementId + "]") + (trigger == null || trigger.isEmpty() ? "" : ": " + trigger);
    }
}
