package org.coverageengine.adapter.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.coverageengine.domain.port.out.DeterminationRecord;
import org.coverageengine.domain.port.out.DeterminationRecordContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The record in a real PostgreSQL, started by this test, against the record contract. A PostgreSQL that cannot start
 * fails the build: the store's promises on PostgreSQL are not optional.
 */
class PostgresDeterminationRecordTest extends DeterminationRecordContract {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    static String url(EmbeddedPostgres server) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    @Override
    protected DeterminationRecord emptyRecord() {
        JdbcDeterminationRecord record = JdbcDeterminationRecord.open(StoreAddress.postgres(url(postgres), "postgres", null), Duration.ofSeconds(10));
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE determination_line, determination, audit_event");
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        return record;
    }

    @org.junit.jupiter.api.Test
    void refusesValuesWiderThanTheirColumnsWholeAndGoesOnRecording() throws Exception {
        try (DeterminationRecord fresh = emptyRecord()) {
            WideValues.areRefusedWholeAndRecordingGoesOn(fresh, T0);
        }
    }
}
