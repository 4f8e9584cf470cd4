package org.coverageengine.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.coverageengine.domain.port.out.DeterminationRecordContract;
import org.coverageengine.domain.record.RecordUnavailableException;
import org.junit.jupiter.api.Test;

/** A PostgreSQL lost while the record is open: callers fail quickly, never hang, and recording resumes by itself. */
class PostgresLossTest {

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
        return (port == 0 ? builder : builder.setPort(port)).start();
    }

    @Test
    void failsFastWhileLostAndResumesWhenBack() throws Exception {
        Path data = Files.createTempDirectory("cpe-pg");
        EmbeddedPostgres server = start(data, 0);
        int port = server.getPort();
        try (JdbcDeterminationRecord record = JdbcDeterminationRecord.open(
                StoreAddress.postgres(PostgresDeterminationRecordTest.url(server), "postgres", null), Duration.ofSeconds(5))) {
            record.keep(DeterminationRecordContract.sample("before", Instant.now()));
            server.close();

            long started = System.nanoTime();
            assertThatThrownBy(() -> record.keep(DeterminationRecordContract.sample("during", Instant.now())))
                    .isInstanceOf(RecordUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
            assertThatThrownBy(() -> record.keep(DeterminationRecordContract.sample("during-2", Instant.now())))
                    .isInstanceOf(RecordUnavailableException.class)
                    .satisfies(e -> assertThat(((RecordUnavailableException) e).retryAfter()).isPositive());

            server = start(data, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean kept = false;
            while (!kept && System.nanoTime() < deadline) {
                try {
                    record.keep(DeterminationRecordContract.sample("after", Instant.now()));
                    kept = true;
                } catch (RecordUnavailableException stillLost) {
                    Thread.sleep(200);
                }
            }
            assertThat(kept).as("recording resumed within 30 s of the database's return").isTrue();
            assertThat(record.read("before")).isPresent();
            assertThat(record.read("after")).isPresent();
            assertThat(record.read("during")).isEmpty();
        } finally {
            server.close();
        }
    }
}
