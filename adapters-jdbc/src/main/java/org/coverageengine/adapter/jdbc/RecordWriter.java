package org.coverageengine.adapter.jdbc;

import java.util.List;

/** How the record's rows reach the database: the path every keep takes, and what reads wait for. */
interface RecordWriter extends AutoCloseable {

    /**
     * Keeps the items (determinations and audit records) together and returns once they survive a killed process.
     *
     * @throws org.coverageengine.domain.record.RecordUnavailableException when they cannot be kept now
     * @throws IllegalArgumentException when a determination with the same id is already kept
     * @throws IllegalStateException when the database refuses them
     */
    void keepAll(List<Object> items);

    /** Hands the items over to be kept without waiting; false when they cannot be taken now. */
    boolean offer(List<Object> items);

    /**
     * Returns once everything kept so far can be read from the database.
     *
     * @throws org.coverageengine.domain.record.RecordUnavailableException when that takes longer than the wait
     */
    void awaitReadable();

    /** True while the database cannot be written to. */
    boolean lost();

    @Override
    void close();
}
