package org.coverageengine.adapter.csv;

/**
 * A file could not be imported: says which file, where (line and column, 1-based; 0 when the problem is the
 * whole file) and why. Nothing of the import is kept when this is thrown.
 */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    /** Creates the exception. */
    public ImportException(String file, int line, int column, String reason) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 for the whole file. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0 when no single column is at fault. */
    public int column() {
        return column;
    }

    /** Why the import stopped. */
    public String reason() {
        return reason;
    }
}
