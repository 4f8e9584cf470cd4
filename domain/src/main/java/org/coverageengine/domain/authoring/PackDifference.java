package org.coverageengine.domain.authoring;

import java.util.Objects;

/**
 * One difference between an older and a newer set of policies: a policy, version, code or statement added,
 * removed or changed.
 *
 * @param subject what differs, e.g. {@code group IOM} or {@code statement IOM-ADD-ON-WITHOUT-PRIMARY}
 * @param change {@code added}, {@code removed} or {@code changed}
 * @param detail what was added, removed or how it changed
 */
public record PackDifference(String policy, String subject, String change, String detail) {

    /** Requires every part. */
    public PackDifference {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(change, "change");
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return "policy " + policy + ": " + subject + ": " + change + (detail.isEmpty() ? "" : " " + detail);
    }
}
