package org.coverageengine.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Imports the real CMS/CDC files from shared/data/external and checks what they contribute. */
class CodeFilesTest {

    static Path orderFile() {
        return SharedData.external("icd10cm-fy2025/icd10cm-order-2025.txt");
    }

    static Path addendaFile() {
        return SharedData.external("icd10cm-fy2025/icd10cm-order-addenda-2025.txt");
    }

    static Path hcpcsFile() {
        return SharedData.external("hcpcs/2025-oct/HCPC2025_OCT_ANWEB.csv");
    }

    static Path rvuFile() {
        return SharedData.external("cms-pfs-rvu25d/PPRRVU2025_Oct.csv");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("ICD-10-CM FY2025 order file")
    class IcdOrder {
        CodeFile file;

        @BeforeAll
        void read() {
            AtomicLong last = new AtomicLong();
            file = CodeFile.read(orderFile(), (done, total) -> last.set(done));
            assertEquals(97_584, last.get(), "progress reaches every record");
        }

        @Test
        void detectedFormat() {
            assertEquals(CodeFileFormat.ICD10CM_ORDER, file.format());
        }

        @Test
        @DisplayName("97,584 records of which 74,260 billable (flag 1); headers flagged 0")
        void billableCount() {
            assertEquals(97_584, file.entries().size());
            assertEquals(74_260, file.entries().stream().filter(CodeEntry::billable).count());
            CodeEntry cholera = file.entries().get(0);
            assertEquals("A00", cholera.code().value());
            assertFalse(cholera.billable(), "A00 is a header");
        }

        @Test
        @DisplayName("declares ICD-10-CM complete for FY2025: 2024-10-01 to 2025-09-30")
        void completeness() {
            var declaration = file.completeness().orElseThrow();
            assertEquals(CodeSystem.ICD10CM, declaration.system());
            assertEquals(LocalDate.of(2024, 10, 1), declaration.period().start());
            assertEquals(LocalDate.of(2025, 9, 30), declaration.period().end());
        }

        @Test
        @DisplayName("codes are stored in dotted form with short and long descriptions")
        void dottedForm() {
            CodeEntry stenosis = file.entries().stream().filter(e -> e.code().value().equals("M48.061")).findFirst().orElseThrow();
            assertEquals("Spinal stenosis, lumbar region without neurogenic claudication", stenosis.longDescription());
            assertTrue(stenosis.billable());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("engine with the default pack and every code file")
    class FullCatalog {
        Knowledge knowledge;
        CoverageDeterminer engine;

        @BeforeAll
        void load() {
            knowledge = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(CodeFile.read(orderFile(), ProgressListener.NONE),
                    CodeFile.read(addendaFile(), ProgressListener.NONE), CodeFile.read(hcpcsFile(), ProgressListener.NONE),
                    CodeFile.read(rvuFile(), ProgressListener.NONE)), 1);
            engine = new CoverageDeterminer(() -> knowledge, Clock.systemUTC());
        }

        Determination ask(String date, String procedure, String... dx) {
            return engine.determine(CoverageRequest.of(LocalDate.parse(date), LineOfBusiness.COMMERCIAL,
                    RequestedLine.of(1, "61510", dx), RequestedLine.of(2, procedure, dx))).determinations().get(1);
        }

        @ParameterizedTest(name = "unknown but well-formed diagnosis {0} on 2025-03-10 is invalid")
        @CsvSource({"Z99.999", "M48.069", "C71.99"})
        void unknownDiagnosisInvalidInFy2025(String dx) {
            Determination d = ask("2025-03-10", "95940", dx);
            assertEquals(Outcome.INVALID, d.outcome());
            assertTrue(d.explanation().contains("complete official code set"), d.explanation());
        }

        @Test
        @DisplayName("outside FY2025 the same diagnosis is accepted (the catalog is not complete then)")
        void unknownDiagnosisAcceptedOutsideFy2025() {
            assertEquals(Outcome.CONDITIONAL, ask("2025-10-02", "95940", "Z99.999").outcome());
        }

        @Test
        @DisplayName("a category heading (flag 0) is not billable")
        void headerIsInvalid() {
            Determination d = ask("2025-03-10", "95940", "M48.06");
            assertEquals(Outcome.INVALID, d.outcome());
            assertTrue(d.explanation().contains("category heading"), d.explanation());
        }

        @Test
        @DisplayName("a code the FY2025 addenda delete is invalid on a FY2025 date")
        void addendaDeletion() {
            Determination d = ask("2025-03-10", "95940", "T81.32XA");
            assertEquals(Outcome.INVALID, d.outcome());
            assertTrue(d.explanation().contains("2024-09-30"), d.explanation());
        }

        @Test
        @DisplayName("worked example still holds with the full catalog")
        void workedExample() {
            assertEquals(Outcome.CONDITIONAL, ask("2025-03-10", "95940", "C71.1").outcome());
        }

        @Test
        @DisplayName("HCPCS facts: S9090 from the CMS file merged with the pack's curated facts")
        void hcpcsMerged() {
            CodeEntry s9090 = knowledge.catalog().entryOn(Code.hcpcs("S9090"), LocalDate.of(2025, 3, 10)).orElseThrow();
            assertEquals("Vertebral axial decompression, per session", s9090.longDescription());
            assertTrue(s9090.synonyms().contains("VAX-D"));
            assertEquals(LocalDate.of(2000, 1, 1), s9090.validity().start());
            assertEquals("I", s9090.rvu().statusCode(), "pack RVU note first, CMS status merged");
        }

        @Test
        @DisplayName("RVU facts: 95940 work RVU 0.60, status A")
        void rvuFacts() {
            CodeEntry iom = knowledge.catalog().latest(Code.cpt("95940")).orElseThrow();
            assertEquals(0, new BigDecimal("0.60").compareTo(iom.rvu().workRvu()));
            assertTrue(iom.addOn(), "95940 is an add-on code");
        }

        @Test
        @DisplayName("HCPCS 2025 is declared complete: an unknown HCPCS code is invalid in 2025")
        void hcpcsComplete() {
            assertEquals(Outcome.INVALID, ask("2025-03-10", "S9998", "C71.1").outcome());
        }

        @Test
        void counts() {
            assertTrue(knowledge.catalog().countsBySystem().get(CodeSystem.ICD10CM) >= 97_584);
            assertTrue(knowledge.catalog().countsBySystem().get(CodeSystem.HCPCS) >= 8_463);
            assertTrue(knowledge.catalog().countsBySystem().get(CodeSystem.CPT) > 9_000);
        }

        @Test
        @DisplayName("lookup by keyword: 'spinal decompression' finds S9090 first")
        void keywordSearch() {
            assertEquals("S9090", knowledge.catalog().search("spinal decompression", 5).get(0).code().value());
        }
    }

    @Test
    @DisplayName("HCPCS file: procedures with dates, modifiers skipped")
    void hcpcsProcedures() {
        CodeFile file = CodeFile.read(hcpcsFile(), ProgressListener.NONE);
        assertEquals(CodeFileFormat.HCPCS_CSV, file.format());
        assertEquals(8_463, file.entries().size());
        assertTrue(file.entries().stream().filter(e -> e.validity().end() != null).count() <= 1_225
, "TERM DT kept (the 1,225 rows with one include modifiers)");
    }

    @Test
    @DisplayName("RVU file: header found below the title lines, one row per code without modifier")
    void rvuRows() {
        CodeFile file = CodeFile.read(rvuFile(), ProgressListener.NONE);
        assertEquals(CodeFileFormat.PFS_RVU_CSV, file.format());
        CodeEntry addOn = file.entries().stream().filter(e -> e.code().value().equals("22614")).findFirst().orElseThrow();
        assertTrue(addOn.addOn(), "global days ZZZ marks an add-on code");
        assertEquals(Set.copyOf(file.entries().stream().map(CodeEntry::code).toList()).size(), file.entries().size());
    }

    @Test
    @DisplayName("ICD addenda: additions effective 2024-10-01, deletions terminated 2024-09-30")
    void addenda() {
        CodeFile file = CodeFile.read(addendaFile(), ProgressListener.NONE);
        assertEquals(CodeFileFormat.ICD10CM_ADDENDA, file.format());
        CodeEntry added = file.entries().stream().filter(e -> e.code().value().equals("C81.0A")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2024, 10, 1), added.validity().start());
        CodeEntry deleted = file.entries().stream().filter(e -> e.code().value().equals("C83.39")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2024, 9, 30), deleted.validity().end());
    }
}
