package org.coverageengine.adapter.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads claim lines from a CSV file keeping the {@link ClaimColumns} contract, one record at a time. */
public final class CsvClaimReader implements ClaimLineSource {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final String name;
    private final CountingInput counting;
    private final long size;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final java.util.HashMap<String, Integer> header;
    private long lastLine;

    private CsvClaimReader(String name, InputStream in, long size) {
        this.name = name;
        this.counting = new CountingInput(in);
        this.size = size;
        Reader reader = new InputStreamReader(counting, StandardCharsets.UTF_8);
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException e) {
            throw new InputUnreadableException(name + ": " + e.getMessage(), e);
        }
        this.records = parser.iterator();
        if (!records.hasNext()) {
            close();
            throw new InputUnreadableException(name + ":1: the file is empty; expected a header starting with "
                    + String.join(",", ClaimColumns.REQUIRED));
        }
        List<String> header = records.next().toList().stream().map(String::strip).toList();
        List<String> cleaned = header.isEmpty() ? header : withoutByteOrderMark(header);
        String problem = ClaimColumns.headerProblem(cleaned);
        if (problem != null) {
            close();
            throw new InputUnreadableException(name + ":1: " + problem);
        }
        this.header = columns(cleaned);
        this.lastLine = parser.getCurrentLineNumber();
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
        return new LineParser(name, columns(withoutByteOrderMark(header.stream().map(String::strip).toList())));
    }

    /** Parses one CSV line into a claim line or the error naming the line and column. */
    public record LineParser(String name, java.util.HashMap<String, Integer> header) implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        /** The result for the text of one record at the given line number. */
        public ReadResult parse(String text, long line) {
            List<String> values;
            try (CSVParser one = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(FORMAT).get()) {
                List<CSVRecord> records = one.getRecords();
                values = records.isEmpty() ? List.of() : records.get(0).toList();
            } catch (IOException | UncheckedIOException e) {
                return ReadResult.failed(new RecordError(name, line, "", "", "not a CSV record: " + e.getMessage()));
            }
            return CsvClaimReader.parse(name, header, values, line);
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
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new InputUnreadableException(name + ":" + (lastLine + 1) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException e) {
            throw new InputUnreadableException(name + ":" + (lastLine + 1) + ": " + e.getMessage(), e);
        }
        long line = lastLine + 1;
        lastLine = parser.getCurrentLineNumber();
        return parse(name, header, record.toList(), line);
    }

    private static java.util.HashMap<String, Integer> columns(List<String> header) {
        java.util.HashMap<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        return columns;
    }

    private static ReadResult parse(String name, java.util.HashMap<String, Integer> header, List<String> values, long line) {
        String claimId = values.isEmpty() ? "" : values.get(0).strip();
        if (values.size() > header.size()) {
            return ReadResult.failed(new RecordError(name, line, "", claimId, "the record has " + values.size()
                    + " values; the header has " + header.size() + " columns"));
        }
        try {
            return ReadResult.of(ClaimColumns.parse(column -> {
                Integer index = header.get(column);
                return index == null || index >= values.size() ? null : values.get(index);
            }, line));
        } catch (RecordException e) {
            Integer index = header.get(e.field());
            return ReadResult.failed(new RecordError(name, line, index == null ? e.field() : "column " + (index + 1) + " (" + e.field() + ")",
                    claimId, e.getMessage()));
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
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
