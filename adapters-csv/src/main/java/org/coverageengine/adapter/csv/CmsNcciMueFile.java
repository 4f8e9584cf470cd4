package org.coverageengine.adapter.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.domain.edit.MueAdjudication;
import org.coverageengine.domain.edit.MueEdit;

/**
 * A CMS NCCI MUE file as CSV: a quoted AMA notice record over several lines, a header whose first cell holds a line
 * break ({@code "HCPCS/<newline>CPT Code"}), then code, MUE value, adjudication indicator as CMS writes it
 * ({@code 2 Date of Service Edit: Policy}) and rationale. Columns are read by position, since their names differ
 * between the practitioner, hospital and DME files.
 */
final class CmsNcciMueFile {

    static final String HEADER_MARK = "MUE Adjudication Indicator";
    private static final int HEADER_WITHIN_LINES = 40;
    private static final int FIELDS = 4;

    private CmsNcciMueFile() {
    }

    /** The edits of the file, in file order; throws {@link ImportException} at file:line:column on the first bad row. */
    static List<MueEdit> read(String name, String text, ProgressListener progress) {
        List<String> head = text.lines().limit(HEADER_WITHIN_LINES).toList();
        int header = -1;
        for (int i = 0; i < head.size() && header < 0; i++) {
            String line = head.get(i);
            if (line.startsWith("\"HCPCS") || line.startsWith("HCPCS")) {
                header = i;
            }
        }
        if (header < 0) {
            throw new ImportException(name, 1, 1, "wrong header: no header row starting 'HCPCS' in the first " + HEADER_WITHIN_LINES
                    + " lines of an NCCI MUE file");
        }
        List<CsvTable.Row> rows = CsvTable.parse(name, text, List.of(), header, true).rows();
        Map<String, Integer> seen = new HashMap<>();
        List<MueEdit> edits = new ArrayList<>(rows.size());
        int done = 0;
        for (CsvTable.Row row : rows) {
            if (row.size() < FIELDS) {
                throw new ImportException(name, row.line(), row.size() + 1, "expected " + FIELDS
                        + " fields (code, MUE value, adjudication indicator, rationale), found " + row.size());
            }
            String code = row.at(0);
            int value;
            try {
                value = Integer.parseInt(row.at(1));
            } catch (NumberFormatException e) {
                throw row.errorAt(1, "the MUE value must be a whole number of units, was '" + Quoted.prefix(row.at(1)) + "'");
            }
            MueAdjudication indicator = MueAdjudication.of(row.at(2)).orElseThrow(() -> row.errorAt(2,
                    "the MUE adjudication indicator must start with 1, 2 or 3, was '" + Quoted.prefix(row.at(2)) + "'"));
            MueEdit edit;
            try {
                edit = new MueEdit(code, value, indicator, row.at(3));
            } catch (IllegalArgumentException e) {
                throw row.errorAt(e.getMessage().startsWith("the MUE code") ? 0 : 1, e.getMessage());
            }
            Integer first = seen.putIfAbsent(code, row.line());
            if (first != null) {
                throw row.errorAt(0, "duplicate code " + code + " (first at line " + first + ")");
            }
            edits.add(edit);
            done++;
            if ((done & 0x3FF) == 0 || done == rows.size()) {
                progress.progress(done, rows.size());
            }
        }
        if (edits.isEmpty()) {
            throw new ImportException(name, 0, 0, "the NCCI MUE file holds no edits");
        }
        return edits;
    }
}
