package org.coverageengine.domain.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.code.DateRange;
import org.junit.jupiter.api.Test;

/** What every {@link CodeCatalog} implementation must do; implementations extend this and build from the entries. */
public abstract class CodeCatalogContract {

    protected static final CodeEntry S9090 = CodeEntry.builder(Code.hcpcs("S9090"))
            .shortDescription("Vertebral axial decompressio").longDescription("Vertebral axial decompression, per session")
            .synonyms(List.of("spinal decompression", "VAX-D", "disc decompression"))
            .plainLanguage("machine to stretch and decompress the spine").specialties(List.of("Neurosurgery"))
            .validity(DateRange.from(LocalDate.of(2000, 1, 1))).source("test").build();
    protected static final CodeEntry M51_36 = CodeEntry.of(Code.icd10cm("M51.36"), "Other intervertebral disc degeneration, lumbar region",
            new DateRange(null, LocalDate.of(2024, 9, 30)), "test");
    protected static final CodeEntry LAMINECTOMY = CodeEntry.of(Code.cpt("63047"),
            "Laminectomy, facetectomy and foraminotomy (with decompression of spinal cord, cauda equina and/or nerve root[s])",
            DateRange.ALWAYS, "test");
    protected static final CompletenessDeclaration FY2025 = new CompletenessDeclaration(CodeSystem.ICD10CM,
            new DateRange(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 9, 30)), "ICD-10-CM FY2025");

    /** Builds the implementation under test holding exactly these entries and declarations. */
    protected abstract CodeCatalog catalogOf(List<CodeEntry> entries, List<CompletenessDeclaration> declarations);

    private CodeCatalog catalog() {
        return catalogOf(List.of(S9090, M51_36, LAMINECTOMY), List.of(FY2025));
    }

    @Test
    void findsEntryValidOnDate() {
        assertTrue(catalog().entryOn(Code.icd10cm("M51.36"), LocalDate.of(2024, 9, 30)).isPresent());
        assertTrue(catalog().entryOn(Code.icd10cm("M51.36"), LocalDate.of(2024, 10, 1)).isEmpty());
        assertEquals(1, catalog().entries(Code.icd10cm("M51.36")).size());
    }

    @Test
    void unknownCodeHasNoEntries() {
        assertTrue(catalog().entries(Code.cpt("99999")).isEmpty());
        assertTrue(catalog().latest(Code.cpt("99999")).isEmpty());
    }

    @Test
    void completenessIsPerSystemAndDate() {
        assertTrue(catalog().declaresComplete(CodeSystem.ICD10CM, LocalDate.of(2025, 3, 10)));
        assertFalse(catalog().declaresComplete(CodeSystem.ICD10CM, LocalDate.of(2025, 10, 1)));
        assertFalse(catalog().declaresComplete(CodeSystem.CPT, LocalDate.of(2025, 3, 10)));
    }

    @Test
    void synonymSearchRanksFirst() {
        List<CodeEntry> found = catalog().search("spinal decompression", 5);
        assertEquals("S9090", found.get(0).code().value());
        assertTrue(found.stream().anyMatch(e -> e.code().value().equals("63047")), "descriptions match too");
    }

    @Test
    void searchByOtherSynonymAndCase() {
        assertEquals("S9090", catalog().search("vax-d", 5).get(0).code().value());
    }

    @Test
    void searchWithNoMatch() {
        assertTrue(catalog().search("appendectomy", 5).isEmpty());
    }

    @Test
    void countsBySystem() {
        assertEquals(1, catalog().countsBySystem().get(CodeSystem.HCPCS));
        assertEquals(1, catalog().countsBySystem().get(CodeSystem.ICD10CM));
    }
}
