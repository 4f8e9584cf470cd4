package org.coverageengine.adapter.csv;

import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;

/** The CDC ICD-10-CM codes file: fixed width, a billable code in columns 1-7 and its description from column 9. */
final class CdcIcd10CodesFile implements TextLineLayout {

    private final String name;
    private final List<String> source;

    CdcIcd10CodesFile(String name) {
        this.name = name;
        this.source = List.of("CDC ICD-10-CM codes file " + name);
    }

    @Override
    public CodeFileFormat format() {
        return CodeFileFormat.ICD10CM_CODES;
    }

    @Override
    public String fileName() {
        return name;
    }

    @Override
    public Optional<CodeEntry> entry(TextLine line) {
        if (line.length() < 9) {
            throw line.error(line.length() + 1, "truncated record: expected a code in columns 1-7 and a description from column 9");
        }
        Code code = line.code(CodeSystem.ICD10CM, 0, 7);
        return Optional.of(CodeEntry.builder(code).longDescription(line.rest(8)).sources(source).build());
    }

    @Override
    public Optional<ImportException> duplicate(TextLine record, Code code, int firstLine) {
        return Optional.of(record.error(1, "duplicate code " + code + " (first at line " + firstLine + ")"));
    }

    @Override
    public Optional<CompletenessDeclaration> completeness(List<CodeEntry> entries) {
        return CodeFile.icd10FiscalYear(name, entries.size());
    }
}
