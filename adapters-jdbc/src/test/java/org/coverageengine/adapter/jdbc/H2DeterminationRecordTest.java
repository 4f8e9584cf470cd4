package org.coverageengine.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.coverageengine.domain.port.out.DeterminationRecord;
import org.coverageengine.domain.port.out.DeterminationRecordContract;
import org.junit.jupiter.api.Test;

/** The record in an embedded H2 data folder, against the record contract; plus what only a file database has. */
class H2DeterminationRecordTest extends DeterminationRecordContract {

    @Override
    protected DeterminationRecord emptyRecord() {
        try {
            return JdbcDeterminationRecord.open(StoreAddress.h2(Files.createTempDirectory("cpe-record")), Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void keepsWhatWasCommittedAcrossAReopen() throws IOException {
        Path folder = Files.createTempDirectory("cpe-reopen");
        try (JdbcDeterminationRecord first = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            first.keep(sample("kept", T0));
        }
        try (JdbcDeterminationRecord second = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            assertThat(second.read("kept")).contains(sample("kept", T0));
        }
    }

    @Test
    void refusesAnotherKindOfDatabaseAndAPasswordInTheUrl() {
        assertThatThrownBy(() -> StoreAddress.parse("jdbc:mysql://x/y", java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only jdbc:postgresql:");
        assertThatThrownBy(() -> StoreAddress.parse("jdbc:postgresql://db/cpe?password=secret", java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CPE_STORE_PASSWORD").hasMessageNotContaining("secret");
    }

    @Test
    void takesPostgresCredentialsFromTheEnvironment() {
        StoreAddress address = StoreAddress.parse("jdbc:postgresql://db/cpe", java.util.Map.of("PGUSER", "pg", "CPE_STORE_PASSWORD", "s3"));
        assertThat(address.properties()).containsEntry("user", "pg").containsEntry("password", "s3");
        assertThat(address.describe()).isEqualTo("PostgreSQL at jdbc:postgresql://db/cpe");
    }
}
