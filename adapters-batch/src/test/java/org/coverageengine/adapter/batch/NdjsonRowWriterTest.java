package org.coverageengine.adapter.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The NDJSON writer's bytes are those of Jackson's generator with its defaults, whatever the text holds; compact rows drop only the prose. */
class NdjsonRowWriterTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "No loaded policy governs 22325 on 2023-12-01 for Medicare (original) plans.",
        "quote \" backslash \\ slash / tab \t newline \n return \r",
        "controls \u0000 \u0001 \u0008 \u000b \u000c \u001f \u007f",
        "caf\u00e9 \u00fcber \u20ac \u2028 \uffff",
        "emoji \ud83d\ude00 and a lone half \ud83d here",
        ""})
    void writesWhatJacksonWrites(String text) throws IOException {
        DeterminationRow row = new DeterminationRow(text, Integer.MAX_VALUE, "2025-03-10", "commercial", text, "conditional", 1,
                text.isEmpty() ? null : -7, text.isEmpty(), List.of(text, "C1"), List.of(), text, List.of("n1", text), 3);

        assertThat(written(row)).isEqualTo(jackson(row));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OutputFormat.class)
    void compactRowsKeepEveryColumnButTheExplanation(OutputFormat format) throws IOException {
        DeterminationRow row = new DeterminationRow("C1", 2, "2025-03-10", "commercial", "95940", "conditional", 1, 1, true,
                List.of("0509-IONM-1"), List.of("0509 S2"), "Covered when the criteria are documented.", List.of(), 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowWriter writer = format.writerTo(out, OutputDetail.COMPACT)) {
            writer.write(row);
        }
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(OutputDetail.COMPACT.columns()).containsExactlyElementsOf(
                DeterminationRow.COLUMNS.stream().filter(c -> !c.equals("reasons")).toList());
        assertThat(text).doesNotContain("Covered when").contains("0509-IONM-1", "0509 S2", "conditional");
        if (format == OutputFormat.NDJSON) {
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).fieldNames()).toIterable()
                    .containsExactlyElementsOf(OutputDetail.COMPACT.columns());
        } else {
            assertThat(text).startsWith(String.join(",", OutputDetail.COMPACT.columns()) + "\r\nC1,2,2025-03-10,commercial,95940,"
                    + "conditional,1,1,true,0509-IONM-1,0509 S2,\r\n");
        }
    }

    private static String written(DeterminationRow row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowWriter writer = OutputFormat.NDJSON.writerTo(out)) {
            writer.write(row);
            writer.write(row);
        }
        return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String jackson(DeterminationRow row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonFactory.builder().build().createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (int i = 0; i < 2; i++) {
                json.writeStartObject();
                json.writeStringField("claim_id", row.claimId());
                json.writeNumberField("line", row.line());
                json.writeStringField("date_of_service", row.dateOfService());
                json.writeStringField("line_of_business", row.lineOfBusiness());
                json.writeStringField("code", row.code());
                json.writeStringField("outcome", row.outcome());
                json.writeNumberField("requested_units", row.requestedUnits());
                if (row.allowedUnits() == null) {
                    json.writeNullField("allowed_units");
                } else {
                    json.writeNumberField("allowed_units", row.allowedUnits());
                }
                json.writeBooleanField("prior_authorization", row.priorAuthorization());
                array(json, "criteria", row.criteria());
                array(json, "citations", row.citations());
                json.writeStringField("reasons", row.reasons());
                array(json, "notices", row.notices());
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void array(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
