package org.coverageengine.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad CMS/CDC files stop with file, line, column and reason. */
class CodeFileErrorsTest {

    static final String ORDER_OK = "00001 A00     0 Cholera                                                      Cholera\n"
            + "00002 A000    1 Cholera due to Vibrio cholerae 01, biovar cholerae           Cholera due to Vibrio cholerae 01, biovar cholerae\n";

    static ImportException fail(String name, String text, CodeFileFormat format) {
        return assertThrows(ImportException.class,
                () -> CodeFile.parse(name, text.getBytes(StandardCharsets.UTF_8), format, ProgressListener.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated record|00003 A01",
        "bad flag|00003 A01     2 Typhoid and paratyphoid fevers",
        "malformed code|00003 1A01    1 Typhoid and paratyphoid fevers",
        "bad order number|0000X A01     1 Typhoid and paratyphoid fevers",
        "duplicate code|00003 A000    1 Cholera again"})
    void orderFile(String problem, String badLine) {
        ImportException e = fail("icd10cm-order-2025.txt", ORDER_OK + badLine + "\n", CodeFileFormat.ICD10CM_ORDER);
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().startsWith("icd10cm-order-2025.txt:3:"), e.getMessage());
    }

    @Test
    void orderFileCrlfReads() {
        CodeFile file = CodeFile.parse("icd10cm-order-2025.txt", ORDER_OK.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), null,
                ProgressListener.NONE);
        assertEquals(2, file.entries().size());
        assertEquals(CodeFileFormat.ICD10CM_ORDER, file.format());
    }

    @Test
    void hcpcsBadDate() {
        String csv = "HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD\r\n"
                + "S9090,0010,3,\"Vertebral axial decompression, per session\",Vertebral axial decompressio,20000101,20000101,,N\r\n"
                + "S9117,0010,3,\"Back school, per visit\",Back school visit,2002-01-01,20020101,,N\r\n";
        ImportException e = fail("HCPC2025_OCT_ANWEB.csv", csv, null);
        assertEquals(3, e.line());
        assertEquals(6, e.column());
        assertTrue(e.reason().contains("bad date '2002-01-01'"), e.getMessage());
    }

    @Test
    void hcpcsWrongHeader() {
        ImportException e = fail("h.csv", "HCPC,SEQNUM,RECID,LONG,SHORT\r\nS9090,0010,3,a,b\r\n", CodeFileFormat.HCPCS_CSV);
        assertEquals(1, e.line());
        assertTrue(e.reason().contains("wrong header"), e.getMessage());
    }

    @Test
    void rvuBadNumber() {
        String csv = "title,,\nHCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,DAYS\n95940,,Ionm,A,,0.6O,0.32,XXX\n";
        ImportException e = fail("PPRRVU2025_Oct.csv", csv, null);
        assertEquals(3, e.line());
        assertEquals(6, e.column());
    }

    @Test
    void unknownFormat() {
        ImportException e = fail("notes.txt", "hello world\n", null);
        assertTrue(e.reason().contains("unsupported file format"), e.getMessage());
    }

    @Test
    void emptyFile() {
        assertTrue(fail("icd10cm-order-2025.txt", "", null).reason().contains("empty"));
    }

    @Test
    void nonUtf8() {
        byte[] bytes = (ORDER_OK + "00003 A01     1 Typh\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        ImportException e = assertThrows(ImportException.class,
                () -> CodeFile.parse("icd10cm-order-2025.txt", bytes, null, ProgressListener.NONE));
        assertEquals(3, e.line());
        assertEquals(21, e.column());
    }
}
