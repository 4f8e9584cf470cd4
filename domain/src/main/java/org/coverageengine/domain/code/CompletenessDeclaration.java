package org.coverageengine.domain.code;

import java.time.LocalDate;
import java.util.Objects;

/** A statement that a full official code set of a system was loaded for a period (e.g. ICD-10-CM FY2025). */
public record CompletenessDeclaration(CodeSystem system, DateRange period, String label) {

    /** Requires a system and a bounded period. */
    public CompletenessDeclaration {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(period, "period");
        if (period.start() == null || period.end() == null) {
            throw new IllegalArgumentException("a completeness declaration needs a start and an end date");
        }
    }

    /** True when the declaration covers the system on the date. */
    public boolean covers(CodeSystem codeSystem, LocalDate date) {
        return system == codeSystem && period.contains(date);
    }

    @Override
    public String toString() {
        return label + " (" + system.displayName() + ", " + period + ")";
    }
}
