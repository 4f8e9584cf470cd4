package org.coverageengine.adapter.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The claims reader's splitter reads RFC 4180 text as Commons CSV's RFC 4180 format with empty lines ignored does, and
 * a quoting error names where it is.
 */
class CsvRecordsTest {

    private static final String HEADER = "claim_id,line,date_of_service,line_of_business,code,modifiers,units,diagnoses\n";
    private static final CSVFormat RFC4180 = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "a,b,c\n1,2,3\n",
        "a,b,c\r\n1,2,3\r\n",
        "a,b,c\r1,2,3\r",
        "a,b,c\n1,2,3",
        "a,,c\n,,\n,\n",
        "a,b\n\n\n1,2\n\r\n\r\n3,4\n\n",
        "\n\na,b\n",
        "a,\"b,c\",d\n",
        "a,\"b \"\"quoted\"\" c\",d\n",
        "a,\"two\nlines\",d\ne,f,g\n",
        "a,\"two\r\nlines\",d\r\ne,f,g\r\n",
        "a,\"\",b\n\"\"\n",
        "a,b\"c,d\n",
        "a, \"b\",c\n",
        "a,\"b\"  ,c\n",
        "a,\"b\"\t\n",
        "a,\"b\"",
        "a,b,",
        " \n",
        "caf\u00e9,\u00fcber,\ud83d\ude00\n",
        "a,\"ends with a quote\"\"\"\n"})
    void splitsAsCommonsCsvDoes(String text) throws IOException {
        assertThat(split(new StringReader(text))).isEqualTo(commons(text));
        assertThat(split(new OneCharAtATime(text))).as("read one character at a time").isEqualTo(commons(text));
    }

    @ParameterizedTest(name = "[{index}] record {1} starts on line {2}")
    @CsvSource(delimiter = '|', value = {
        "h\\n\\nA\\n|2|3",
        "h\\n\"x\\ny\"\\nB\\n|3|4",
        "h\\r\\nA\\r\\n\\r\\nB\\r\\n|3|4",
        "h\\rA\\rB\\r|3|3"})
    void aRecordIsNumberedByTheLineItStartsOn(String escaped, int record, long line) throws IOException {
        String text = escaped.replace("\\n", "\n").replace("\\r", "\r");
        CsvRecords records = new CsvRecords(new StringReader(text));
        for (int i = 0; i < record; i++) {
            assertThat(records.next()).isTrue();
        }
        assertThat(records.line()).isEqualTo(line);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "A,1,2025-03-10,,\"95940\"x,,1,C71.1\\n|in.csv:2:24: only a comma or the end of the line may follow a quoted value's closing quote",
        "A,1,2025-03-10,,95940,,1,C71.1\\nB,1,2025-03-10,,\"95940,,1,C71.1\\nC,1\\n|in.csv:3:17: the quoted value opened here is not "
                + "closed before the end of the file"})
    void aQuotingErrorStopsTheFileNamingItsLineAndColumn(String escaped, String message) {
        byte[] text = (HEADER + escaped.replace("\\n", "\n")).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> {
            try (CsvClaimReader reader = CsvClaimReader.of("in.csv", new ByteArrayInputStream(text))) {
                reader.forEachRemaining(result -> { });
            }
        }).isInstanceOf(InputUnreadableException.class).hasMessage(message);
    }

    @Test
    void aRecordLongerThanTheLimitStopsTheFileInsteadOfFillingMemory() {
        // An unclosed quote swallows the rest of the file into one record; the reader gives up at the limit.
        String text = HEADER + "A,1,2025-03-10,,95940,,1,C71.1\nB,1,2025-03-10,,\"" + "9".repeat(CsvRecords.MAX_RECORD_CHARS * 3) + "\n";
        assertThatThrownBy(() -> {
            try (CsvClaimReader reader = CsvClaimReader.of("in.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
                reader.forEachRemaining(result -> { });
            }
        }).isInstanceOf(InputUnreadableException.class)
                .hasMessage("in.csv:3:1: a record is longer than " + CsvRecords.MAX_RECORD_CHARS + " characters (is a quoted value not closed?)");
    }

    @Test
    void manyEmptyLinesAreSkippedWithoutGrowingTheBuffer() throws IOException {
        String text = "a,b\n" + "\n".repeat(CsvRecords.MAX_RECORD_CHARS * 2) + "c,d\n";
        CsvRecords records = new CsvRecords(new java.io.StringReader(text));
        assertThat(records.next()).isTrue();
        assertThat(records.next()).isTrue();
        assertThat(records.values()).containsExactly("c", "d");
        assertThat(records.line()).isEqualTo(CsvRecords.MAX_RECORD_CHARS * 2L + 2);
        assertThat(records.next()).isFalse();
    }

    @Test
    void aQuotingErrorOnOneLineOfASparkJobRefusesThatRecord() {
        CsvClaimReader.LineParser parser = CsvClaimReader.lineParser("in.csv", List.of(HEADER.strip().split(",")));

        ReadResult result = parser.parse("A,1,2025-03-10,,\"95940\"x,,1,C71.1", 7);

        assertThat(result.ok()).isFalse();
        assertThat(result.error().describe())
                .isEqualTo("in.csv:7: character 24: not a CSV record: only a comma or the end of the line may follow a quoted value's closing quote");
        assertThat(parser.parse("A,1,2025-03-10,,\"95940\" ,,1,C71.1", 8).line().code()).isEqualTo("95940");
    }

    private static List<List<String>> split(Reader text) throws IOException {
        CsvRecords records = new CsvRecords(text);
        List<List<String>> all = new ArrayList<>();
        while (records.next()) {
            all.add(List.of(records.values()));
        }
        return all;
    }

    private static List<List<String>> commons(String text) throws IOException {
        List<List<String>> all = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(RFC4180).get()) {
            for (CSVRecord record : parser) {
                all.add(record.toList());
            }
        }
        return all;
    }

    /** Hands over one character per read, so every record crosses the splitter's buffer boundary somewhere. */
    private static final class OneCharAtATime extends Reader {
        private final StringReader text;

        OneCharAtATime(String text) {
            this.text = new StringReader(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return text.read(buffer, offset, Math.min(1, length));
        }

        @Override
        public void close() {
            text.close();
        }
    }
}
