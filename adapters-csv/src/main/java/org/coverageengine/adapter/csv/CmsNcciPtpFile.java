package org.coverageengine.adapter.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.domain.edit.ModifierIndicator;
import org.coverageengine.domain.edit.PtpEdit;

/**
 * A CMS NCCI PTP file as published in the quarterly zips: Latin-1, tab-separated, an AMA notice and a header of
 * several lines (the one starting {@code Column 1<TAB>Column 2} and its continuation lines starting with a tab), then
 * one edit per line: column 1, column 2, the pre-1996 flag, effective date, deletion date ({@code *} for none),
 * modifier indicator and rationale.
 */
final class CmsNcciPtpFile {

    static final String HEADER_START = "Column 1\tColumn 2";
    private static final int HEADER_WITHIN_LINES = 12;
    private static final int FIELDS = 7;

    private CmsNcciPtpFile() {
    }

    /** The edits of the file, in file order; throws {@link ImportException} at file:line:column on the first bad line. */
    static List<PtpEdit> read(String name, String text, ProgressListener progress) {
        List<String> lines = text.lines().toList();
        int header = -1;
        for (int i = 0; i < Math.min(lines.size(), HEADER_WITHIN_LINES) && header < 0; i++) {
            if (lines.get(i).startsWith(HEADER_START)) {
                header = i;
            }
        }
        if (header < 0) {
            throw new ImportException(name, 1, 1, "wrong header: no line starting 'Column 1<TAB>Column 2' in the first "
                    + HEADER_WITHIN_LINES + " lines of an NCCI PTP file");
        }
        int first = header + 1;
        while (first < lines.size() && lines.get(first).startsWith("\t")) {
            first++;
        }
        Map<String, String> codes = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        Map<String, String> rationales = new HashMap<>();
        List<PtpEdit> edits = new ArrayList<>(Math.max(16, lines.size() - first));
        int total = lines.size() - first;
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                edits.add(edit(name, i + 1, line, codes, dates, rationales));
            }
            int done = i - first + 1;
            if ((done & 0x3FFF) == 0 || done == total) {
                progress.progress(done, total);
            }
        }
        if (edits.isEmpty()) {
            throw new ImportException(name, 0, 0, "the NCCI PTP file holds no edits");
        }
        return edits;
    }

    private static PtpEdit edit(String name, int number, String line, Map<String, String> codes, Map<String, LocalDate> dates,
            Map<String, String> rationales) {
        String[] fields = line.split("\t", -1);
        int[] columns = new int[fields.length];
        for (int f = 1; f < fields.length; f++) {
            columns[f] = columns[f - 1] + fields[f - 1].length() + 1;
        }
        if (fields.length < FIELDS - 1) {
            throw new ImportException(name, number, line.length() + 1, "expected " + FIELDS
                    + " tab-separated fields (column 1, column 2, pre-1996 flag, effective, deletion, modifier indicator, rationale), found "
                    + fields.length);
        }
        String column1 = codes.computeIfAbsent(fields[0].strip(), c -> c);
        String column2 = codes.computeIfAbsent(fields[1].strip(), c -> c);
        String pre1996 = fields[2].strip();
        if (!pre1996.isEmpty() && !pre1996.equals("*")) {
            throw new ImportException(name, number, columns[2] + 1, "the pre-1996 flag must be '*' or empty, was '" + Quoted.prefix(pre1996) + "'");
        }
        LocalDate effective = date(name, number, columns[3] + 1, fields[3].strip(), dates, "effective date");
        String deletionText = fields[4].strip();
        LocalDate deletion = deletionText.equals("*") ? null : date(name, number, columns[4] + 1, deletionText, dates, "deletion date");
        ModifierIndicator indicator = ModifierIndicator.of(fields[5].strip()).orElseThrow(() -> new ImportException(name, number,
                columns[5] + 1, "the modifier indicator must be 0, 1 or 9, was '" + Quoted.prefix(fields[5].strip()) + "'"));
        String rationale = fields.length > 6 ? rationales.computeIfAbsent(fields[6].strip(), r -> r) : "";
        try {
            return new PtpEdit(column1, column2, effective, deletion, indicator, rationale);
        } catch (IllegalArgumentException e) {
            int column = e.getMessage().startsWith("column 2") || e.getMessage().startsWith("a PTP edit pairs") ? columns[1] + 1 : 1;
            throw new ImportException(name, number, column, e.getMessage());
        }
    }

    private static LocalDate date(String name, int line, int column, String text, Map<String, LocalDate> dates, String what) {
        LocalDate known = dates.get(text);
        if (known != null) {
            return known;
        }
        try {
            LocalDate parsed = LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
            dates.put(text, parsed);
            return parsed;
        } catch (DateTimeException e) {
            throw new ImportException(name, line, column, "bad " + what + " '" + Quoted.prefix(text) + "': expected YYYYMMDD"
                    + (what.startsWith("deletion") ? " or '*'" : ""));
        }
    }
}
