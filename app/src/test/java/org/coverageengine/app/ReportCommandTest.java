package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.coverageengine.adapter.jdbc.JdbcDeterminationRecord;
import org.coverageengine.adapter.jdbc.StoreAddress;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.port.out.DeterminationRecordContract;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** report on a data folder of known answers: the counts, the prior authorization share and the latency percentiles. */
class ReportCommandTest {

    private static Path folder;

    @BeforeAll
    static void keepKnownAnswers() throws Exception {
        folder = Files.createTempDirectory("cpe-report");
        Instant day = Instant.parse("2025-03-10T08:00:00Z");
        try (JdbcDeterminationRecord record = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            record.keep(DeterminationRecordContract.line("a", day, "Patient/1", "95940", Outcome.CONDITIONAL, ProcessingOutcome.COMPLETE,
                    LineOfBusiness.COMMERCIAL, 10, true));
            record.keep(DeterminationRecordContract.line("b", day.plusSeconds(60), "Patient/2", "95930", Outcome.NOT_COVERED,
                    ProcessingOutcome.COMPLETE, LineOfBusiness.MEDICARE_ADVANTAGE, 20, false));
            record.keep(DeterminationRecordContract.line("c", day.plusSeconds(120), "Patient/3", "95940", Outcome.CONDITIONAL,
                    ProcessingOutcome.COMPLETE, LineOfBusiness.COMMERCIAL, 30, true));
            record.keep(DeterminationRecordContract.line("d", day.plusSeconds(180), "Patient/4", "S9090", Outcome.NOT_COVERED,
                    ProcessingOutcome.COMPLETE, LineOfBusiness.COMMERCIAL, 40, false));
            // The next day: outside a one-day report.
            record.keep(DeterminationRecordContract.line("e", day.plus(Duration.ofDays(1)), "Patient/5", "95940", Outcome.COVERED,
                    ProcessingOutcome.COMPLETE, LineOfBusiness.COMMERCIAL, 50, false));
        }
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CoverageEngineCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void printsTheDaysCountsShareAndLatency() {
        String[] result = run("report", "--store", folder.toString(), "--from", "2025-03-10", "--to", "2025-03-10");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1])
                .contains("2025-03-10 to 2025-03-10 (UTC): 4 answers, 4 lines")
                .containsPattern("conditional\\s+2").containsPattern("not-covered\\s+2")
                .containsPattern("0509 \\(2024-09-15\\)\\s+4")
                .containsPattern("commercial\\s+3").containsPattern("medicare-advantage\\s+1")
                .containsPattern("95940\\s+2")
                .contains("Prior authorization required: 2 of 4 lines (50.0%)")
                .contains("Decision latency: p50 20.000 ms, p90 40.000 ms, p99 40.000 ms");
    }

    @Test
    void printsTheSameAsJson() {
        String[] result = run("report", "--store", folder.toString(), "--from", "2025-03-10", "--to", "2025-03-11", "--json");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).startsWith("{\"from\":\"2025-03-10T00:00:00Z\",\"before\":\"2025-03-12T00:00:00Z\",\"determinations\":5,\"lines\":5,")
                .contains("\"perCode\":{\"95940\":3,\"95930\":1,\"S9090\":1}")
                .contains("\"priorAuthorizationPerCode\":{\"95940\":2}")
                .contains("\"priorAuthorizationShare\":0.400000")
                .contains("\"latencyMillis\":{\"p50\":30.000,\"p90\":50.000,\"p99\":50.000}");
    }

    @Test
    void refusesAPeriodEndingBeforeItStarts() {
        String[] result = run("report", "--store", folder.toString(), "--from", "2025-03-10", "--to", "2025-03-09");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("is before --from");
    }
}
