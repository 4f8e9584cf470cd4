package org.coverageengine.domain.engine;

import java.time.LocalDate;
import org.coverageengine.domain.code.Code;

/**
 * The groups one policy version places a code in on a date, kept for policies whose groups hold code ranges or
 * prefixes: those are compared one by one for every code of every line and every diagnosis, while the same few codes
 * and dates make most of the traffic. A fixed number of slots, each holding the last code and date that landed on it
 * as an immutable entry, so threads racing on a slot at worst place a code twice; the memory is bounded whatever the
 * requests hold.
 */
final class MatchedGroups {

    /** Slots; a power of two. */
    static final int SLOTS = 1024;
    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);

    /** A code, the date it was placed on, and the groups (as a bit mask) that hold it then. */
    record Placed(Code code, LocalDate date, long groups) {
    }

    private final Placed[] placed = new Placed[SLOTS];

    /** What was kept for the code on the date, or null. */
    Placed find(Code code, LocalDate date) {
        Placed kept = placed[slot(code, date)];
        return kept != null && kept.date().equals(date) && kept.code().equals(code) ? kept : null;
    }

    /** Keeps the groups that hold the code on the date. */
    void keep(Code code, LocalDate date, long groups) {
        placed[slot(code, date)] = new Placed(code, date, groups);
    }

    // The text's hash is kept by the string, and a date's hash is a few shifts (its epoch day takes divisions).
    private static int slot(Code code, LocalDate date) {
        return (int) ((code.value().hashCode() * 31L + date.hashCode()) * 0x9E3779B97F4A7C15L >>> 64 - SLOT_BITS);
    }
}
