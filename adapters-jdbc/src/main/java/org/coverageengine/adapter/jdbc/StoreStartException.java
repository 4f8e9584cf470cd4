package org.coverageengine.adapter.jdbc;

/** The record's database could not be opened at start; the message is one line for the operator, without credentials. */
public final class StoreStartException extends RuntimeException {

    /** A start failure with its one-line explanation. */
    public StoreStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
