package org.coverageengine.adapter.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the database stands against the journal: the number of the last entry loaded, kept in the database and
 * written in the same transaction as the rows it covers; and the catch-up at start that loads what the journal holds
 * past it, so that each entry reaches the database exactly once.
 */
final class JournalMark {

    private static final Logger LOG = LoggerFactory.getLogger(JournalMark.class);
    private static final int BATCH = 1024;

    private JournalMark() {
    }

    /**
     * Opens the journal in the folder and loads into the database, on the connection, what it holds past the last
     * loaded entry; returns the journal, ready for the entries that follow.
     */
    static RecordJournal openAndCatchUp(Path folder, Connection connection) throws IOException, SQLException {
        long mark = readMark(connection);
        List<RecordJournal.Entry> batch = new ArrayList<>();
        long[] replayed = {0};
        RecordJournal journal;
        try {
            journal = RecordJournal.open(folder, mark, entry -> {
                batch.add(entry);
                if (batch.size() == BATCH) {
                    replayed[0] += replay(connection, batch);
                }
            });
            replayed[0] += replay(connection, batch);
        } catch (UncheckedSqlException e) {
            throw e.getCause();
        }
        if (replayed[0] > 0) {
            LOG.info("Loaded {} journaled records into the record's database that a stopped process had not.", replayed[0]);
        }
        journal.release(journal.lastSequence());
        return journal;
    }

    /** Loads the journal's entries into the database at start (as one transaction); returns how many. */
    private static int replay(Connection connection, List<RecordJournal.Entry> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            List<Row> rows = new ArrayList<>();
            for (RecordJournal.Entry entry : batch) {
                rows.addAll(RowCodec.decode(entry.payload()));
            }
            RecordRows.insertRows(connection, rows);
            writeMark(connection, batch.get(batch.size() - 1).sequence());
            connection.commit();
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("a journal entry cannot be read: " + e.getMessage(), e));
        }
        int count = batch.size();
        batch.clear();
        return count;
    }

    /** A SQLException through the journal's entry callback. */
    private static final class UncheckedSqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    static long readMark(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT loaded_up_to FROM journal_mark");
                ResultSet r = s.executeQuery()) {
            long mark = r.next() ? r.getLong(1) : 0;
            connection.commit();
            return mark;
        }
    }

    static void writeMark(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE journal_mark SET loaded_up_to = ?")) {
            s.setLong(1, sequence);
            s.executeUpdate();
        }
    }
}
