package org.coverageengine.adapter.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats a batch writes: NDJSON (one determination per line) or CSV (with a header row). */
public enum OutputFormat {
    NDJSON,
    CSV;

    /** The format named by an option ("ndjson", "csv"). */
    public static Optional<OutputFormat> named(String name) {
        for (OutputFormat format : values()) {
            if (format.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format a file's extension names: .csv is CSV, anything else NDJSON. */
    public static OutputFormat ofFile(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : NDJSON;
    }

    /** A writer of this format to the stream, every column. */
    public RowWriter writerTo(OutputStream out) {
        return writerTo(out, OutputDetail.FULL);
    }

    /** A writer of this format to the stream, the columns of the given detail. */
    public RowWriter writerTo(OutputStream out, OutputDetail detail) {
        return this == CSV ? new CsvRowWriter(out, detail) : new NdjsonRowWriter(out, detail);
    }

    /** A writer of this format to a new file (replacing one there), every column. */
    public RowWriter writerTo(Path file) {
        return writerTo(file, OutputDetail.FULL);
    }

    /** A writer of this format to a new file (replacing one there), the columns of the given detail. */
    public RowWriter writerTo(Path file, OutputDetail detail) {
        try {
            return writerTo(Files.newOutputStream(file), detail);
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
