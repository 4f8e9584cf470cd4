package org.coverageengine.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodePatternFacts;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.code.RvuFacts;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.coverageengine.domain.port.out.CodeCatalog;
import org.coverageengine.domain.port.out.CodeCatalogContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The in-memory catalog, built through the knowledge builder, against the catalog contract. */
class InMemoryCodeCatalogTest extends CodeCatalogContract {

    private static final String NO_RVU = "No physician work RVU assigned by CMS: priced by fee schedule, ASP or payer contract";

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
                .specialties(List.of("Orthopedics")).rvu(new RvuFacts(null, null, NO_RVU)).source("pack").build();
        Knowledge k = new InMemoryKnowledgeDraft().addCode(curated).addCode(fromCms).seal("t");
        CodeEntry merged = k.catalog().entries(Code.hcpcs("S9090")).get(0);
        assertEquals(List.of("VAX-D"), merged.synonyms());
        assertEquals("Vertebral axial decompression, per session", merged.longDescription());
        assertEquals(LocalDate.of(2000, 1, 1), merged.validity().start());
        assertEquals("I", merged.rvu().statusCode());
        assertEquals(NO_RVU, merged.rvu().note());
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "a code of the pattern without facts of its own gets the pattern's; S9117; pattern note; no RVU",
        "a code's own RVU facts and note win over the pattern's; S9090; own note; own RVU",
        "a code outside the pattern gets nothing; G0453; ; ",
    })
    void patternFactsReachTheCodesOfThePatternThatStateNone(String name, String code, String note, String rvuNote) {
        CodeEntry own = CodeEntry.builder(Code.hcpcs("S9090")).longDescription("Vertebral axial decompression, per session")
                .rvu(new RvuFacts(null, null, "own RVU")).billingNote("own note").source("pack").build();
        CodeEntry bare = CodeEntry.of(Code.hcpcs("S9117"), "Back school, per visit", DateRange.ALWAYS, "hcpcs");
        CodeEntry other = CodeEntry.of(Code.hcpcs("G0453"), "Continuous intraoperative neurophysiology monitoring", DateRange.ALWAYS, "hcpcs");
        CodePatternFacts pattern = new CodePatternFacts(CodeSystem.HCPCS, "S", new RvuFacts(null, null, NO_RVU), "pattern note", "pack");
        // The pattern comes before the entries, as when a pack is read before the official code files.
        Knowledge k = new InMemoryKnowledgeDraft().addCodeFacts(pattern).addCode(own).addCode(bare).addCode(other).seal("t");
        CodeEntry entry = k.catalog().entries(Code.hcpcs(code)).get(0);
        assertThat(entry.billingNote().orElse(null)).isEqualTo(note);
        assertThat(entry.rvuFacts().map(RvuFacts::note).orElse(null)).isEqualTo(rvuNote == null ? null : rvuNote.equals("no RVU") ? NO_RVU : rvuNote);
    }

    @Test
    void patternFactsSurviveExtendingTheSnapshot() {
        CodePatternFacts pattern = new CodePatternFacts(CodeSystem.HCPCS, "S", null, "pattern note", "pack");
        Knowledge first = new InMemoryKnowledgeDraft().addCodeFacts(pattern).seal("1");
        InMemoryKnowledgeDraft next = InMemoryKnowledgeDraft.from((InMemoryCodeCatalog) first.catalog(), List.of(), InMemoryCodingEdits.none());
        CodeEntry later = next.addCode(CodeEntry.of(Code.hcpcs("S9117"), "Back school, per visit", DateRange.ALWAYS, "hcpcs")).seal("2")
                .catalog().entries(Code.hcpcs("S9117")).get(0);
        assertThat(later.billingNote()).contains("pattern note");
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
