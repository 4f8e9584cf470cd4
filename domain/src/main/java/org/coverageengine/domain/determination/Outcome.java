package org.coverageengine.domain.determination;

import java.util.Optional;

/**
 * The outcome of a determination for one line. The declaration order is the precedence: when several
 * policies speak to the same line, the earliest (most restrictive) outcome wins.
 */
public enum Outcome {
    INVALID("invalid", "Invalid", null),
    NOT_COVERED("not-covered", "Not covered", Boolean.TRUE),
    EXPERIMENTAL("experimental", "Experimental, investigational or unproven", Boolean.TRUE),
    BUNDLED("bundled", "Bundled (integral to another service, not separately reimbursed)", Boolean.TRUE),
    CONDITIONAL("conditional", "Conditional (medically necessary when the criteria are met)", Boolean.FALSE),
    COVERED("covered", "Covered", Boolean.FALSE),
    NO_POLICY("no-policy", "No policy", null);

    private final String code;
    private final String display;
    private final Boolean excluded;

    Outcome(String code, String display, Boolean excluded) {
        this.code = code;
        this.display = display;
        this.excluded = excluded;
    }

    /** The code of the outcome in the project's CodeSystem, e.g. "not-covered". */
    public String code() {
        return code;
    }

    /** A readable name. */
    public String display() {
        return display;
    }

    /** Whether the service is excluded from coverage; empty when the question does not apply (no-policy, invalid). */
    public Optional<Boolean> excluded() {
        return Optional.ofNullable(excluded);
    }

    /** True when this outcome is more restrictive than the other. */
    public boolean moreRestrictiveThan(Outcome other) {
        return ordinal() < other.ordinal();
    }

    /** Finds an outcome by its code. */
    public static Optional<Outcome> fromCode(String code) {
        for (Outcome outcome : values()) {
            if (outcome.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
