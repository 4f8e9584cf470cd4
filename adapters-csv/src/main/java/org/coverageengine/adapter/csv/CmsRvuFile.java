package org.coverageengine.adapter.csv;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.InvalidCodeException;
import org.coverageengine.domain.code.RvuFacts;

/**
 * The CMS physician fee schedule relative value file (PPRRVU) as CSV: title lines, a header split over lines whose
 * last starts {@code HCPCS,MOD,DESCRIPTION}, then one row per code and modifier; rows with a modifier are skipped.
 */
final class CmsRvuFile implements CodeFileLayout<CsvTable.Row> {

    static final String HEADER_START = "HCPCS,MOD,DESCRIPTION";
    private static final int TITLE_LINES_AT_MOST = 30;
    private static final Map<String, String> STATUS_NOTES = Map.of(
            "A", "active code, paid under the physician fee schedule",
            "B", "bundled code: payment is always included in another service",
            "C", "carrier priced",
            "I", "not valid for Medicare purposes",
            "N", "non-covered service under Medicare",
            "R", "restricted coverage",
            "T", "paid only when no other service is billed that day",
            "X", "statutory exclusion from the fee schedule");

    private final String name;
    private final List<String> source;

    CmsRvuFile(String name) {
        this.name = name;
        this.source = List.of("CMS PFS RVU file " + name);
    }

    @Override
    public CodeFileFormat format() {
        return CodeFileFormat.PFS_RVU_CSV;
    }

    @Override
    public List<CsvTable.Row> records(String text) {
        List<String> head = text.lines().limit(TITLE_LINES_AT_MOST).toList();
        int headerLine = -1;
        for (int i = 0; i < head.size() && headerLine < 0; i++) {
            if (head.get(i).startsWith(HEADER_START)) {
                headerLine = i;
            }
        }
        if (headerLine < 0) {
            throw new ImportException(name, 1, 1, "wrong header: no line beginning " + HEADER_START + " in the first "
                    + TITLE_LINES_AT_MOST + " lines");
        }
        return CsvTable.parse(name, text, List.of("HCPCS", "MOD", "DESCRIPTION", "CODE", "RVU", "DAYS"), headerLine, true).rows();
    }

    @Override
    public int line(CsvTable.Row record) {
        return record.line();
    }

    @Override
    public Optional<CodeEntry> entry(CsvTable.Row row) {
        if (!row.get("MOD").isEmpty()) {
            // Professional and technical component rows repeat the code.
            return Optional.empty();
        }
        Code code;
        try {
            code = Code.procedure(row.get("HCPCS"));
        } catch (InvalidCodeException e) {
            throw row.error("HCPCS", "malformed code: " + e.getMessage());
        }
        BigDecimal work;
        try {
            work = new BigDecimal(row.get("RVU"));
        } catch (NumberFormatException e) {
            throw row.error("RVU", "work RVU must be a decimal number, was '" + row.get("RVU") + "'");
        }
        String status = row.get("CODE");
        // Global days "ZZZ" is how the fee schedule marks a code billed only with a primary procedure.
        return Optional.of(CodeEntry.builder(code).shortDescription(row.get("DESCRIPTION")).addOn("ZZZ".equals(row.get("DAYS")))
                .rvu(new RvuFacts(work, status, STATUS_NOTES.get(status))).sources(source).build());
    }

    @Override
    public Optional<ImportException> duplicate(CsvTable.Row row, Code code, int firstLine) {
        return Optional.of(row.error("HCPCS", "duplicate code " + code + " without modifier (first at line " + firstLine + ")"));
    }
}
