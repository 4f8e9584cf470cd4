package org.coverageengine.adapter.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/** Reads claim lines from a CSV file keeping the {@link ClaimColumns} contract, one record at a time. */
public final class CsvClaimReader implements ClaimLineSource {

    private final String name;
    private final CountingInput counting;
    private final long size;
    private final Reader reader;
    private final CsvRecords records;
    private final Columns header;
    private ReadResult pending;
    private boolean ended;

    private CsvClaimReader(String name, InputStream in, long size) {
        this.name = name;
        this.counting = new CountingInput(in);
        this.size = size;
        this.reader = new InputStreamReader(counting, StandardCharsets.UTF_8);
        this.records = new CsvRecords(reader);
        try {
            if (!read()) {
                throw new InputUnreadableException(name + ":1: the file is empty; expected a header starting with "
                        + String.join(",", ClaimColumns.REQUIRED));
            }
            List<String> header = Arrays.stream(records.values()).map(String::strip).toList();
            List<String> cleaned = header.isEmpty() ? header : withoutByteOrderMark(header);
            String problem = ClaimColumns.headerProblem(cleaned);
            if (problem != null) {
                throw new InputUnreadableException(name + ":1: " + problem);
            }
            this.header = new Columns(cleaned);
        } catch (InputUnreadableException e) {
            close();
            throw e;
        }
    }

    /** The header's columns: where each of {@link ClaimColumns#ALL} is in a record, and each name's position for error reports. */
    private record Columns(java.util.HashMap<String, Integer> byName, int[] at) implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        Columns(List<String> header) {
            this(columns(header), ClaimColumns.ALL.stream().mapToInt(c -> header.indexOf(c)).toArray());
        }

        int size() {
            return byName.size();
        }
    }

    /**
     * A parser of single-line records under the given header (checked first), for callers that split the file into
     * lines themselves, such as a Spark job; it gives the same results and errors as reading the file.
     */
    public static LineParser lineParser(String name, List<String> header) {
        String problem = ClaimColumns.headerProblem(withoutByteOrderMark(header.stream().map(String::strip).toList()));
        if (problem != null) {
            throw new InputUnreadableException(name + ":1: " + problem);
        }
        return new LineParser(name, new Columns(withoutByteOrderMark(header.stream().map(String::strip).toList())));
    }

    /** Parses one CSV line into a claim line or the error naming the line and column. */
    public static final class LineParser implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        private final String name;
        private final Columns header;

        private LineParser(String name, Columns header) {
            this.name = name;
            this.header = header;
        }

        /** The result for the text of one record at the given line number. */
        public ReadResult parse(String text, long line) {
            CsvRecords one = CsvRecords.of(text);
            try {
                if (!one.next()) {
                    return CsvClaimReader.parse(name, header, one, 0, line);
                }
            } catch (CsvRecords.SyntaxException e) {
                return ReadResult.failed(new RecordError(name, line, "character " + e.column(), "", "not a CSV record: " + e.getMessage()));
            } catch (IOException e) {
                return ReadResult.failed(new RecordError(name, line, "", "", "not a CSV record: " + e.getMessage()));
            }
            return CsvClaimReader.parse(name, header, one, one.size(), line);
        }
    }

    /** Opens a CSV claims file. */
    public static CsvClaimReader open(Path file) {
        String name = file.getFileName().toString();
        try {
            return new CsvClaimReader(name, Files.newInputStream(file), Files.size(file));
        } catch (NoSuchFileException e) {
            throw new InputUnreadableException(name + ": no such file");
        } catch (IOException e) {
            throw new InputUnreadableException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads CSV claims from a stream (for tests and piped input). */
    public static CsvClaimReader of(String name, InputStream in) {
        return new CsvClaimReader(name, in, 0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long[] position() {
        return new long[] {counting.count(), size};
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !ended) {
            if (read()) {
                pending = parse(name, header, records, records.size(), records.line());
            } else {
                ended = true;
            }
        }
        return pending != null;
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadResult next = pending;
        pending = null;
        return next;
    }

    private boolean read() {
        try {
            return records.next();
        } catch (CsvRecords.SyntaxException e) {
            throw new InputUnreadableException(name + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new InputUnreadableException(name + ":" + (records.line() + 1) + ": " + e.getMessage(), e);
        }
    }

    private static java.util.HashMap<String, Integer> columns(List<String> header) {
        java.util.HashMap<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        return columns;
    }

    /** The first {@code count} values of the record read (none when 0). */
    private static ReadResult parse(String name, Columns header, CsvRecords record, int count, long line) {
        String claimId = count == 0 ? "" : record.value(0).strip();
        if (count > header.size()) {
            return ReadResult.failed(new RecordError(name, line, "", claimId, "the record has " + count
                    + " values; the header has " + header.size() + " columns"));
        }
        String[] values = new String[header.at().length];
        for (int i = 0; i < values.length; i++) {
            int at = header.at()[i];
            values[i] = at < 0 || at >= count ? null : record.value(at);
        }
        try {
            return ReadResult.of(ClaimColumns.parse(values, line));
        } catch (RecordException e) {
            Integer index = header.byName().get(e.field());
            return ReadResult.failed(new RecordError(name, line, index == null ? e.field() : "column " + (index + 1) + " (" + e.field() + ")",
                    claimId, e.getMessage()));
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // closing a file we only read loses nothing
        }
    }

    private static List<String> withoutByteOrderMark(List<String> header) {
        String first = header.get(0);
        if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
            java.util.ArrayList<String> copy = new java.util.ArrayList<>(header);
            copy.set(0, first.substring(1));
            return copy;
        }
        return header;
    }

    /** Counts the bytes read, for the progress bar. */
    static final class CountingInput extends java.io.FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(new java.io.BufferedInputStream(in, 1 << 16));
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
