package org.coverageengine.adapter.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Opens connections to the record's database through its driver directly (no DriverManager look-up, which a shaded
 * jar can break), and keeps a few idle ones for reads.
 */
final class ConnectionSource implements AutoCloseable {

    private final StoreAddress address;
    private final Driver driver;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(16);

    ConnectionSource(StoreAddress address) {
        this.address = address;
        this.driver = address.isH2() ? new org.h2.Driver() : new org.postgresql.Driver();
    }

    Connection open() throws SQLException {
        Connection connection = driver.connect(address.url(), address.properties());
        if (connection == null) {
            throw new SQLException("the driver does not accept the URL of " + address.describe(), "08001");
        }
        return connection;
    }

    /** An idle connection, or a new one. */
    Connection borrow() throws SQLException {
        Connection connection = idle.poll();
        return connection != null ? connection : open();
    }

    /** Gives a connection back after use; a connection that failed is closed instead. */
    void release(Connection connection, boolean healthy) {
        if (!healthy || !idle.offer(connection)) {
            closeQuietly(connection);
        }
    }

    /** Closes the idle connections, e.g. after the database was lost. */
    void dropIdle() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            closeQuietly(connection);
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // A connection to a lost database cannot be closed cleanly; it is dropped either way.
        }
    }

    StoreAddress address() {
        return address;
    }

    @Override
    public void close() {
        dropIdle();
    }
}
