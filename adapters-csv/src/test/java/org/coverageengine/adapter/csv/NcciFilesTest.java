package org.coverageengine.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.Programme;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CMS NCCI PTP and MUE files read as published: layout detected, table named from the file name or options, errors at file:line:column. */
class NcciFilesTest {

    private static final String PTP_HEAD = "CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t\r\n"
            + "Column1/Column2 Edits\t\t\t\t\t\t\r\n"
            + "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n"
            + "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n"
            + "\t\t\t\t*=no data\t1=allowed\t\r\n"
            + "\t\t\t\t\t9=not applicable\t\r\n";
    private static final String MUE_HEAD = "\"Current Procedural Terminology (CPT) codes ... copyright 2025 American Medical Association.\n\nCPT\u00ae is a "
            + "registered trademark.\",,,\n\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n";

    private static CodeFile parse(String name, String text) {
        return CodeFile.parse(name, text.getBytes(StandardCharsets.ISO_8859_1), null, ProgressListener.NONE);
    }

    @Test
    void readsTheRealPtpExcerptAsAMedicarePractitionerTableOfItsQuarter() {
        CodeFile file = CodeFile.read(SharedData.external(NcciEdits.PTP_EXCERPT), ProgressListener.NONE);
        assertThat(file.format()).isEqualTo(CodeFileFormat.NCCI_PTP);
        assertThat(file.editCount()).isEqualTo(154);
        assertThat(file.entries()).isEmpty();
        assertThat(file.editTable()).contains(new EditTableId(EditKind.PTP, Programme.MEDICARE, EditSetting.PRACTITIONER,
                LocalDate.of(2026, 7, 1), "ccipra-v322r0-f1.excerpt.txt"));
    }

    @Test
    void readsTheRealMueExcerptWithItsQuotedNoticeAndTwoLineHeader() {
        CodeFile file = CodeFile.read(SharedData.external(NcciEdits.MUE_EXCERPT), ProgressListener.NONE);
        assertThat(file.format()).isEqualTo(CodeFileFormat.NCCI_MUE);
        assertThat(file.editCount()).isEqualTo(44);
        assertThat(file.editTable()).hasValueSatisfying(t -> {
            assertThat(t.kind()).isEqualTo(EditKind.MUE);
            assertThat(t.quarter()).isEqualTo(LocalDate.of(2026, 7, 1));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ccipra-v322r0-f1.txt                           | PTP | MEDICARE | PRACTITIONER        | 2026-07-01",
        "ccioph-v310r0-f2.txt                           | PTP | MEDICARE | OUTPATIENT_HOSPITAL | 2025-01-01",
        "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv | MUE | MEDICARE | PRACTITIONER       | 2026-07-01",
        "MCR_MUE_OutpatientHospitalServices_Eff_10-01-2026.csv | MUE | MEDICARE | OUTPATIENT_HOSPITAL | 2026-10-01",
        "MCR_MUE_DMESupplierServices_Eff_01-01-2027.csv | MUE | MEDICARE | DME                 | 2027-01-01",
        "MCD_MUE_PractitionerServices_Eff_07-01-2026.csv | MUE | MEDICAID | PRACTITIONER       | 2026-07-01",
        "Medicaid_PTP_practitioner_2026Q3.txt           | PTP | MEDICAID | PRACTITIONER        | 2026-07-01"})
    void namesTheTableFromTheCmsFileName(String name, EditKind kind, Programme programme, EditSetting setting, LocalDate quarter) {
        assertThat(NcciFileName.table(kind, name, NcciTableOptions.FROM_FILE_NAMES))
                .isEqualTo(new EditTableId(kind, programme, setting, quarter, name));
    }

    @Test
    void optionsNameWhatTheFileNameDoesNot() {
        CodeFile file = CodeFile.parse("edits.txt", (PTP_HEAD + "0001A\t36591\t\t20220101\t*\t0\tCPT Manual\r\n").getBytes(StandardCharsets.ISO_8859_1),
                null, ProgressListener.NONE, new NcciTableOptions(Programme.MEDICAID, EditSetting.OUTPATIENT_HOSPITAL, LocalDate.of(2026, 4, 1)));
        assertThat(file.editTable()).contains(new EditTableId(EditKind.PTP, Programme.MEDICAID, EditSetting.OUTPATIENT_HOSPITAL,
                LocalDate.of(2026, 4, 1), "edits.txt"));
        assertThatThrownBy(() -> parse("edits.txt", PTP_HEAD + "0001A\t36591\t\t20220101\t*\t0\tCPT Manual\r\n"))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("edits.txt: ").hasMessageContaining("--ncci-setting");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad modifier indicator | 0001A\t36591\t\t20220101\t*\t2\tCPT Manual | 7:25 | modifier indicator must be 0, 1 or 9",
        "bad effective date     | 0001A\t36591\t\t2022-01-01\t*\t0\tCPT Manual | 7:14 | bad effective date",
        "bad deletion date      | 0001A\t36591\t\t20220101\tnever\t0\tCPT Manual | 7:23 | expected YYYYMMDD or '*'",
        "malformed code         | 0001A\t3659\t\t20220101\t*\t0\tCPT Manual | 7:7 | column 2 must be a five-character",
        "too few fields         | 0001A\t36591\t\t20220101 | 7:22 | expected 7 tab-separated fields"})
    void aBadPtpLineStopsTheImportAtItsLineAndColumn(String problem, String line, String where, String reason) {
        String text = PTP_HEAD + line.replace("\\t", "\t") + "\r\n";
        assertThatThrownBy(() -> parse("ccipra-v322r0-f1.txt", text)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("ccipra-v322r0-f1.txt:" + where + ":").hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad indicator   | 0009U,2,4 Unknown,Nature of Analyte | 6:3 | must start with 1, 2 or 3",
        "bad value       | 0009U,two,3 Date of Service Edit: Clinical,Nature of Analyte | 6:2 | whole number of units",
        "malformed code  | 009U,2,3 Date of Service Edit: Clinical,Nature of Analyte | 6:1 | five-character"})
    void aBadMueRowStopsTheImportAtItsLineAndColumn(String problem, String row, String where, String reason) {
        assertThatThrownBy(() -> parse("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv", MUE_HEAD + row + "\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv:" + where + ":").hasMessageContaining(reason);
    }

    @Test
    void aCodeListedTwiceInAnMueFileIsRefused() {
        String rows = "0009U,2,3 Date of Service Edit: Clinical,Nature of Analyte\n0009U,3,3 Date of Service Edit: Clinical,Nature of Analyte\n";
        assertThatThrownBy(() -> parse("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv", MUE_HEAD + rows))
                .hasMessageStartingWith("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv:7:1:").hasMessageContaining("first at line 6");
    }
}
