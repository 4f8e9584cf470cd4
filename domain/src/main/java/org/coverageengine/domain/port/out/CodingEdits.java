package org.coverageengine.domain.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.MueLookup;
import org.coverageengine.domain.edit.Programme;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.edit.PtpEditsNaming;
import org.coverageengine.domain.edit.PtpMatch;

/**
 * The NCCI edit tables the engine applies: for each loaded table its PTP rows by pair of codes or its MUE row by code.
 * Which table is in force on a date is decided here once, from the tables' quarters, for every store.
 */
public interface CodingEdits {

    /** Every loaded table, ordered by kind, programme, setting and quarter. */
    List<EditTableId> tables();

    /** Every row of the table for the ordered pair (column 1, column 2), in file order; empty when the table has none. */
    List<PtpEdit> ptpEdits(EditTableId table, String column1, String column2);

    /**
     * Every row of the table whose column-1 and column-2 codes are both among the codes, in no particular order: what
     * one request needs, in one call, however many lines it has.
     */
    List<PtpEdit> ptpEditsAmong(EditTableId table, java.util.Set<String> codes);

    /**
     * The table's rows naming the code, as column 1 or column 2: at most {@code limit} of them (those where it is column 1
     * first, each part ordered by the other code, then by file order) and the count of all of them. A store answers this
     * without reading the whole table: a code of a million-row table can be named by thousands of rows.
     */
    PtpEditsNaming ptpEditsNaming(EditTableId table, String code, int limit);

    /** The table's MUE row for the code, if it lists it. */
    Optional<MueEdit> mueEdit(EditTableId table, String code);

    /**
     * The PTP table used for a date: the latest loaded quarter starting on or before it, else the earliest loaded one
     * (a PTP table lists past edits with their own effective and deletion dates, so an older date is still answered).
     */
    default Optional<EditTableId> ptpTableFor(Programme programme, EditSetting setting, LocalDate date) {
        EditTableId earliest = null;
        EditTableId latestStarted = null;
        for (EditTableId table : tables()) {
            if (table.kind() != EditKind.PTP || table.programme() != programme || table.setting() != setting) {
                continue;
            }
            if (earliest == null || table.quarter().isBefore(earliest.quarter())) {
                earliest = table;
            }
            if (!table.quarter().isAfter(date) && (latestStarted == null || table.quarter().isAfter(latestStarted.quarter()))) {
                latestStarted = table;
            }
        }
        return Optional.ofNullable(latestStarted != null ? latestStarted : earliest);
    }

    /**
     * The PTP edit in force on the date for the ordered pair, in the table used for the date; an applicable row
     * (indicator 0 or 1) is preferred to an indicator-9 row in force the same day.
     */
    default Optional<PtpMatch> ptp(Programme programme, EditSetting setting, LocalDate date, String column1, String column2) {
        Optional<EditTableId> table = ptpTableFor(programme, setting, date);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        PtpEdit found = null;
        for (PtpEdit edit : ptpEdits(table.get(), column1, column2)) {
            if (edit.inForceOn(date) && (found == null || !found.applicable())) {
                found = edit;
            }
        }
        return found == null ? Optional.empty() : Optional.of(new PtpMatch(table.get(), found));
    }

    /**
     * The MUE table in force on the date (from its quarter's first day until the next loaded quarter of the same
     * programme and setting starts) and the code's edit in it; {@link MueLookup.NoQuarter} when no loaded quarter covers
     * the date.
     */
    default MueLookup mue(Programme programme, EditSetting setting, LocalDate date, String code) {
        EditTableId inForce = null;
        EditTableId earliest = null;
        for (EditTableId table : tables()) {
            if (table.kind() != EditKind.MUE || table.programme() != programme || table.setting() != setting) {
                continue;
            }
            if (earliest == null || table.quarter().isBefore(earliest.quarter())) {
                earliest = table;
            }
            if (!table.quarter().isAfter(date) && (inForce == null || table.quarter().isAfter(inForce.quarter()))) {
                inForce = table;
            }
        }
        if (inForce == null) {
            String title = programme.displayName() + " " + setting.displayName() + " MUE";
            return new MueLookup.NoQuarter(earliest == null ? "no " + title + " table is loaded"
                    : "the earliest loaded " + title + " table starts " + earliest.quarter() + ", after the date of service " + date);
        }
        return new MueLookup.InQuarter(inForce, mueEdit(inForce, code));
    }

    /** True when a table of the kind, programme and setting is loaded. */
    default boolean loaded(EditKind kind, Programme programme, EditSetting setting) {
        for (EditTableId table : tables()) {
            if (table.kind() == kind && table.programme() == programme && table.setting() == setting) {
                return true;
            }
        }
        return false;
    }
}
