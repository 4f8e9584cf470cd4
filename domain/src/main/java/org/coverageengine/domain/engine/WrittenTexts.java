package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Sex;

/**
 * The explanation texts one statement wrote lately, handed out again when the same case comes back: a unit limit's
 * reason for the same units requested, allowed and used before; the citation of a statement without checks for the
 * same code in the same groups; and the citation of a statement whose checks read no other line for the same code,
 * groups and facts those checks read (see {@link CitedCase}). Those depend on nothing else, and the same few cases make
 * most of the traffic (one unit requested, one allowed, the same codes and diagnoses), so most lines take a text
 * already written instead of writing it again.
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

    /**
     * What the citation of a statement whose checks read no other line depends on: the line's code and which of the
     * statement's groups hold it, and of the facts only those the checks read (the others are null): the line's
     * diagnoses with the date that places them in groups, its modifiers, the patient's age and sex, the place of
     * service. A fact the request lacks is null here as it is to the check, which then cites it as not given.
     */
    record CitedCase(String code, long groups, LocalDate date, List<Code> diagnoses, List<String> modifiers, Integer age, Sex sex,
            String place) {

        // Written out: a record's generated equals and hashCode go through method handles that cost more here.
        @Override
        public boolean equals(Object other) {
            return other instanceof CitedCase that && groups == that.groups && code.equals(that.code) && sex == that.sex
                    && Objects.equals(age, that.age) && Objects.equals(place, that.place) && Objects.equals(date, that.date)
                    && Objects.equals(diagnoses, that.diagnoses) && Objects.equals(modifiers, that.modifiers);
        }

        @Override
        public int hashCode() {
            int hash = code.hashCode() * 31 + Long.hashCode(groups);
            hash = hash * 31 + Objects.hashCode(date);
            hash = hash * 31 + Objects.hashCode(diagnoses);
            hash = hash * 31 + Objects.hashCode(modifiers);
            hash = hash * 31 + Objects.hashCode(age);
            hash = hash * 31 + (sex == null ? 0 : sex.ordinal() + 1);
            return hash * 31 + Objects.hashCode(place);
        }
    }

    private record CaseCitation(CitedCase key, Citation citation) {
    }

    private final LimitReason[] limitReasons = new LimitReason[SLOTS];
    private final CodeCitation[] citations = new CodeCitation[SLOTS];
    private final CaseCitation[] caseCitations = new CaseCitation[SLOTS];

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

    /** The citation kept for the case, or null. */
    Citation citation(CitedCase key) {
        CaseCitation kept = caseCitations[slot(key)];
        return kept != null && kept.key().equals(key) ? kept.citation() : null;
    }

    /** Keeps the citation written for the case. */
    void keep(CitedCase key, Citation citation) {
        caseCitations[slot(key)] = new CaseCitation(key, citation);
    }

    private static int slot(CitedCase key) {
        return (int) (key.hashCode() * 0x9E3779B97F4A7C15L >>> 64 - SLOT_BITS);
    }

    private static int slot(String code, long groups) {
        return (int) ((code.hashCode() * 31L + groups) * 0x9E3779B97F4A7C15L >>> 64 - SLOT_BITS);
    }
}
