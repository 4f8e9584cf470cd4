package org.coverageengine.domain.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A code entry states only what its source knows; what it does not state has a safe default. */
class CodeEntryTest {

    @Test
    @DisplayName("an entry with only a code is billable, no add-on, valid always, with empty lists")
    void defaults() {
        CodeEntry entry = CodeEntry.builder(Code.cpt("95940")).build();

        assertThat(entry.billable()).isTrue();
        assertThat(entry.addOn()).isFalse();
        assertThat(entry.validity()).isEqualTo(DateRange.ALWAYS);
        assertThat(entry.synonyms()).isEmpty();
        assertThat(entry.notes()).isEmpty();
        assertThat(entry.rvu()).isNull();
        assertThat(entry.display()).isEqualTo("95940");
    }

    @Test
    @DisplayName("blank texts are absent and texts are stripped")
    void blankTextsAreAbsent() {
        CodeEntry entry = CodeEntry.builder(Code.cpt("95940")).shortDescription("  ").longDescription(" Ionm each 15 min ").build();

        assertThat(entry.shortDescription()).isNull();
        assertThat(entry.display()).isEqualTo("Ionm each 15 min");
    }

    @Test
    @DisplayName("merging keeps this entry's texts, unites lists and narrows validity to the overlap")
    void merge() {
        CodeEntry cms = CodeEntry.builder(Code.hcpcs("S9090")).longDescription("Vertebral axial decompression, per session")
                .validity(DateRange.from(LocalDate.of(2000, 1, 1))).rvu(new RvuFacts(BigDecimal.ZERO, "I", null)).source("cms").build();
        CodeEntry pack = CodeEntry.builder(Code.hcpcs("S9090")).longDescription("Spinal decompression").synonyms(List.of("VAX-D"))
                .validity(new DateRange(null, LocalDate.of(2030, 12, 31))).billable(false).source("pack").build();

        CodeEntry merged = pack.mergedWith(cms);

        assertThat(merged.longDescription()).isEqualTo("Spinal decompression");
        assertThat(merged.synonyms()).containsExactly("VAX-D");
        assertThat(merged.sources()).containsExactly("pack", "cms");
        assertThat(merged.validity()).isEqualTo(new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31)));
        assertThat(merged.billable()).isFalse();
        assertThat(merged.rvu().statusCode()).isEqualTo("I");
        assertThat(merged).isEqualTo(pack.mergedWith(cms)).hasSameHashCodeAs(pack.mergedWith(cms));
    }
}
