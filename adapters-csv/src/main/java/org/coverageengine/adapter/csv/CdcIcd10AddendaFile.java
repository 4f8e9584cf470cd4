package org.coverageengine.adapter.csv;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeEntryBuilder;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.code.DateRange;

/**
 * The CDC ICD-10-CM addenda: "Add:", "Delete:", "Revise from:" and "Revise to:" records for the fiscal year named in
 * the file name, in either of the two layouts the CDC publishes: the order addenda (a billable flag in column 14, the
 * code in 16-22, the short description from column 24 and the long one from 85) and the codes addenda (the code in
 * 14-20 and the description from column 22). The first character after the action tells them apart: a flag is a
 * digit, an ICD-10-CM code starts with a letter.
 */
final class CdcIcd10AddendaFile implements TextLineLayout {

    private static final List<String> ACTIONS = List.of("Add", "Delete", "Revise from", "Revise to");

    private final String name;
    private final LocalDate fiscalStart;
    private final String source;

    CdcIcd10AddendaFile(String name) {
        this.name = name;
        int year = CodeFile.yearInName(name).orElseThrow(() -> new ImportException(name, 0, 0,
                "cannot tell the fiscal year of the addenda from the file name (expected a year such as 2025)"));
        this.fiscalStart = LocalDate.of(year - 1, 10, 1);
        this.source = "CDC ICD-10-CM addenda " + name;
    }

    @Override
    public CodeFileFormat format() {
        return CodeFileFormat.ICD10CM_ADDENDA;
    }

    @Override
    public String fileName() {
        return name;
    }

    @Override
    public Optional<CodeEntry> entry(TextLine line) {
        int colon = line.text().indexOf(':');
        String action = colon > 0 ? line.text().substring(0, colon) : "";
        if (!ACTIONS.contains(action)) {
            // The CDC addenda end with a free-text summary ("Headers ... additions ... deletions"): not records.
            return Optional.empty();
        }
        if (line.length() > 13 && Character.isLetter(line.charAt(13))) {
            return codesLayout(line, action);
        }
        if (line.length() < 24) {
            throw line.error(line.length() + 1, "truncated record: an addenda record has an action, "
                    + "a flag in column 14, a code in columns 16-22 and a description from column 24");
        }
        char flag = line.charAt(13);
        if (flag != '0' && flag != '1') {
            throw line.error(14, "the valid flag in column 14 must be 0 or 1, was '" + flag + "'");
        }
        Code code = line.code(CodeSystem.ICD10CM, 15, 22);
        String shortText = line.field(23, 83);
        String longText = line.length() > 84 ? line.rest(84) : shortText;
        CodeEntryBuilder entry = CodeEntry.builder(code).shortDescription(shortText).longDescription(longText).billable(flag == '1');
        return dated(entry, action);
    }

    private Optional<CodeEntry> codesLayout(TextLine line, String action) {
        if (line.length() < 22) {
            throw line.error(line.length() + 1, "truncated record: a codes addenda record has an action, "
                    + "a code in columns 14-20 and a description from column 22");
        }
        Code code = line.code(CodeSystem.ICD10CM, 13, 20);
        return dated(CodeEntry.builder(code).longDescription(line.rest(21)), action);
    }

    private Optional<CodeEntry> dated(CodeEntryBuilder entry, String action) {
        LocalDate lastDay = fiscalStart.minusDays(1);
        switch (action) {
            case "Add":
                return Optional.of(entry.validity(DateRange.from(fiscalStart)).source(source + " (added " + fiscalStart + ")").build());
            case "Delete":
                return Optional.of(entry.validity(new DateRange(null, lastDay)).source(source + " (deleted " + lastDay + ")").build());
            case "Revise to":
                return Optional.of(entry.source(source + " (revised " + fiscalStart + ")").build());
            default:
                // "Revise from" names the text being replaced: checked, but the "Revise to" record carries the entry.
                return Optional.empty();
        }
    }

    @Override
    public Optional<ImportException> duplicate(TextLine record, Code code, int firstLine) {
        // A code may be revised and added or deleted in the same year.
        return Optional.empty();
    }

    @Override
    public Optional<CompletenessDeclaration> completeness(List<CodeEntry> entries) {
        if (entries.isEmpty()) {
            throw new ImportException(name, 0, 0, "no Add, Delete or Revise records found");
        }
        return Optional.empty();
    }
}
