package org.coverageengine.domain.engine;

import org.coverageengine.domain.determination.Citation;

/**
 * The explanation texts one statement wrote lately, handed out again when the same case comes back: a unit limit's
 * reason for the same units requested, allowed and used before, and the citation of a statement without checks for
 * the same code in the same groups. Those depend on nothing else, and the same few cases make most of the traffic (one
 * unit requested, one allowed), so most lines take a text already written instead of writing it again.
 *
 * <p>A fixed number of slots, each holding the last text written for the cases that land on it; a slot is replaced
 * whole by an immutable entry, so threads racing on one slot at worst write a text twice. The memory is bounded per
 * statement whatever the requests hold.
 */
final class WrittenTexts {

    /** Slots per kind of text; a power of two. */
    static final int SLOTS = 128;
    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);
    /** Units counted in a limit reason's key: each count takes 21 bits, larger ones are written every time. */
    private static final int MAX_COUNT = (1 << 21) - 1;

    private record LimitReason(long key, String text) {
    }

    private record CodeCitation(String code, long groups, Citation citation) {
    }

    private final LimitReason[] limitReasons = new LimitReason[SLOTS];
    private final CodeCitation[] citations = new CodeCitation[SLOTS];

    /** {@link ExplanationWriter#limitReason}, written once per case. */
    String limitReason(String reason, int requested, int allowed, int usedBefore) {
        if (requested < 0 || allowed < 0 || usedBefore < 0 || requested > MAX_COUNT || allowed > MAX_COUNT || usedBefore > MAX_COUNT) {
            return ExplanationWriter.limitReason(reason, requested, allowed, usedBefore);
        }
        long key = (long) requested << 42 | (long) allowed << 21 | usedBefore;
        int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 64 - SLOT_BITS);
        LimitReason kept = limitReasons[slot];
        if (kept != null && kept.key() == key) {
            return kept.text();
        }
        String text = ExplanationWriter.limitReason(reason, requested, allowed, usedBefore);
        limitReasons[slot] = new LimitReason(key, text);
        return text;
    }

    /** The citation kept for a line of this code in these of the statement's groups, or null. */
    Citation citation(String code, long groups) {
        CodeCitation kept = citations[slot(code, groups)];
        return kept != null && kept.groups() == groups && kept.code().equals(code) ? kept.citation() : null;
    }

    /** Keeps the citation written for a line of this code in these of the statement's groups. */
    void keep(String code, long groups, Citation citation) {
        citations[slot(code, groups)] = new CodeCitation(code, groups, citation);
    }

    private static int slot(String code, long groups) {
        return (int) ((code.hashCode() * 31L + groups) * 0x9E3779B97F4A7C15L >>> 64 - SLOT_BITS);
    }
}
