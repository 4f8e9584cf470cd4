package org.coverageengine.domain.edit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One NCCI procedure-to-procedure edit: the column-2 code is not paid with the column-1 code from the effective date
 * through the deletion date (the last day in force; none while the edit stands), unless the modifier indicator lets an
 * NCCI PTP-associated modifier bypass it.
 */
public record PtpEdit(String column1, String column2, LocalDate effective, LocalDate deletion, ModifierIndicator indicator,
        String rationale) {

    /** CPT and HCPCS Level II codes are five letters or digits. */
    static final Pattern PROCEDURE = Pattern.compile("[0-9A-Z]{4}[0-9A-Z]");

    /** Checks the codes (five characters, the two different), the dates and the indicator. */
    public PtpEdit {
        requireProcedure(column1, "column 1");
        requireProcedure(column2, "column 2");
        if (column1.equals(column2)) {
            throw new IllegalArgumentException("a PTP edit pairs two different codes, both were " + column1);
        }
        Objects.requireNonNull(effective, "effective date");
        Objects.requireNonNull(indicator, "modifier indicator");
        rationale = rationale == null ? "" : rationale.strip();
    }

    static void requireProcedure(String code, String what) {
        if (code == null || !PROCEDURE.matcher(code).matches()) {
            throw new IllegalArgumentException(what + " must be a five-character CPT or HCPCS code, was '" + code + "'");
        }
    }

    /** The deletion date, the last day the edit is in force; empty while it stands. */
    public Optional<LocalDate> deletionDate() {
        return Optional.ofNullable(deletion);
    }

    /** True when the edit is in force on the date: effective on or before it, and not deleted before it. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effective) && (deletion == null || !date.isAfter(deletion));
    }

    /** True when the edit can ever deny a line: indicator-9 rows never apply. */
    public boolean applicable() {
        return indicator != ModifierIndicator.NOT_APPLICABLE;
    }

    /** "0001A/36591" */
    public String pair() {
        return column1 + "/" + column2;
    }
}
