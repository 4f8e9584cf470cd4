package org.coverageengine.adapter.batch;

/** The input as a whole cannot be read (missing file, wrong header, not a bulk-data folder): nothing was answered. */
public final class InputUnreadableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The input cannot be read, for the reason given (which names the file and, when known, the line). */
    public InputUnreadableException(String message) {
        super(message);
    }

    /** The input cannot be read because of an I/O failure. */
    public InputUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
