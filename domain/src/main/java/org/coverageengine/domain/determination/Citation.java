package org.coverageengine.domain.determination;

import java.time.LocalDate;

/**
 * Where a reason comes from: the policy (number, title, version date), the section, the statement, and
 * what in the request triggered it (which code of which list).
 */
public record Citation(String policyNumber, String policyTitle, LocalDate policyVersion, String section, String statementId,
        String trigger) {

    /** One line for people, e.g. "Policy 0509 (2024-09-15), Coverage Policy: ... [IOM-PAIN]: 64483 in PAIN". */
    public String describe() {
        return "Policy " + policyNumber + " " + policyTitle + " (version " + policyVersion + "), section \"" + section + "\""
                + (statementId == null ? "" : " [" + statementId + "]") + (trigger == null || trigger.isEmpty() ? "" : ": " + trigger);
    }
}
