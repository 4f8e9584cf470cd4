package org.coverageengine.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coverageengine.domain.port.out.DeterminationRecordContract.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second record under a kept id is refused at once, before, during and after the background read of the ids, and
 * opening the record reads no id until something is kept (a report that only reads never pays for it).
 */
class KeptIdsTest {

    private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void idsKeptBeforeAReopenAreRefusedBeforeAndAfterTheScanAndNewOnesOnce() throws Exception {
        Path folder = Files.createTempDirectory("cpe-ids");
        try (JdbcDeterminationRecord first = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            for (int i = 0; i < 2_000; i++) {
                first.keep(sample("old-" + i, T0));
            }
        }
        ConnectionSource source = new ConnectionSource(StoreAddress.h2(folder));
        try (Connection connection = source.open()) {
            connection.setAutoCommit(false);
            KeptIds ids = KeptIds.of(source, connection);

            assertThat(ids.scanStarted()).as("no scan before the first keep").isFalse();
            assertThatThrownBy(() -> ids.claim(List.of(sample("old-1999", T0)))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a record with this id is already kept");
            assertThat(ids.scanStarted()).isTrue();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!ids.filled() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ids.filled()).as("the scan finished").isTrue();
            for (int i = 0; i < 2_000; i += 97) {
                String old = "old-" + i;
                assertThatThrownBy(() -> ids.claim(List.of(sample(old, T0)))).as(old).isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(ids.claim(List.of(sample("new-1", T0)))).containsExactly("new-1");
            assertThatThrownBy(() -> ids.claim(List.of(sample("new-1", T0)))).as("claimed, not yet loaded")
                    .isInstanceOf(IllegalArgumentException.class);
            ids.giveBack(List.of("new-1"));
            assertThat(ids.claim(List.of(sample("new-1", T0)))).as("given back, so free again").containsExactly("new-1");
        }
    }
}
