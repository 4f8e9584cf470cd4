package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchCommandTest {

    private static final String HEADER = "claim_id,line,date_of_service,line_of_business,code,modifiers,units,diagnoses\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"every record answered, C2, 0", "a record refused, C1, 3"})
    void exitCodeSaysWhetherEveryRecordWasAnswered(String name, String secondClaim, int exit, @TempDir Path temp) throws Exception {
        Path in = temp.resolve("claims.csv");
        Files.writeString(in, HEADER + "C1,1,2025-03-10,,61510,,1,C71.1\nC1,2,2025-03-10,,95940,,1,C71.1\n"
                + secondClaim + ",1,2025-03-10,medicare,95930,,1,C71.1\n");

        Cli cli = Cli.run("batch", "--in", in.toString(), "--out", temp.resolve("out.csv").toString(), "--threads", "1");

        assertThat(cli.exit()).as(cli.err()).isEqualTo(exit);
        List<String> rows = Files.readAllLines(temp.resolve("out.csv"));
        assertThat(rows.get(0)).startsWith("claim_id,line,date_of_service,line_of_business,code,outcome,");
        assertThat(rows.get(1)).startsWith("C1,1,2025-03-10,commercial,61510,no-policy,1,");
        List<String> errors = Files.readAllLines(temp.resolve("out.csv.errors.txt"));
        assertThat(errors).hasSize(exit == 0 ? 0 : 1);
        if (exit != 0) {
            assertThat(errors.get(0)).isEqualTo("claims.csv:4: line: claim C1: line number 1 appears twice in the claim");
            assertThat(cli.out()).contains("2 lines answered in 1 claims, 1 records refused");
        }
    }

    @ParameterizedTest(name = "--threads {0} is a usage error")
    @CsvSource({"0", "-1", "257", "100000"})
    void threadCountIsBounded(String threads, @TempDir Path temp) throws Exception {
        Path in = Files.writeString(temp.resolve("claims.csv"), HEADER + "C1,1,2025-03-10,,95940,,1,C71.1\n");
        Cli cli = Cli.run("batch", "--in", in.toString(), "--out", temp.resolve("out.ndjson").toString(), "--threads", threads);
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("--threads must be 1 to 256, was " + threads);
    }

    @ParameterizedTest(name = "impact --threads {0} is a usage error")
    @CsvSource({"0", "-1", "257", "100000"})
    void impactThreadCountIsBounded(String threads, @TempDir Path temp) throws Exception {
        Path in = Files.writeString(temp.resolve("claims.csv"), HEADER + "C1,1,2025-03-10,,95940,,1,C71.1\n");
        Cli cli = Cli.run("impact", "--old", "default", "--new", "default", "--in", in.toString(), "--threads", threads);
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("--threads must be 1 to 256, was " + threads);
    }

    @ParameterizedTest(name = "generate-claims --lines {0} is a usage error")
    @CsvSource({"0", "-5", "100000001", "99999999999999"})
    void generatedLineCountIsBounded(String lines, @TempDir Path temp) throws Exception {
        Path out = temp.resolve("claims.csv");
        Cli cli = Cli.run("generate-claims", "--lines", lines, "--out", out.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("--lines must be 1 to 100000000, was " + lines);
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnreadableInputExitsFour(@TempDir Path temp) throws Exception {
        Path in = temp.resolve("claims.csv");
        Files.writeString(in, "id,code\n1,95940\n");

        Cli cli = Cli.run("batch", "--in", in.toString(), "--out", temp.resolve("out.ndjson").toString());

        assertThat(cli.exit()).isEqualTo(4);
        assertThat(cli.err()).contains("Batch failed: claims.csv:1: the header must start with claim_id,line,date_of_service");
        assertThat(Cli.run("batch", "--in", temp.resolve("absent.csv").toString(), "--out", temp.resolve("o.ndjson").toString()).err())
                .contains("absent.csv: no such file");
    }

    @Test
    void generatedClaimsRunThroughBatchAndImpact(@TempDir Path temp) throws Exception {
        Path in = temp.resolve("generated.csv");
        assertThat(Cli.run("generate-claims", "--lines", "500", "--seed", "3", "--out", in.toString()).exit()).isZero();

        Cli batch = Cli.run("batch", "--in", in.toString(), "--out", temp.resolve("out.ndjson").toString(), "--sort");
        Cli impact = Cli.run("impact", "--old", "default", "--new", "default", "--in", in.toString(), "--changes",
                temp.resolve("changes.csv").toString());

        assertThat(batch.exit()).as(batch.err()).isZero();
        assertThat(Files.readAllLines(temp.resolve("out.ndjson"))).hasSize(500);
        assertThat(impact.exit()).as(impact.err()).isZero();
        assertThat(impact.out()).contains("500 lines compared, 0 change outcome");
        assertThat(Files.readAllLines(temp.resolve("changes.csv"))).containsExactly("claim_id,line,code,groups,old_outcome,new_outcome");
    }

    @Test
    void impactSortsWithTheSameOptionsAsBatch(@TempDir Path temp) throws Exception {
        Path in = temp.resolve("generated.csv");
        assertThat(Cli.run("generate-claims", "--lines", "300", "--seed", "5", "--out", in.toString()).exit()).isZero();
        Path spill = Files.createDirectory(temp.resolve("spill"));

        Cli impact = Cli.run("impact", "--old", "default", "--new", "default", "--in", in.toString(), "--sort", "--temp", spill.toString(),
                "--threads", "2", "--changes", temp.resolve("changes.csv").toString());

        assertThat(impact.exit()).as(impact.err()).isZero();
        assertThat(impact.out()).contains("300 lines compared, 0 change outcome");
    }

    @ParameterizedTest(name = "--output-detail {0}")
    @CsvSource({"full, true", "compact, false", "COMPACT, false"})
    void compactOutputLeavesOutOnlyTheExplanation(String detail, boolean explained, @TempDir Path temp) throws Exception {
        Path in = Files.writeString(temp.resolve("claims.csv"), HEADER + "C1,1,2025-03-10,,95940,,1,C71.1\n");

        Cli cli = Cli.run("batch", "--in", in.toString(), "--out", temp.resolve("out.csv").toString(), "--output-detail", detail);

        assertThat(cli.exit()).as(cli.err()).isZero();
        List<String> rows = Files.readAllLines(temp.resolve("out.csv"));
        assertThat(rows.get(0).contains(",reasons,")).isEqualTo(explained);
        assertThat(rows.get(0)).contains("outcome", "allowed_units", "criteria", "citations");
        assertThat(rows.get(1)).startsWith("C1,1,2025-03-10,commercial,95940,not-covered,1,,false,,0509 IOM-ADD-ON-WITHOUT-PRIMARY,")
                .endsWith("No line of business was given: COMMERCIAL was assumed.");
        assertThat(rows.get(1).contains("IOM codes are add-on codes")).as("the explanation prose").isEqualTo(explained);
    }

    @Test
    void anUnknownOutputDetailIsAUsageError(@TempDir Path temp) throws Exception {
        Path in = Files.writeString(temp.resolve("claims.csv"), HEADER + "C1,1,2025-03-10,,95940,,1,C71.1\n");
        Cli cli = Cli.run("batch", "--in", in.toString(), "--out", temp.resolve("out.csv").toString(), "--output-detail", "terse");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown --output-detail 'terse' (expected full or compact)");
    }
}
