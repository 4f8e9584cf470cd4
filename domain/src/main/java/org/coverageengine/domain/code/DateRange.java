package org.coverageengine.domain.code;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An inclusive range of dates; an absent start means "since always", an absent end means "still in effect".
 */
public record DateRange(LocalDate start, LocalDate end) {

    /** A range with no bounds. */
    public static final DateRange ALWAYS = new DateRange(null, null);

    /** Rejects a range that ends before it starts. */
    public DateRange {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("date range ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** A range from the given date, open-ended. */
    public static DateRange from(LocalDate start) {
        return new DateRange(start, null);
    }

    /** True when the date lies within the range (both ends inclusive). */
    public boolean contains(LocalDate date) {
        return (start == null || !date.isBefore(start)) && (end == null || !date.isAfter(end));
    }

    /** Why the date is outside the range, or empty when it is inside. */
    public Optional<String> whyOutside(LocalDate date) {
        if (start != null && date.isBefore(start)) {
            return Optional.of("not effective until " + start);
        }
        if (end != null && date.isAfter(end)) {
            return Optional.of("deleted (terminated " + end + ")");
        }
        return Optional.empty();
    }

    /** The overlap of the two ranges (later start, earlier end), or empty when they do not overlap. */
    public Optional<DateRange> intersect(DateRange other) {
        LocalDate s = start == null ? other.start : other.start == null || start.isAfter(other.start) ? start : other.start;
        LocalDate e = end == null ? other.end : other.end == null || end.isBefore(other.end) ? end : other.end;
        if (s != null && e != null && e.isBefore(s)) {
            return Optional.empty();
        }
        return Optional.of(new DateRange(s, e));
    }

    @Override
    public String toString() {
        return (start == null ? "…" : start.toString()) + " to " + (end == null ? "…" : end.toString());
    }
}
