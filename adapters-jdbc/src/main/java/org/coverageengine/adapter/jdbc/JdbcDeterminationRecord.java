package org.coverageengine.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.domain.port.out.DeterminationRecord;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.DeterminationQuery;
import org.coverageengine.domain.record.DeterminationReport;
import org.coverageengine.domain.record.Page;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.RecordedLine;
import org.coverageengine.domain.record.ReportTally;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The determination record in H2 or PostgreSQL. On PostgreSQL a keep returns once its group is committed by one
 * group-commit writer; in an H2 data folder once it is journaled, with the database loaded from the journal behind
 * (see {@link JournalWriter}). Reads run on their own connections, after everything kept before them is loaded.
 */
public final class JdbcDeterminationRecord implements DeterminationRecord {

    /** How long a caller waits for its group's commit before it is told the record is unavailable. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    private static final int QUEUE_CAPACITY = 4096;
    /**
     * How much journaled data may wait to be loaded into H2 (held in memory as rows until then): beyond it keeps
     * wait for room, and are refused with 503 when none comes within the wait.
     */
    private static final int UNLOADED_KILOBYTES = 32 * 1024;

    private final ConnectionSource source;
    private final RecordWriter writer;

    private JdbcDeterminationRecord(ConnectionSource source, RecordWriter writer) {
        this.source = source;
        this.writer = writer;
    }

