package org.coverageengine.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both layouts of the CDC ICD-10-CM addenda import, and a file of no supported format says which formats are. */
class CodeFileLayoutsTest {

    private static final LocalDate FY2025 = LocalDate.of(2024, 10, 1);

    private static Set<Code> added(CodeFile file) {
        return file.entries().stream().filter(e -> FY2025.equals(e.validity().start()) && e.billable()).map(CodeEntry::code)
                .collect(Collectors.toSet());
    }

    private static Set<Code> deleted(CodeFile file) {
        return file.entries().stream().filter(e -> FY2025.minusDays(1).equals(e.validity().end())).map(CodeEntry::code).collect(Collectors.toSet());
    }

    /** The FY2025 addenda: 252 billable codes added, 36 deleted (counts from the files' own summaries). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"icd10cm-codes-addenda-2025.txt", "icd10cm-order-addenda-2025.txt"})
    void bothAddendaLayoutsImport(String name) {
        CodeFile file = CodeFile.read(SharedData.external("icd10cm-fy2025/" + name), ProgressListener.NONE);

        assertThat(file.format()).isEqualTo(CodeFileFormat.ICD10CM_ADDENDA);
        assertThat(added(file)).hasSize(252).contains(Code.icd10cm("C81.0A"));
        assertThat(deleted(file)).hasSize(36).contains(Code.icd10cm("T81.32XA"));
        assertThat(file.entries()).filteredOn(e -> e.code().equals(Code.icd10cm("A77.41")) && e.validity().start() == null)
                .extracting(CodeEntry::longDescription).containsExactly("Ehrlichiosis chaffeensis [E. chaffeensis]");
    }

    @Test
    void layoutsAgree() {
        CodeFile codes = CodeFile.read(SharedData.external("icd10cm-fy2025/icd10cm-codes-addenda-2025.txt"), ProgressListener.NONE);
        CodeFile order = CodeFile.read(SharedData.external("icd10cm-fy2025/icd10cm-order-addenda-2025.txt"), ProgressListener.NONE);

        assertThat(added(codes)).isEqualTo(added(order));
        assertThat(deleted(codes)).isEqualTo(deleted(order));
    }

    static Stream<Arguments> unsupported() {
        byte[] latin1 = "Code;Beschreibung\n95940;\u00dcberwachung\n".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("a PDF", "codes.pdf", pdf(), "unsupported file format (this is a PDF document): supported formats are an ICD-10-CM"),
                Arguments.of("an Excel workbook", "codes.xlsx", new byte[] {'P', 'K', 3, 4, (byte) 0xFF, (byte) 0xFE, 0, 1},
                        "unsupported file format (this is a ZIP archive or an Excel workbook"),
                Arguments.of("Latin-1 text of no known layout", "codes.txt", latin1, "unsupported file format: supported formats are"));
    }

    private static byte[] pdf() {
        try {
            return Files.readAllBytes(SharedData.external("icd10cm-fy2025/icd-10-cm-codes-file.pdf"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unsupported(String what, String name, byte[] bytes, String message) {
        ImportException e = catchThrowableOfType(() -> CodeFile.parse(name, bytes, null, ProgressListener.NONE), ImportException.class);

        assertThat(e).isNotNull();
        assertThat(e.reason()).startsWith(message).doesNotContain("UTF-8");
    }

    @ParameterizedTest(name = "a named format still reports bad UTF-8 at its byte")
    @ValueSource(strings = "icd10cm-codes-2025.txt")
    void namedFormatKeepsUtf8Error(String name) {
        byte[] bytes = "A000    Cholera\nA001    Chol\u00e9ra\n".getBytes(StandardCharsets.ISO_8859_1);

        ImportException e = catchThrowableOfType(() -> CodeFile.parse(name, bytes, CodeFileFormat.ICD10CM_CODES, ProgressListener.NONE),
                ImportException.class);

        assertThat(e.reason()).contains("not valid UTF-8");
    }

}
