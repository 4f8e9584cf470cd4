package org.coverageengine.adapter.batch;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits RFC 4180 text into records as the claims reader needs them: comma-separated values, a value quoted with
 * {@code "} when it holds commas, quotes (doubled) or line breaks, records ended by CRLF, LF or CR, empty lines
 * skipped. It reads the text the way Commons CSV's RFC 4180 format does (a quote opens a quoted value only as the
 * value's first character; white space between a closing quote and the comma is dropped), without its per-character
 * token machinery, and names the line and column of a quoting error.
 */
final class CsvRecords {

    /** A quoted value never closed, or followed by text before its comma; the line and column say where. */
    static final class SyntaxException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final long line;
        private final int column;

        SyntaxException(long line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        /** The line of the text (1 for the first). */
        long line() {
            return line;
        }

        /** The column on that line (1 for the first character). */
        int column() {
            return column;
        }
    }

    /** The longest record read: a whole record is held in memory, so an unclosed quote must not pull in the whole file. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private final Reader in;
    private char[] buffer;
    private int position;
    private int limit;
    private boolean ended;
    private long nextLine = 1;
    private int lineStart;

    private String[] values = new String[16];
    private int size;
    private long recordLine;
    private final StringBuilder quoted = new StringBuilder();

    /** A splitter of the reader's text. */
    CsvRecords(Reader in) {
        this(in, 1 << 16);
    }

    private CsvRecords(Reader in, int bufferSize) {
        this.in = in;
        this.buffer = new char[Math.max(16, bufferSize)];
    }

    /** A splitter of one record's text (a single line, as a Spark job hands them over), with a buffer of its size. */
    static CsvRecords of(String text) {
        return new CsvRecords(new java.io.StringReader(text), text.length() + 1);
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the text
     * @throws SyntaxException for a quoted value that is not closed or is followed by text before the comma
     */
    boolean next() throws IOException {
        while (true) {
            int found = split();
            if (found >= 0) {
                return found == 1;
            }
            fill();
        }
    }

    /** The number of values in the record read. */
    int size() {
        return size;
    }

    /** The record's value at the index. */
    String value(int index) {
        return values[index];
    }

    /** The record's values, copied. */
    String[] values() {
        return Arrays.copyOf(values, size);
    }

    /** The line of the text the record starts on (1 for the first). */
    long line() {
        return recordLine;
    }

    /** The record starting at {@code position}: 1 when read, 0 at the end, -1 when the buffer ends before the record does. */
    private int split() {
        int p = position;
        long line = nextLine;
        int start = lineStart;
        while (p < limit && (buffer[p] == '\n' || buffer[p] == '\r')) {
            p = afterLineEnd(p);
            if (p < 0) {
                return -1;
            }
            line++;
            start = p;
        }
        if (p == limit) {
            if (!ended) {
                // Empty lines read so far are consumed, so a run of them never grows the buffer.
                position = p;
                nextLine = line;
                lineStart = start;
                return -1;
            }
            position = p;
            nextLine = line;
            lineStart = start;
            return 0;
        }
        long first = line;
        int count = 0;
        while (true) {
            String value;
            if (buffer[p] == '"') {
                quoted.setLength(0);
                int from = ++p;
                long quoteLine = line;
                int quoteColumn = from - start;
                while (true) {
                    if (p == limit) {
                        if (!ended) {
                            return -1;
                        }
                        throw new SyntaxException(quoteLine, quoteColumn, "the quoted value opened here is not closed before the end of the file");
                    }
                    char c = buffer[p];
                    if (c == '"') {
                        if (p + 1 == limit && !ended) {
                            return -1;
                        }
                        quoted.append(buffer, from, p - from);
                        if (p + 1 < limit && buffer[p + 1] == '"') {
                            quoted.append('"');
                            p += 2;
                            from = p;
                            continue;
                        }
                        p++;
                        break;
                    }
                    if (c == '\n' || c == '\r' && (p + 1 == limit || buffer[p + 1] != '\n')) {
                        if (c == '\r' && p + 1 == limit && !ended) {
                            return -1;
                        }
                        line++;
                        start = p + 1;
                    }
                    p++;
                }
                while (p < limit && buffer[p] != ',' && buffer[p] != '\n' && buffer[p] != '\r') {
                    if (!Character.isWhitespace(buffer[p])) {
                        throw new SyntaxException(line, p - start + 1, "only a comma or the end of the line may follow a quoted value's closing quote");
                    }
                    p++;
                }
                value = quoted.toString();
            } else {
                int from = p;
                while (p < limit) {
                    char c = buffer[p];
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                value = new String(buffer, from, p - from);
            }
            if (p == limit && !ended) {
                return -1;
            }
            count = add(count, value);
            if (p == limit) {
                break;
            }
            char c = buffer[p];
            if (c == ',') {
                p++;
                if (p == limit && !ended) {
                    return -1;
                }
                if (p == limit) {
                    count = add(count, "");
                    break;
                }
                continue;
            }
            p = afterLineEnd(p);
            if (p < 0) {
                return -1;
            }
            line++;
            start = p;
            break;
        }
        size = count;
        recordLine = first;
        position = p;
        nextLine = line;
        lineStart = start;
        return 1;
    }

    /** Where the text goes on after the line end (LF, CR or CRLF) at {@code p}; -1 when a CR ends the buffer but not the text. */
    private int afterLineEnd(int p) {
        if (buffer[p] == '\n') {
            return p + 1;
        }
        if (p + 1 == limit) {
            return ended ? p + 1 : -1;
        }
        return buffer[p + 1] == '\n' ? p + 2 : p + 1;
    }

    private int add(int count, String value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count] = value;
        return count + 1;
    }

    /** Keeps the unread text at the start of the buffer (growing it when one record fills it) and reads more after it. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            lineStart -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_RECORD_CHARS) {
                throw new SyntaxException(nextLine, position - lineStart + 1, "a record is longer than " + MAX_RECORD_CHARS
                        + " characters (is a quoted value not closed?)");
            }
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_RECORD_CHARS));
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            ended = true;
        } else {
            limit += read;
        }
    }
}