    /**
     * Opens the store: connects, brings the schema up to date with the migrations, and starts the writer.
     *
     * @throws StoreStartException with one line for the operator when the database cannot be opened
     */
    public static JdbcDeterminationRecord open(StoreAddress address, Duration wait) {
        ConnectionSource source = new ConnectionSource(address);
        Connection writerConnection;
        try {
            if (address.folder() != null) {
                java.nio.file.Files.createDirectories(address.folder());
            }
            writerConnection = source.open();
        } catch (java.io.IOException e) {
            throw new StoreStartException("cannot create the data folder " + address.folder() + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StoreStartException(startFailure(address, e), e);
        }
        try {
            java.util.Properties credentials = address.properties();
            Flyway.configure().dataSource(address.url(), credentials.getProperty("user"), credentials.getProperty("password"))
                    .locations("classpath:db/migration").load().migrate();
            writerConnection.setAutoCommit(false);
        } catch (FlywayException | SQLException e) {
            ConnectionSource.closeQuietly(writerConnection);
            throw new StoreStartException("cannot prepare the schema of " + address.describe() + ": " + firstLine(e.getMessage()), e);
        }
        if (address.folder() == null) {
            return new JdbcDeterminationRecord(source, new GroupCommitWriter(source, writerConnection, QUEUE_CAPACITY, wait));
        }
        try {
            return new JdbcDeterminationRecord(source,
                    JournalWriter.start(address.folder().resolve("journal"), source, writerConnection, UNLOADED_KILOBYTES, wait,
                            address.h2File()));
        } catch (java.io.IOException | java.io.UncheckedIOException | SQLException e) {
            ConnectionSource.closeQuietly(writerConnection);
            throw new StoreStartException("cannot load the journal of " + address.describe() + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String startFailure(StoreAddress address, SQLException e) {
        if (address.folder() != null && (e.getErrorCode() == 90020 || String.valueOf(e.getMessage()).contains("already in use"))) {
            return "the data folder " + address.folder() + " is in use by another process (stop it, or give serve another --store)";
        }
        return "cannot reach " + address.describe() + ": " + firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void keep(RecordedDetermination determination) {
        writer.keepAll(List.of(determination));
    }

    @Override
    public void keep(RecordedDetermination determination, AuditRecord audit) {
        writer.keepAll(List.of(determination, audit));
    }

    @Override
    public void keepAudit(AuditRecord audit) {
        writer.keepAll(List.of(audit));
    }

    @Override
    public boolean keepAuditWithoutWaiting(AuditRecord audit) {
        return writer.offer(List.of(audit));
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        if (writer.lost()) {
            throw GroupCommitWriter.unavailable("its database is unreachable (reconnecting)", null);
        }
        writer.awaitReadable();
        Connection connection = null;
        boolean healthy = false;
        try {
            connection = source.borrow();
            T result = work.on(connection);
            healthy = true;
            return result;
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (connection == null || state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                throw GroupCommitWriter.unavailable("its database is unreachable", e);
            }
            throw new IllegalStateException("reading the determination record failed (" + GroupCommitWriter.reason(e) + ")", e);
        } finally {
            if (connection != null) {
                source.release(connection, healthy);
            }
        }
    }

    @Override
    public Optional<RecordedDetermination> read(String id) {
        return read(c -> {
            List<RecordedDetermination> found = load(c, "SELECT " + RecordRows.DETERMINATION_COLUMNS + " FROM determination d WHERE d.id = ?", List.of(id));
            return found.stream().findFirst();
        });
    }

    private static List<RecordedDetermination> load(Connection c, String sql, List<Object> parameters) throws SQLException {
        Map<String, RecordedDetermination> shells = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    shells.put(r.getString(1), RecordRows.determination(r, List.of()));
                }
            }
        }
        if (shells.isEmpty()) {
            return List.of();
        }
        Map<String, List<RecordedLine>> lines = new LinkedHashMap<>();
        String marks = String.join(", ", java.util.Collections.nCopies(shells.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT " + RecordRows.LINE_COLUMNS
                + " FROM determination_line l WHERE l.determination_id IN (" + marks + ") ORDER BY l.determination_id, l.pos")) {
            bind(s, new ArrayList<>(shells.keySet()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(RecordRows.line(r));
                }
            }
        }
        List<RecordedDetermination> full = new ArrayList<>(shells.size());
        for (RecordedDetermination d : shells.values()) {
            full.add(new RecordedDetermination(d.id(), d.created(), d.client(), d.patient(), d.coverages(), d.requestReference(),
                    d.dateOfService(), d.lineOfBusiness(), lines.getOrDefault(d.id(), List.of()), d.policyVersions(),
                    d.knowledgeVersion(), d.took(), d.processingOutcome(), d.response()));
        }
        return full;
    }

    private static void bind(PreparedStatement s, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            s.setObject(i + 1, parameters.get(i));
        }
    }

    private static long count(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Override
    public Page<RecordedDetermination> search(DeterminationQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        condition(where, parameters, "d.patient_ref = ?", q.patientReference());
        if (q.patientIdentifier() != null) {
            condition(where, parameters, "d.patient_id_value = ?", q.patientIdentifier().value());
            condition(where, parameters, "d.patient_id_system = ?", q.patientIdentifier().system());
        }
        condition(where, parameters, "d.created_us >= ?", q.createdFrom() == null ? null : RecordRows.micros(q.createdFrom()));
        condition(where, parameters, "d.created_us < ?", q.createdBefore() == null ? null : RecordRows.micros(q.createdBefore()));
        condition(where, parameters, "d.request_ref = ?", q.requestReference());
        condition(where, parameters, "d.processing_outcome = ?", q.processingOutcome() == null ? null : q.processingOutcome().code());
        condition(where, parameters, "EXISTS (SELECT 1 FROM determination_line l WHERE l.determination_id = d.id AND l.outcome = ?)",
                q.lineOutcome() == null ? null : q.lineOutcome().code());
        condition(where, parameters, "EXISTS (SELECT 1 FROM determination_line l WHERE l.determination_id = d.id AND l.code = ?)", q.itemCode());
        return read(c -> {
            long total = count(c, "SELECT COUNT(*) FROM determination d" + where, parameters);
            List<RecordedDetermination> items = List.of();
            if (q.limit() > 0 && q.offset() < total) {
                List<Object> paged = new ArrayList<>(parameters);
                paged.add(q.limit());
                paged.add(q.offset());
                items = load(c, "SELECT " + RecordRows.DETERMINATION_COLUMNS + " FROM determination d" + where
                        + " ORDER BY d.created_us DESC, d.id ASC LIMIT ? OFFSET ?", paged);
            }
            return new Page<>(items, total, q.offset(), q.limit());
        });
    }

    private static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            parameters.add(value);
        }
    }

