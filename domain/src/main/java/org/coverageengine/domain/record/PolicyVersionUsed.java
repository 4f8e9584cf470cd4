package org.coverageengine.domain.record;

import java.time.LocalDate;
import java.util.Objects;

/** A policy version an answer relied on: its number and version date (NCCI tables appear under their edit kind). */
public record PolicyVersionUsed(String number, LocalDate version) {

    /** A policy needs a number; the version may be unknown. */
    public PolicyVersionUsed {
        Objects.requireNonNull(number, "number");
    }
}
