package org.coverageengine.adapter.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import org.coverageengine.domain.record.RecordedDetermination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's write path: a keep is appended to the {@link RecordJournal} by the caller's own thread
 * (one write call, no hand-over, no waiting for a commit) and the answer can go; one thread loads the journaled
 * rows into the database behind it, many keeps per transaction, with the number of the last loaded entry stored in
 * the same transaction. A start loads what the journal holds past that number first, so each entry reaches the
 * database exactly once. Reads wait until the loader has caught up with every keep made before them.
 */
final class JournalWriter implements RecordWriter {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final int MAX_BATCH = 1024;
    private static final long MAX_BACKOFF_MILLIS = 2_000;
    /**
     * How long the loader lets entries gather before a transaction when fewer than a batch are waiting: nobody
     * waits for it but reads (which cut it short), and each transaction's cost is mostly fixed.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** The least number of ids the filter of kept ids is sized for (about 5 MB at a 1% false-positive rate). */
    private static final long MIN_FILTER_IDS = 4_000_000;
    /** How many entries are loaded between looks for journal segments to delete. */
    private static final long RELEASE_EVERY = 4096;

    private record Loading(long sequence, List<Row> rows, List<String> determinationIds, int kilobytes) {
    }

    private final RecordJournal journal;
    private final ConnectionSource source;
    private final Duration wait;
    private final Semaphore room;
    private final BlockingQueue<Loading> queue;
    private final Set<String> unloadedIds = ConcurrentHashMap.newKeySet();
    /** Every determination id the database may hold: an id it rules out needs no look-up in the database. */
    private final BloomFilter<CharSequence> keptIds;
    private volatile boolean hurry;
    private final Object loadedSignal = new Object();
    private final Thread thread;
    private Connection connection;
    private volatile long loaded;
    private volatile boolean failing;
    private volatile boolean closing;

