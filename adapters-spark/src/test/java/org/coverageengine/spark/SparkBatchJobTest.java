package org.coverageengine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.coverageengine.adapter.batch.BatchRun;
import org.coverageengine.adapter.batch.BulkDataClaimReader;
import org.coverageengine.adapter.batch.ClaimGenerator;
import org.coverageengine.adapter.batch.ClaimLineSource;
import org.coverageengine.adapter.batch.CoverageTypeMapping;
import org.coverageengine.adapter.batch.CsvClaimReader;
import org.coverageengine.adapter.batch.OutputFormat;
import org.coverageengine.adapter.batch.RecordError;
import org.coverageengine.adapter.batch.RowWriter;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkBatchJobTest {

    private static final Path SHARED_CLAIMS = Path.of("../adapters-batch/src/test/resources/claims");
    private static final Knowledge KNOWLEDGE = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(),
            CsvPolicyPack.embeddedWith(), 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("spark-batch-test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").config("spark.default.parallelism", "2").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void generatedCsvDecidesOnSparkAsItDoesLocally(@TempDir Path temp) throws IOException {
        Path input = temp.resolve("claims.csv");
        try (OutputStream out = Files.newOutputStream(input)) {
            new ClaimGenerator(KNOWLEDGE, 11).writeCsv(2_000, out);
        }
        Files.writeString(input, "C-late,1,2025-03-10,,95940,,0,C71.1\n", java.nio.file.StandardOpenOption.APPEND);

        int buildsBefore = ExecutorEngine.builds();
        SparkBatchJob.Result result = SparkBatchJob.run(spark, input.toString(), temp.resolve("out").toString(), "ndjson", List.of());

        List<RecordError> localErrors = new ArrayList<>();
        assertThat(sparkRows(temp.resolve("out"))).isEqualTo(localRows(CsvClaimReader.open(input), localErrors));
        assertThat(result.rows()).isEqualTo(2_000);
        assertThat(result.errors()).isEqualTo(1);
        assertThat(text(temp.resolve("out-errors"))).containsExactly(localErrors.get(0).describe());
        assertThat(ExecutorEngine.builds() - buildsBefore).as("knowledge built once in this executor JVM for the job").isEqualTo(1);
    }

    @Test
    void bulkDataDecidesOnSparkAsItDoesLocally(@TempDir Path temp) throws IOException {
        SparkBatchJob.run(spark, SHARED_CLAIMS.resolve("bulk").toAbsolutePath().toString(), temp.resolve("out").toString(), "ndjson", List.of());

        List<Map<String, Object>> local = localRows(BulkDataClaimReader.open(SHARED_CLAIMS.resolve("bulk"), CoverageTypeMapping.PAYMENT_TYPOLOGY),
                new ArrayList<>());
        assertThat(sparkRows(temp.resolve("out"))).hasSize(10).isEqualTo(local);
    }

    @Test
    void parquetHoldsTheSameRows(@TempDir Path temp) {
        SparkBatchJob.run(spark, SHARED_CLAIMS.resolve("shared.csv").toAbsolutePath().toString(), temp.resolve("out").toString(),
                "parquet", List.of());

        assertThat(spark.read().parquet(temp.resolve("out").toString()).select("claim_id", "line", "outcome").collectAsList())
                .extracting(Object::toString).startsWith("[C1,1,no-policy]", "[C1,2,conditional]", "[C1,3,not-covered]");
    }

    private static List<Map<String, Object>> localRows(ClaimLineSource source, List<RecordError> errors) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (source; RowWriter writer = OutputFormat.NDJSON.writerTo(out)) {
            new BatchRun(new CoverageDeterminer(() -> KNOWLEDGE, Clock.systemUTC()), 2).run(source, writer, errors::add, BatchRun.Progress.NONE);
        }
        return parse(out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static List<Map<String, Object>> sparkRows(Path folder) throws IOException {
        return parse(text(folder));
    }

    /** The lines of a Spark output folder's part files, in part order. */
    private static List<String> text(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }

    private static List<Map<String, Object>> parse(List<String> lines) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { }));
        }
        return rows;
    }
}
