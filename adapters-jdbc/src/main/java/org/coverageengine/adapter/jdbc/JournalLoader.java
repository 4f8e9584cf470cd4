package org.coverageengine.adapter.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that loads journaled rows into the database, many keeps per transaction, with the number of the
 * last loaded entry stored in the same transaction; and, at start, the load of what the journal holds past that
 * number, so each entry reaches the database exactly once.
 */
final class JournalLoader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalLoader.class);
    private static final int MAX_BATCH = 1024;
    private static final long MAX_BACKOFF_MILLIS = 2_000;
    /**
     * How long the loader lets entries gather before a transaction when fewer than a batch are waiting: nobody
     * waits for it but reads (which cut it short), and each transaction's cost is mostly fixed.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How many entries are loaded between looks for journal segments to delete. */
    private static final long RELEASE_EVERY = 4096;

    /** A journaled entry waiting to be loaded: its number, rows, determination ids and the room it takes. */
    record Loading(long sequence, List<Row> rows, List<String> determinationIds, int kilobytes) {
    }

    private final RecordJournal journal;
    private final ConnectionSource source;
    private final Semaphore room;
    private final KeptIds ids;
    private final BlockingQueue<Loading> queue = new LinkedBlockingQueue<>();
    private final Object loadedSignal = new Object();
    private final Thread thread;
    private Connection connection;
    private volatile long loaded;
    private volatile boolean hurry;
    private volatile boolean failing;
    private volatile boolean closing;

    /** Starts loading on the connection (which must not auto-commit) what is queued after the journal's last entry. */
    JournalLoader(RecordJournal journal, ConnectionSource source, Connection connection, Semaphore room, KeptIds ids) {
        this.journal = journal;
        this.source = source;
        this.connection = connection;
        this.room = room;
        this.ids = ids;
        this.loaded = journal.lastSequence();
        this.thread = new Thread(this::run, "record-loader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a journaled entry; called in the journal's order. */
    void queue(Loading loading) {
        queue.add(loading);
    }

    /** Cuts the current wait for more entries short: someone waits for the loader. */
    void hurry() {
        hurry = true;
        LockSupport.unpark(thread);
    }

    /** True while the database refuses the journaled rows. */
    boolean failing() {
        return failing;
    }

    /** True once the loader is stopping. */
    boolean closing() {
        return closing;
    }

    /**
     * Returns once every entry up to {@code target} is loaded, waking the loader if it lingers.
     *
     * @throws org.coverageengine.domain.record.RecordUnavailableException when that takes longer than the wait
     */
    void awaitLoaded(long target, Duration wait) {
        if (loaded >= target) {
            return;
        }
        hurry();
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (loadedSignal) {
            while (loaded < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw GroupCommitWriter.unavailable("its database is " + (target - loaded) + " records behind the journal", null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(loadedSignal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw GroupCommitWriter.unavailable("interrupted while waiting for the database", e);
                }
            }
        }
    }

    private void run() {
        List<Loading> batch = new ArrayList<>(MAX_BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                Loading first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                linger();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                loadUntilDone(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        if (connection != null) {
            ConnectionSource.closeQuietly(connection);
        }
    }

    /** Waits for more entries to share the next transaction, unless a batch is full or anyone waits for the loader. */
    private void linger() {
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (!hurry && !closing && queue.size() < MAX_BATCH && !room.hasQueuedThreads()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        hurry = false;
    }

    /**
     * Loads the batch, retrying with back-off while the database refuses it: the entries are journaled, so they
     * are never dropped; while this lasts the room fills and keeps are refused with 503.
     */
    private void loadUntilDone(List<Loading> batch) throws InterruptedException {
        long backoff = 50;
        boolean oneByOne = false;
        while (true) {
            try {
                if (connection == null) {
                    connection = source.open();
                    connection.setAutoCommit(false);
                }
                if (oneByOne) {
                    loadOneByOne(batch);
                } else {
                    load(batch);
                }
                if (failing) {
                    LOG.warn("The record's database takes writes again; recording resumes.");
                    failing = false;
                }
                return;
            } catch (SQLException e) {
                if (!oneByOne && connection != null && GroupCommitWriter.isDuplicate(e)) {
                    oneByOne = true;
                    continue;
                }
                if (!failing) {
                    LOG.error("The record's database refuses the journaled records ({}); retrying.", GroupCommitWriter.reason(e));
                    failing = true;
                }
                if (connection != null) {
                    ConnectionSource.closeQuietly(connection);
                    connection = null;
                }
                if (closing) {
                    return;
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * Loads a batch that holds an id the database already has, entry by entry, leaving out the entries it refuses as
     * duplicates (the record kept first stays); ids are minted unique, so this is a bug elsewhere, logged as one.
     */
    private void loadOneByOne(List<Loading> batch) throws SQLException {
        for (java.util.Iterator<Loading> next = batch.iterator(); next.hasNext();) {
            Loading loading = next.next();
            try {
                load(List.of(loading));
            } catch (SQLException e) {
                if (!GroupCommitWriter.isDuplicate(e)) {
                    throw e;
                }
                LOG.error("A journaled record repeats an id the record already holds; the first one kept stays.");
                loadedWithout(loading);
            }
            // Done with: a retry after a later failure must not load or release it again.
            next.remove();
        }
    }

    private void loadedWithout(Loading skipped) throws SQLException {
        JournalMark.writeMark(connection, skipped.sequence());
        connection.commit();
        finished(List.of(skipped));
    }

    private void load(List<Loading> batch) throws SQLException {
        List<Row> rows = new ArrayList<>(batch.size() * 3);
        for (Loading loading : batch) {
            rows.addAll(loading.rows());
        }
        long last = batch.get(batch.size() - 1).sequence();
        try {
            RecordRows.insertRows(connection, rows);
            JournalMark.writeMark(connection, last);
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw e;
        }
        finished(batch);
    }

    /** The batch is in the database: frees its ids and room, and wakes the reads waiting for it. */
    private void finished(List<Loading> batch) {
        long last = batch.get(batch.size() - 1).sequence();
        for (Loading loading : batch) {
            ids.loaded(loading.determinationIds());
        }
        room.release(batch.stream().mapToInt(Loading::kilobytes).sum());
        boolean segmentDone = last / RELEASE_EVERY != loaded / RELEASE_EVERY;
        synchronized (loadedSignal) {
            loaded = last;
            loadedSignal.notifyAll();
        }
        if (segmentDone) {
            try {
                journal.release(last);
            } catch (IOException e) {
                LOG.warn("Loaded journal segments could not be deleted ({}).", e.getClass().getSimpleName());
            }
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is closed right after.
        }
    }

    /** Loads what is queued, then stops. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the loader's thread has ended (a close that timed out leaves it loading). */
    boolean stopped() {
        return !thread.isAlive();
    }

    /** The number of the last entry loaded. */
    long loaded() {
        return loaded;
    }
}
