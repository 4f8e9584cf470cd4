package org.coverageengine.adapter.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.code.InvalidCodeException;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.policy.CodeRange;

/** The value types of a pack's cells (code systems, codes, dates, lines of business, lists), read or refused at the cell. */
final class PackValues {

    private PackValues() {
    }

    static CodeSystem system(CsvTable.Row row, String column, String text) {
        return CodeSystem.fromName(text).or(() -> CodeSystem.fromUri(text)).orElseThrow(() -> row.error(column,
                "unknown code system '" + Quoted.prefix(text) + "' (expected CPT, HCPCS or ICD-10-CM)"));
    }

    static Code code(CsvTable.Row row, CodeSystem system, String text) {
        try {
            return Code.of(system, text);
        } catch (InvalidCodeException e) {
            throw row.error("code", "malformed code: " + e.getMessage());
        }
    }

    /** True when a group_codes.csv cell lists a range ({@code 63001-63048}) or a prefix ({@code C71*}) rather than one code. */
    static boolean isSpan(String text) {
        return text.indexOf('-') >= 0 || text.endsWith("*");
    }

    /** A range {@code FIRST-LAST} of two well-formed codes, or a prefix {@code P*} of letters, digits and dots. */
    static CodeRange span(CsvTable.Row row, CodeSystem system, String text, DateRange dates) {
        String cell = text.strip();
        if (cell.endsWith("*")) {
            String prefix = cell.substring(0, cell.length() - 1).strip();
            if (!prefix.matches("[A-Za-z0-9][A-Za-z0-9.]*")) {
                throw row.error("code", "malformed prefix '" + Quoted.prefix(cell) + "': a prefix is letters, digits or dots followed by *");
            }
            return CodeRange.startingWith(system, prefix, dates);
        }
        String[] ends = cell.split("-", -1);
        if (ends.length != 2) {
            throw row.error("code", "malformed range '" + Quoted.prefix(cell) + "': a range is FIRST-LAST, e.g. 63001-63048");
        }
        Code first = code(row, system, ends[0]);
        Code last = code(row, system, ends[1]);
        try {
            return CodeRange.between(first, last, dates);
        } catch (IllegalArgumentException e) {
            throw row.error("code", e.getMessage());
        }
    }

    /** The date, or null for an empty cell. */
    static LocalDate date(CsvTable.Row row, String column, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw row.error(column, "bad date '" + Quoted.prefix(text) + "': not a calendar date (expected YYYY-MM-DD)");
        }
    }

    /** The range of the row's effective and termination columns. */
    static DateRange range(CsvTable.Row row, String effective, String termination) {
        LocalDate start = date(row, "effective", effective);
        LocalDate end = date(row, "termination", termination);
        if (start != null && end != null && end.isBefore(start)) {
            throw row.error("termination", "termination " + end + " is before effective " + start);
        }
        return new DateRange(start, end);
    }

    /** At least one line of business, from a '|'-separated list. */
    static Set<LineOfBusiness> lines(CsvTable.Row row, String column, String text) {
        Set<LineOfBusiness> lobs = EnumSet.noneOf(LineOfBusiness.class);
        for (String item : list(text)) {
            lobs.add(LineOfBusiness.parse(item).orElseThrow(() -> row.error(column, "unknown line of business '" + Quoted.prefix(item)
                    + "' (expected commercial, medicare, medicare-advantage, medicaid, workers-comp, auto or self-pay)")));
        }
        if (lobs.isEmpty()) {
            throw row.error(column, "at least one line of business is required");
        }
        return lobs;
    }

    /** The non-blank items of a '|'-separated list, stripped. */
    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String item : text.split("\\|")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
