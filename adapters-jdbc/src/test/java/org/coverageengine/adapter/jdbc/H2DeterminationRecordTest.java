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

    @org.junit.jupiter.api.Test
    void refusesValuesWiderThanTheirColumnsWholeAndGoesOnRecording() throws Exception {
        try (DeterminationRecord fresh = emptyRecord()) {
            WideValues.areRefusedWholeAndRecordingGoesOn(fresh, T0);
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
    void closingAfterTakingRecordsCompactsTheFileAndKeepsEveryRecord() throws IOException {
        Path folder = Files.createTempDirectory("cpe-compact");
        long grown;
        try (JdbcDeterminationRecord record = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            for (int i = 0; i < 3_000; i++) {
                record.keep(sample("c-" + i, T0.plusSeconds(i)));
            }
            assertThat(record.read("c-2999")).isPresent();
            grown = Files.size(folder.resolve("record.mv.db"));
        }
        long compacted = Files.size(folder.resolve("record.mv.db"));

        assertThat(compacted).as("compacted from %d bytes", grown).isLessThan(grown / 2);
        try (JdbcDeterminationRecord reopened = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            for (int i = 0; i < 3_000; i += 299) {
                assertThat(reopened.read("c-" + i)).contains(sample("c-" + i, T0.plusSeconds(i)));
            }
        }
        assertThat(Files.size(folder.resolve("record.mv.db"))).as("a reopen that only reads leaves the file about as it was")
                .isBetween(compacted - 65_536, compacted + 65_536);
    }

    /** What a process killed after journaling an answer and before loading it leaves: an entry past the database's mark. */
    private static void journalBehindTheDatabase(Path folder, Object... items) throws IOException {
        try (RecordJournal journal = RecordJournal.open(folder.resolve("journal"), 0, entry -> { })) {
            for (Object item : items) {
                journal.append(RowCodec.encode(RecordRows.rows(java.util.List.of(item))));
            }
        }
    }

    @Test
    void loadsAtStartWhatAKilledProcessJournaledButDidNotLoadExactlyOnce() throws IOException {
        Path folder = Files.createTempDirectory("cpe-journal");
        try (JdbcDeterminationRecord first = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            assertThat(first.search(org.coverageengine.domain.record.DeterminationQuery.all(10)).total()).isZero();
        }
        journalBehindTheDatabase(folder, sample("journaled-1", T0), sample("journaled-2", T0.plusSeconds(1)));
        try (JdbcDeterminationRecord second = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            assertThat(second.read("journaled-1")).contains(sample("journaled-1", T0));
            assertThat(second.read("journaled-2")).contains(sample("journaled-2", T0.plusSeconds(1)));
            second.keep(sample("after", T0.plusSeconds(2)));
        }
        try (JdbcDeterminationRecord third = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            assertThat(third.search(org.coverageengine.domain.record.DeterminationQuery.all(10)).items())
                    .extracting(org.coverageengine.domain.record.RecordedDetermination::id)
                    .containsExactly("after", "journaled-2", "journaled-1");
        }
    }

    @Test
    void loadsPastARepeatedAuditIdKeepingTheFirstAndGoesOnRecording() throws IOException {
        Path folder = Files.createTempDirectory("cpe-journal-repeat");
        org.coverageengine.domain.record.AuditRecord first = audit("a-same", T0, "ehr", "operation",
                org.coverageengine.domain.record.AuditOutcome.SUCCESS, null);
        try (JdbcDeterminationRecord record = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            record.keepAudit(first);
            assertThat(record.readAudit("a-same")).contains(first);
            record.keepAudit(audit("a-same", T0.plusSeconds(5), "other", "read", org.coverageengine.domain.record.AuditOutcome.SUCCESS, null));
            record.keep(sample("after-the-repeat", T0.plusSeconds(6)));
            assertThat(record.read("after-the-repeat")).contains(sample("after-the-repeat", T0.plusSeconds(6)));
            assertThat(record.readAudit("a-same")).contains(first);
        }
        try (JdbcDeterminationRecord reopened = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            assertThat(reopened.readAudit("a-same")).contains(first);
            assertThat(reopened.search(org.coverageengine.domain.record.DeterminationQuery.all(10)).total()).isEqualTo(1);
        }
    }

    @Test
    void refusesToStartOnADamagedJournalWithOneLine() throws IOException {
        Path folder = Files.createTempDirectory("cpe-journal-damaged");
        try (JdbcDeterminationRecord first = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            first.keep(sample("kept", T0));
        }
        Files.write(folder.resolve("journal").resolve("00000000000000000001.journal"), new byte[40]);
        Files.write(folder.resolve("journal").resolve("00000000000000000099.journal"), new byte[0]);
        assertThatThrownBy(() -> JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10)))
                .isInstanceOf(StoreStartException.class).hasMessageContaining("cannot load the journal")
                .hasMessageContaining("00000000000000000001.journal is damaged");
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
