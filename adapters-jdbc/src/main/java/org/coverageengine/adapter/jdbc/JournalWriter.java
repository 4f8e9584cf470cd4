package org.coverageengine.adapter.jdbc;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's write path: a keep is appended to the {@link RecordJournal} by the caller's own thread
 * (one write call, no hand-over, no waiting for a commit) and the answer can go; the {@link JournalLoader} moves the
 * journaled rows into the database behind it. Reads wait until the loader has caught up with every keep made before
 * them. Journaled rows wait in memory until loaded, within a bounded room.
 */
final class JournalWriter implements RecordWriter {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);

    private final RecordJournal journal;
    private final JournalLoader loader;
    private final KeptIds ids;
    private final Semaphore room;
    private final Duration wait;
    private final ConnectionSource source;
    private final Path databaseFile;
    /** The last entry loaded when the record opened: anything past it means records were taken. */
    private final long loadedAtStart;

    private JournalWriter(RecordJournal journal, JournalLoader loader, KeptIds ids, Semaphore room, Duration wait, ConnectionSource source,
            Path databaseFile) {
        this.journal = journal;
        this.loader = loader;
        this.ids = ids;
        this.room = room;
        this.wait = wait;
        this.source = source;
        this.databaseFile = databaseFile;
        this.loadedAtStart = loader.loaded();
    }

    /**
     * Opens the journal in the folder, loads into the database what it holds past the last loaded entry, and starts
     * the loader. The connection must not auto-commit; it becomes the loader's. At most {@code roomKilobytes} of
     * journaled rows wait to be loaded; a keep beyond waits up to {@code wait} for room. {@code databaseFile} is the H2
     * file, compacted at close when records were taken.
     */
    static JournalWriter start(Path folder, ConnectionSource source, Connection connection, int roomKilobytes, Duration wait,
            Path databaseFile) throws IOException, SQLException {
        RecordJournal journal = JournalMark.openAndCatchUp(folder, connection);
        KeptIds ids = KeptIds.of(source, connection);
        Semaphore room = new Semaphore(roomKilobytes);
        return new JournalWriter(journal, new JournalLoader(journal, source, connection, room, ids), ids, room, wait, source, databaseFile);
    }

    @Override
    public void keepAll(List<Object> items) {
        if (loader.closing()) {
            throw GroupCommitWriter.unavailable("the server is stopping", null);
        }
        List<Row> rows = RecordRows.rows(items);
        byte[] payload = RowCodec.encode(rows);
        List<String> claimed = ids.claim(items);
        boolean queued = false;
        try {
            if (!room.tryAcquire(kilobytes(payload)) && !roomAfterHurrying(kilobytes(payload))) {
                throw GroupCommitWriter.unavailable("too many records are waiting to be loaded into its database", null);
            }
            append(payload, rows, claimed);
            queued = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GroupCommitWriter.unavailable("interrupted while waiting for room in the journal", e);
        } finally {
            if (!queued) {
                ids.giveBack(claimed);
            }
        }
    }

    @Override
    public boolean offer(List<Object> items) {
        if (loader.closing()) {
            return false;
        }
        List<Row> rows = RecordRows.rowsIfTheyFit(items);
        if (rows == null) {
            return false;
        }
        byte[] payload = RowCodec.encode(rows);
        if (!room.tryAcquire(kilobytes(payload))) {
            return false;
        }
        try {
            append(payload, rows, List.of());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean roomAfterHurrying(int kilobytes) throws InterruptedException {
        loader.hurry();
        return room.tryAcquire(kilobytes, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The room an entry takes while it waits to be loaded: its payload's size, rounded up to a kilobyte. */
    private static int kilobytes(byte[] payload) {
        return payload.length / 1024 + 1;
    }

    /** Journals the entry and queues it for the loader, in the journal's order; the room is already taken. */
    private void append(byte[] payload, List<Row> rows, List<String> claimed) {
        try {
            synchronized (journal) {
                long sequence = journal.append(payload);
                loader.queue(new JournalLoader.Loading(sequence, rows, claimed, kilobytes(payload)));
            }
        } catch (IOException e) {
            room.release(kilobytes(payload));
            LOG.error("The record's journal cannot be written ({}); answers are refused with 503.", e.getClass().getSimpleName());
            throw GroupCommitWriter.unavailable("its journal cannot be written", e);
        }
    }

    @Override
    public void awaitReadable() {
        loader.awaitLoaded(journal.lastSequence(), wait);
    }

    @Override
    public boolean lost() {
        return loader.failing();
    }

    /** Loads what is journaled, then stops the loader, closes the journal and, when records were taken, compacts the database. */
    @Override
    public void close() {
        loader.close();
        try {
            journal.release(loader.loaded());
            journal.close();
        } catch (IOException e) {
            LOG.warn("The record's journal could not be closed cleanly ({}); the next start loads what it holds.", e.getClass().getSimpleName());
        }
        // Not while the loader is still at work (its close waits 10 s; the journal keeps the rest for the next start):
        // shutting the database under it would cut both short.
        if (loader.stopped() && loader.loaded() > loadedAtStart && !loader.failing()) {
            H2Compaction.compactAndClose(source, databaseFile);
        }
    }
}
