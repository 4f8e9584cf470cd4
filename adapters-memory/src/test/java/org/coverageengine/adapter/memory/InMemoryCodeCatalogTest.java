package org.coverageengine.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.code.RvuFacts;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.coverageengine.domain.port.out.CodeCatalog;
import org.coverageengine.domain.port.out.CodeCatalogContract;
import org.junit.jupiter.api.Test;

/** The in-memory catalog, built through the knowledge builder, against the catalog contract. */
class InMemoryCodeCatalogTest extends CodeCatalogContract {

    @Override
    protected CodeCatalog catalogOf(List<CodeEntry> entries, List<CompletenessDeclaration> declarations) {
        InMemoryKnowledgeDraft builder = new InMemoryKnowledgeDraft();
        entries.forEach(builder::addCode);
        declarations.forEach(builder::declareComplete);
        return builder.seal("test").catalog();
    }

    @Test
    void mergesWhatTwoSourcesSayOfOneCode() {
        CodeEntry fromCms = CodeEntry.builder(Code.hcpcs("S9090")).shortDescription("Vertebral axial decompressio")
                .longDescription("Vertebral axial decompression, per session").validity(new DateRange(LocalDate.of(2000, 1, 1), null))
                .rvu(new RvuFacts(BigDecimal.ZERO, "I", null)).source("cms").build();
        CodeEntry curated = CodeEntry.builder(Code.hcpcs("S9090")).synonyms(List.of("VAX-D")).plainLanguage("machine to stretch the spine")
                .specialties(List.of("Orthopedics")).rvu(RvuFacts.noneAssigned()).source("pack").build();
        Knowledge k = new InMemoryKnowledgeDraft().addCode(curated).addCode(fromCms).seal("t");
        CodeEntry merged = k.catalog().entries(Code.hcpcs("S9090")).get(0);
        assertEquals(List.of("VAX-D"), merged.synonyms());
        assertEquals("Vertebral axial decompression, per session", merged.longDescription());
        assertEquals(LocalDate.of(2000, 1, 1), merged.validity().start());
        assertEquals("I", merged.rvu().statusCode());
        assertEquals(RvuFacts.NO_RVU_NOTE, merged.rvu().note());
        assertEquals(List.of("pack", "cms"), merged.sources());
    }

    @Test
    void keepsDisjointPeriodsAsVersions() {
        CodeEntry old = CodeEntry.of(Code.icd10cm("M51.36"), "old", new DateRange(null, LocalDate.of(2024, 9, 30)), "a");
        CodeEntry later = CodeEntry.of(Code.icd10cm("M51.36"), "new", DateRange.from(LocalDate.of(2026, 10, 1)), "b");
        Knowledge k = new InMemoryKnowledgeDraft().addCode(later).addCode(old).seal("t");
        assertEquals(2, k.catalog().entries(Code.icd10cm("M51.36")).size());
        assertEquals("old", k.catalog().entries(Code.icd10cm("M51.36")).get(0).longDescription());
        assertEquals("new", k.catalog().entryOn(Code.icd10cm("M51.36"), LocalDate.of(2027, 1, 1)).orElseThrow().longDescription());
    }

    @Test
    void sCodesCarryTheirNote() {
        CodeEntry entry = CodeEntry.of(Code.hcpcs("S9117"), "Back school, per visit", DateRange.ALWAYS, "t");
        assertTrue(entry.temporaryCodeNote().orElseThrow().contains("private payers"));
        assertEquals(RvuFacts.NO_RVU_NOTE, entry.rvuFacts().orElseThrow().note());
    }

    @Test
    void loadedKnowledgeSwapsWhole() {
        Knowledge first = new InMemoryKnowledgeStore().empty();
        LoadedKnowledge loaded = new LoadedKnowledge(first);
        Knowledge second = new InMemoryKnowledgeDraft().seal("second");
        assertSame(first, loaded.replace(second));
        assertSame(second, loaded.get());
    }
}
