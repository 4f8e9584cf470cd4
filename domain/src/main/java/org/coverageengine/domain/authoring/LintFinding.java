package org.coverageengine.domain.authoring;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing lint found in a policy version that is probably a mistake: a code the code sets do not know on the
 * policy's dates, a group nothing uses, a statement that can never fire, versions whose ranges overlap.
 *
 * @param version the effective date of the policy version the finding is about
 * @param kind a short, stable name of the kind of finding (e.g. {@code unused-group})
 */
public record LintFinding(String policy, LocalDate version, String kind, String message) {

    /** Requires every part. */
    public LintFinding {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "policy " + policy + " (version " + version + "): " + kind + ": " + message;
    }
}
