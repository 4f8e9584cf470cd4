package org.coverageengine.adapter.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.code.InvalidCodeException;

/**
 * The CMS HCPCS Level II quarterly file as CSV: one row per record, procedures (RECID 3 and 4) with their add and
 * termination dates (YYYYMMDD), modifiers (RECID 7 and 8) skipped.
 */
final class CmsHcpcsFile implements CodeFileLayout<CsvTable.Row> {

    private static final List<String> COLUMNS = List.of("HCPC", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "ADD DT",
            "ACT EFF DT", "TERM DT", "ACTION CD");

    private final String name;
    private final List<String> source;

    CmsHcpcsFile(String name) {
        this.name = name;
        this.source = List.of("CMS HCPCS file " + name);
    }

    @Override
    public CodeFileFormat format() {
        return CodeFileFormat.HCPCS_CSV;
    }

    @Override
    public List<CsvTable.Row> records(String text) {
        return CsvTable.parse(name, text, COLUMNS).rows();
    }

    @Override
    public int line(CsvTable.Row record) {
        return record.line();
    }

    @Override
    public Optional<CodeEntry> entry(CsvTable.Row row) {
        String recordId = row.get("RECID");
        if (recordId.equals("7") || recordId.equals("8")) {
            return Optional.empty();
        }
        if (!recordId.equals("3") && !recordId.equals("4")) {
            throw row.error("RECID", "RECID must be 3 or 4 for procedures (7 or 8 for modifiers), was '" + recordId + "'");
        }
        Code code;
        try {
            code = Code.hcpcs(row.get("HCPC"));
        } catch (InvalidCodeException e) {
            throw row.error("HCPC", "malformed code: " + e.getMessage());
        }
        LocalDate added = yyyymmdd(row, "ADD DT");
        LocalDate terminated = yyyymmdd(row, "TERM DT");
        if (added != null && terminated != null && terminated.isBefore(added)) {
            throw row.error("TERM DT", "termination " + terminated + " is before the add date " + added);
        }
        String longText = row.get("LONG DESCRIPTION");
        return Optional.of(CodeEntry.builder(code).shortDescription(row.get("SHORT DESCRIPTION")).longDescription(longText)
                .validity(new DateRange(added, terminated)).addOn(AddOnWording.marks(longText)).sources(source).build());
    }

    @Override
    public Optional<ImportException> duplicate(CsvTable.Row row, Code code, int firstLine) {
        return Optional.of(row.error("HCPC", "duplicate code " + code + " (first at line " + firstLine + ")"));
    }

    @Override
    public Optional<CompletenessDeclaration> completeness(List<CodeEntry> entries) {
        return CodeFile.yearInName(name).stream().boxed().findFirst().map(y -> new CompletenessDeclaration(CodeSystem.HCPCS,
                new DateRange(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)), "HCPCS Level II " + y + " (" + name + ")"));
    }

    private static LocalDate yyyymmdd(CsvTable.Row row, String column) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeException e) {
            throw row.error(column, "bad date '" + text + "': expected YYYYMMDD");
        }
    }
}
