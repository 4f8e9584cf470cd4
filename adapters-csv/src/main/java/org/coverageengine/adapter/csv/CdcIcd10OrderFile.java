package org.coverageengine.adapter.csv;

import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;

/**
 * The CDC ICD-10-CM order file: fixed width, order number in columns 1-5, code in 7-13, the billable flag in 15
 * (0 for category headers), the short description in 17-76 and the long one from 78.
 */
final class CdcIcd10OrderFile implements TextLineLayout {

    private final String name;
    private final List<String> source;

    CdcIcd10OrderFile(String name) {
        this.name = name;
        this.source = List.of("CDC ICD-10-CM order file " + name);
    }

    @Override
    public CodeFileFormat format() {
        return CodeFileFormat.ICD10CM_ORDER;
    }

    @Override
    public String fileName() {
        return name;
    }

    @Override
    public Optional<CodeEntry> entry(TextLine line) {
        if (line.length() < 17) {
            throw line.error(line.length() + 1, "truncated record: an order-file record has at least 17 "
                    + "characters (order number, code, flag, description), found " + line.length());
        }
        if (!line.text().substring(0, 5).chars().allMatch(Character::isDigit) || line.charAt(5) != ' ') {
            throw line.error(1, "columns 1-5 must hold a zero-filled order number followed by a blank");
        }
        Code code = line.code(CodeSystem.ICD10CM, 6, 13);
        char flag = line.charAt(14);
        if (flag != '0' && flag != '1') {
            throw line.error(15, "the valid flag in column 15 must be 0 (header) or 1 (billable), was '" + flag + "'");
        }
        String shortText = line.field(16, 76);
        String longText = line.length() > 77 ? line.rest(77) : shortText;
        return Optional.of(CodeEntry.builder(code).shortDescription(shortText).longDescription(longText).billable(flag == '1')
                .sources(source).build());
    }

    @Override
    public Optional<ImportException> duplicate(TextLine record, Code code, int firstLine) {
        return Optional.of(record.error(7, "duplicate code " + code + " (first at line " + firstLine + ")"));
    }

    @Override
    public Optional<CompletenessDeclaration> completeness(List<CodeEntry> entries) {
        return CodeFile.icd10FiscalYear(name, entries.size());
    }
}
