package org.coverageengine.adapter.batch;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of each determination a batch writes: everything, or everything but the explanation prose ({@code reasons})
 * for machine consumers, who read the outcome, units, criteria codes and citations and need not pay for the text.
 */
public enum OutputDetail {
    FULL,
    COMPACT;

    /** The detail named by an option ("full", "compact"). */
    public static Optional<OutputDetail> named(String name) {
        for (OutputDetail detail : values()) {
            if (detail.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return Optional.of(detail);
            }
        }
        return Optional.empty();
    }

    /** The columns written, in order (NDJSON keys or the CSV header). */
    public List<String> columns() {
        return this == FULL ? DeterminationRow.COLUMNS : DeterminationRow.COLUMNS.stream().filter(c -> !c.equals("reasons")).toList();
    }

    /** True when rows carry the explanation. */
    public boolean explains() {
        return this == FULL;
    }

    /** The option's spelling of this detail. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
