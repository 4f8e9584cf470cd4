package org.coverageengine.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.coverageengine.domain.record.RecordUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes: callers queue what to keep and wait; the thread takes everything queued, inserts it in
 * one transaction, commits, and only then releases each caller of that group. One commit (one flush, one round trip)
 * is shared by every request that arrived meanwhile, which is what keeps durable recording cheap under load.
 * The queue is bounded and every wait is bounded; when the database is lost, callers fail at once and the thread
 * reconnects with backoff.
 */
final class GroupCommitWriter implements RecordWriter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_GROUP = 512;
    private static final long GATHER_STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long GATHER_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private record Pending(List<Row> rows, CompletableFuture<Void> done) {
    }

    private final ConnectionSource source;
    private final BlockingQueue<Pending> queue;
    private final Duration wait;
    private final Thread thread;
    private volatile boolean lost;
    private volatile boolean closing;
    private Connection connection;

    GroupCommitWriter(ConnectionSource source, Connection connection, int capacity, Duration wait) {
        this.source = source;
        this.connection = connection;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.wait = wait;
        this.thread = new Thread(this::run, "record-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public boolean lost() {
        return lost;
    }

    static RecordUnavailableException unavailable(String why, Throwable cause) {
        return new RecordUnavailableException("the determination record is unavailable: " + why, RETRY_AFTER, cause);
    }

    /** Queues the items as one entry to be written with the next group, without waiting; false when they cannot be queued. */
    @Override
    public boolean offer(List<Object> items) {
        if (lost || closing) {
            return false;
        }
        List<Row> rows = RecordRows.rowsIfTheyFit(items);
        if (rows == null) {
            return false;
        }
        return queue.offer(new Pending(rows, new CompletableFuture<>()));
    }

    /** A commit makes its group readable at once: nothing to wait for. */
    @Override
    public void awaitReadable() {
        // Every keep returned after its commit.
    }

    /** Queues the items as one entry (so they share a commit) and waits until its group is committed. */
    @Override
    public void keepAll(List<Object> items) {
        if (lost) {
            throw unavailable("its database is unreachable (reconnecting)", null);
        }
        if (closing) {
            throw unavailable("the server is stopping", null);
        }
        Pending pending = new Pending(RecordRows.rows(items), new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw unavailable("too many records are waiting to be written", null);
        }
        try {
            pending.done().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw unavailable("writing failed", e.getCause());
        } catch (TimeoutException e) {
            throw unavailable("no commit within " + wait.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the commit", e);
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        long backoff = 50;
        while (!closing || !queue.isEmpty()) {
            if (connection == null) {
                if (!reconnect()) {
                    failQueued("its database is unreachable (reconnecting)");
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                    continue;
                }
                backoff = 50;
            }
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                gatherStragglers(group);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                group.clear();
            }
        }
        failQueued("the server is stopping");
        if (connection != null) {
            ConnectionSource.closeQuietly(connection);
        }
    }

    /**
     * Waits briefly for answers that are about to be queued, so they share this commit: as long as another arrives
     * within {@link #GATHER_STEP_NANOS} of the last, up to {@link #GATHER_MAX_NANOS} in all. A commit's cost is mostly
     * fixed (every index it touches has its path rewritten), so under load a few hundred microseconds of waiting
     * halve the commits; a lone request waits one step.
     */
    private void gatherStragglers(List<Pending> group) throws InterruptedException {
        long deadline = System.nanoTime() + GATHER_MAX_NANOS;
        while (group.size() < MAX_GROUP) {
            Pending next = queue.poll(GATHER_STEP_NANOS, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            group.add(next);
            queue.drainTo(group, MAX_GROUP - group.size());
            if (System.nanoTime() - deadline >= 0) {
                return;
            }
        }
    }

    private boolean reconnect() {
        try {
            Connection fresh = source.open();
            fresh.setAutoCommit(false);
            connection = fresh;
            if (lost) {
                LOG.warn("The determination record's database is reachable again; recording resumes.");
            }
            lost = false;
            return true;
        } catch (SQLException e) {
            if (!lost) {
                LOG.error("The determination record's database is unreachable ({}); answers are refused with 503 until it returns.",
                        reason(e));
            }
            lost = true;
            return false;
        }
    }

    private void write(List<Pending> group) {
        List<Row> rows = new ArrayList<>(group.size() * 3);
        group.forEach(p -> rows.addAll(p.rows()));
        try {
            RecordRows.insertRows(connection, rows);
            connection.commit();
            group.forEach(p -> p.done().complete(null));
            return;
        } catch (SQLException e) {
            rollbackQuietly();
            if (connectionLost(e)) {
                dropConnection(e);
                group.forEach(p -> p.done().completeExceptionally(unavailable("its database was lost", e)));
                return;
            }
        }
        // One bad item (a duplicate id) must not fail its group: write them one by one to find it.
        for (Pending pending : group) {
            if (connection == null) {
                pending.done().completeExceptionally(unavailable("its database was lost", null));
                continue;
            }
            try {
                RecordRows.insertRows(connection, pending.rows());
                connection.commit();
                pending.done().complete(null);
            } catch (SQLException e) {
                rollbackQuietly();
                if (isDuplicate(e)) {
                    pending.done().completeExceptionally(new IllegalArgumentException("a record with this id is already kept", e));
                } else if (connectionLost(e)) {
                    dropConnection(e);
                    pending.done().completeExceptionally(unavailable("its database was lost", e));
                } else {
                    LOG.error("A record could not be written ({})", reason(e));
                    pending.done().completeExceptionally(new IllegalStateException("the record could not be written (" + reason(e) + ")", e));
                }
            }
        }
    }

    private void dropConnection(SQLException e) {
        LOG.error("The determination record's database was lost ({}); answers are refused with 503 until it returns.", reason(e));
        lost = true;
        ConnectionSource.closeQuietly(connection);
        connection = null;
        source.dropIdle();
    }

    /**
     * What went wrong, without the message: a driver's message may quote the values of a failed insert, and those
     * are patient data, which must not reach the log.
     */
    static String reason(SQLException e) {
        return e.getClass().getSimpleName() + ", SQL state " + e.getSQLState();
    }

    static boolean isDuplicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if ("23505".equals(sql.getSQLState())) {
                    return true;
                }
                SQLException next = sql.getNextException();
                if (next != null && next != t && "23505".equals(next.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return !connection.isValid(2);
        } catch (SQLException invalid) {
            return true;
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is judged right after; a failed rollback on a lost database changes nothing.
        }
    }

    private void failQueued(String why) {
        Pending pending;
        while ((pending = queue.poll()) != null) {
            pending.done().completeExceptionally(unavailable(why, null));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
