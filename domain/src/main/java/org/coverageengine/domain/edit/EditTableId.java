package org.coverageengine.domain.edit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which NCCI table a set of edits is: kind, programme, setting, the first day of the quarter it was published for,
 * and the file(s) it was read from (CMS splits one PTP table over several files).
 */
public record EditTableId(EditKind kind, Programme programme, EditSetting setting, LocalDate quarter, String source) {

    /** Requires every part; the quarter starts on the first day of January, April, July or October. */
    public EditTableId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(source, "source");
        if (quarter.getDayOfMonth() != 1 || (quarter.getMonthValue() - 1) % 3 != 0) {
            throw new IllegalArgumentException("an NCCI quarter starts on the first day of January, April, July or October, not " + quarter);
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("an NCCI table needs the name of the file it was read from");
        }
    }

    /** True when both identify the same table whatever the files it was read from. */
    public boolean sameTableAs(EditTableId other) {
        return kind == other.kind && programme == other.programme && setting == other.setting && quarter.equals(other.quarter);
    }

    /** The same table read from more files. */
    public EditTableId withMoreSources(String more) {
        return new EditTableId(kind, programme, setting, quarter, source + " + " + more);
    }

    /** "Medicare practitioner PTP" (for messages). */
    public String title() {
        return programme.displayName() + " " + setting.displayName() + " " + kind.label();
    }

    /** One line for people, e.g. "Medicare practitioner PTP table, quarter from 2026-07-01 (ccipra-v322r0-f1.txt)". */
    public String describe() {
        return title() + " table, quarter from " + quarter + " (" + source + ")";
    }
}
