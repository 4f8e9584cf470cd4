package org.coverageengine.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rows through the journal's byte form: every column type, nulls, and text outside ASCII come back as they went. */
class RowCodecTest {

    private static final Row DETERMINATION = Row.of(Row.Table.DETERMINATION, "id-1", 1_733_000_000_123_456L, null, "sub ß",
            "Patient/1", "urn:sys", "MRN-1", "Coverage/1\u0001x", null, LocalDate.of(2025, 3, 10), "commercial", "0509\u00012024-09-15",
            "k1", 123_456L, "complete", "application/fhir+json", "{\"a\":\"é😀\"}".getBytes(StandardCharsets.UTF_8));
    private static final Row LINE = Row.of(Row.Table.LINE, "id-1", 0, 1, "http://www.ama-assn.org/go/cpt", "95940", "", 2, "G40.909",
            "covered", "reason", "citations", true);
    private static final Row AUDIT = Row.of(Row.Table.AUDIT, "a-1", "rest", "operation", "E", 1L, null, null, "urn:observer", "0",
            "id-1", "", 200);

    @Test
    void givesBackEveryValueOfEveryTable() {
        List<Row> back = RowCodec.decode(RowCodec.encode(List.of(DETERMINATION, LINE, AUDIT)));
        assertThat(back).hasSize(3);
        assertThat(back.get(0).table()).isEqualTo(Row.Table.DETERMINATION);
        assertThat(Arrays.deepEquals(back.get(0).values(), DETERMINATION.values())).isTrue();
        assertThat(Arrays.deepEquals(back.get(1).values(), LINE.values())).isTrue();
        assertThat(Arrays.deepEquals(back.get(2).values(), AUDIT.values())).isTrue();
    }

    @Test
    void givesBackNoRowsForNone() {
        assertThat(RowCodec.decode(RowCodec.encode(List.of()))).isEmpty();
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {0, 3, 5, 40, 100})
    void refusesAPayloadCutShort(int length) {
        byte[] whole = RowCodec.encode(List.of(DETERMINATION));
        assertThatThrownBy(() -> RowCodec.decode(Arrays.copyOf(whole, length))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBytesAfterTheLastRow() {
        byte[] whole = RowCodec.encode(List.of(AUDIT));
        assertThatThrownBy(() -> RowCodec.decode(Arrays.copyOf(whole, whole.length + 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the last row");
    }

    @Test
    void refusesBeforeJournalingAValueWiderThanItsColumn() {
        assertThatThrownBy(() -> Row.of(Row.Table.AUDIT, "a-1", "rest", "operation", "TOOLONG!!", 1L, null, null, "o", "0", null, "", 200))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("action is longer than 8 characters");
    }
}