    @Override
    public Optional<AuditRecord> readAudit(String id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + RecordRows.AUDIT_COLUMNS + " FROM audit_event a WHERE a.id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(RecordRows.audit(r)) : Optional.<AuditRecord>empty();
                }
            }
        });
    }

    @Override
    public Page<AuditRecord> searchAudit(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        condition(where, parameters, "a.determination_id = ?", q.determinationId());
        condition(where, parameters, "a.client_id = ?", q.clientId());
        condition(where, parameters, "a.subtype = ?", q.subtype());
        condition(where, parameters, "a.outcome = ?", q.outcome() == null ? null : q.outcome().code());
        condition(where, parameters, "a.recorded_us >= ?", q.recordedFrom() == null ? null : RecordRows.micros(q.recordedFrom()));
        condition(where, parameters, "a.recorded_us < ?", q.recordedBefore() == null ? null : RecordRows.micros(q.recordedBefore()));
        return read(c -> {
            long total = count(c, "SELECT COUNT(*) FROM audit_event a" + where, parameters);
            List<AuditRecord> items = new ArrayList<>();
            if (q.limit() > 0 && q.offset() < total) {
                List<Object> paged = new ArrayList<>(parameters);
                paged.add(q.limit());
                paged.add(q.offset());
                try (PreparedStatement s = c.prepareStatement("SELECT " + RecordRows.AUDIT_COLUMNS + " FROM audit_event a" + where
                        + " ORDER BY a.recorded_us DESC, a.id ASC LIMIT ? OFFSET ?")) {
                    bind(s, paged);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            items.add(RecordRows.audit(r));
                        }
                    }
                }
            }
            return new Page<>(items, total, q.offset(), q.limit());
        });
    }

    @Override
    public DeterminationReport report(Instant from, Instant before) {
        List<Object> period = List.of(RecordRows.micros(from), RecordRows.micros(before));
        return read(c -> {
            ReportTally tally = new ReportTally();
            try (PreparedStatement s = c.prepareStatement("SELECT d.line_of_business, d.processing_outcome, d.took_ns FROM determination d "
                    + "WHERE d.created_us >= ? AND d.created_us < ?")) {
                bind(s, period);
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String lob = r.getString(1);
                        tally.addDetermination(lob == null ? null : org.coverageengine.domain.determination.LineOfBusiness.parse(lob).orElseThrow(),
                                org.coverageengine.domain.record.ProcessingOutcome.fromCode(r.getString(2)).orElseThrow(), Duration.ofNanos(r.getLong(3)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT l.code, l.outcome, l.citations, l.prior_auth FROM determination_line l "
                    + "JOIN determination d ON d.id = l.determination_id WHERE d.created_us >= ? AND d.created_us < ?")) {
                bind(s, period);
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        tally.addLine(r.getString(1), org.coverageengine.domain.determination.Outcome.fromCode(r.getString(2)).orElseThrow(),
                                RecordRows.decodeCitations(r.getString(3)), r.getBoolean(4));
                    }
                }
            }
            return tally.report(from, before);
        });
    }

    @Override
    public long deleteBefore(Instant cutoff) {
        long micros = RecordRows.micros(cutoff);
        return read(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement lines = c.prepareStatement("DELETE FROM determination_line WHERE determination_id IN "
                    + "(SELECT id FROM determination WHERE created_us < ?)");
                    PreparedStatement determinations = c.prepareStatement("DELETE FROM determination WHERE created_us < ?");
                    PreparedStatement audits = c.prepareStatement("DELETE FROM audit_event WHERE recorded_us < ?")) {
                lines.setLong(1, micros);
                lines.executeUpdate();
                determinations.setLong(1, micros);
                long deleted = determinations.executeUpdate();
                audits.setLong(1, micros);
                audits.executeUpdate();
                c.commit();
                return deleted;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }

    @Override
    public String describe() {
        return source.address().describe();
    }

    @Override
    public void close() {
        writer.close();
        source.close();
    }
}