    private JournalWriter(RecordJournal journal, ConnectionSource source, Connection connection, long loaded, int capacityKilobytes, Duration wait,
            BloomFilter<CharSequence> keptIds) {
        this.journal = journal;
        this.keptIds = keptIds;
        this.source = source;
        this.connection = connection;
        this.loaded = loaded;
        this.wait = wait;
        this.room = new Semaphore(capacityKilobytes);
        this.queue = new LinkedBlockingQueue<>();
        this.thread = new Thread(this::run, "record-loader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Opens the journal in the folder, loads into the database what it holds past the last loaded entry, and starts
     * the loader. The connection must not auto-commit; it becomes the loader's.
     */
    static JournalWriter start(Path folder, ConnectionSource source, Connection connection, int capacityKilobytes, Duration wait)
            throws IOException, SQLException {
        long mark = readMark(connection);
        List<RecordJournal.Entry> batch = new ArrayList<>();
        long[] replayed = {0};
        RecordJournal journal;
        try {
            journal = RecordJournal.open(folder, mark, entry -> {
                batch.add(entry);
                if (batch.size() == MAX_BATCH) {
                    replayed[0] += replay(connection, batch);
                }
            });
            replayed[0] += replay(connection, batch);
        } catch (UncheckedSqlException e) {
            throw e.getCause();
        }
        long loaded = Math.max(mark, journal.lastSequence());
        if (replayed[0] > 0) {
            LOG.info("Loaded {} journaled records into the record's database that a stopped process had not.", replayed[0]);
        }
        journal.release(loaded);
        return new JournalWriter(journal, source, connection, loaded, capacityKilobytes, wait, keptIds(connection));
    }

    /** A filter of the determination ids in the database, sized for twice as many (at least {@link #MIN_FILTER_IDS}). */
    private static BloomFilter<CharSequence> keptIds(Connection connection) throws SQLException {
        long count;
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM determination"); ResultSet r = s.executeQuery()) {
            r.next();
            count = r.getLong(1);
        }
        BloomFilter<CharSequence> filter = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8),
                Math.max(MIN_FILTER_IDS, 2 * count), 0.01);
        try (PreparedStatement s = connection.prepareStatement("SELECT id FROM determination")) {
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    filter.put(r.getString(1));
                }
            }
        }
        connection.commit();
        return filter;
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

    private static long readMark(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT loaded_up_to FROM journal_mark");
                ResultSet r = s.executeQuery()) {
            long mark = r.next() ? r.getLong(1) : 0;
            connection.commit();
            return mark;
        }
    }

    private static void writeMark(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE journal_mark SET loaded_up_to = ?")) {
            s.setLong(1, sequence);
            s.executeUpdate();
        }
    }

    @Override
    public void keepAll(List<Object> items) {
        if (closing) {
            throw GroupCommitWriter.unavailable("the server is stopping", null);
        }
        List<Row> rows = RecordRows.rows(items);
        byte[] payload = RowCodec.encode(rows);
        List<String> ids = claimIds(items);
        boolean queued = false;
        try {
            if (!room.tryAcquire(kilobytes(payload), wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw GroupCommitWriter.unavailable("too many records are waiting to be loaded into its database", null);
            }
            append(payload, rows, ids);
            queued = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GroupCommitWriter.unavailable("interrupted while waiting for room in the journal", e);
        } finally {
            if (!queued) {
                unloadedIds.removeAll(ids);
            }
        }
    }

    @Override
    public boolean offer(List<Object> items) {
        List<Row> rows = RecordRows.rows(items);
        byte[] payload = RowCodec.encode(rows);
        if (closing || !room.tryAcquire(kilobytes(payload))) {
            return false;
        }
        try {
            append(payload, rows, List.of());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The room an entry takes while it waits to be loaded: its payload's size, rounded up to a kilobyte. */
    private static int kilobytes(byte[] payload) {
        return payload.length / 1024 + 1;
    }

    /** Journals the entry and queues it for the loader, in the journal's order; the room is already taken. */
    private void append(byte[] payload, List<Row> rows, List<String> ids) {
        try {
            synchronized (queue) {
                long sequence = journal.append(payload);
                queue.add(new Loading(sequence, rows, ids, kilobytes(payload)));
            }
        } catch (IOException e) {
            room.release(kilobytes(payload));
            LOG.error("The record's journal cannot be written ({}); answers are refused with 503.", e.getClass().getSimpleName());
            throw GroupCommitWriter.unavailable("its journal cannot be written", e);
        }
    }

    /** Reserves the ids of the determinations among the items; refuses one already kept or being kept. */
    private List<String> claimIds(List<Object> items) {
        List<String> ids = new ArrayList<>(1);
        for (Object item : items) {
            if (item instanceof RecordedDetermination determination) {
                String id = determination.id();
                boolean claimed = unloadedIds.add(id);
                if (claimed) {
                    ids.add(id);
                }
                if (!claimed || keptIds.mightContain(id) && loadedId(id)) {
                    unloadedIds.removeAll(ids);
                    throw new IllegalArgumentException("a record with this id is already kept");
                }
                keptIds.put(id);
            }
        }
        return ids;
    }

    private boolean loadedId(String id) {
        Connection reader = null;
        boolean healthy = false;
        try {
            reader = source.borrow();
            try (PreparedStatement s = reader.prepareStatement("SELECT 1 FROM determination WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    healthy = true;
                    return r.next();
                }
            }
        } catch (SQLException e) {
            throw GroupCommitWriter.unavailable("its database cannot be read", e);
        } finally {
            if (reader != null) {
                source.release(reader, healthy);
            }
        }
    }

    @Override
    public void awaitReadable() {
        long target = journal.lastSequence();
        if (loaded >= target) {
            return;
        }
        hurry = true;
        LockSupport.unpark(thread);
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

    @Override
    public boolean lost() {
        return failing;
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

    private void linger() {
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (!hurry && !closing && queue.size() < MAX_BATCH) {
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
        writeMark(connection, skipped.sequence());
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
            writeMark(connection, last);
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
            unloadedIds.removeAll(loading.determinationIds());
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

    /** Loads what is journaled, then stops the loader and closes the journal. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            journal.release(loaded);
            journal.close();
        } catch (IOException e) {
            LOG.warn("The record's journal could not be closed cleanly ({}); the next start loads what it holds.", e.getClass().getSimpleName());
        }
    }
}
