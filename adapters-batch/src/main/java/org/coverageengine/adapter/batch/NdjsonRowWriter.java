package org.coverageengine.adapter.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one determination per line as a JSON object keyed by the detail's columns, straight into a
 * reusable byte buffer. The bytes are those Jackson's generator writes with its defaults (UTF-8; quote, backslash and
 * control characters escaped, the common ones as {@code \n}, {@code \t}..., the others and lone surrogate halves as
 * {@code \}{@code uXXXX}), at a fraction of its per-value cost.
 */
final class NdjsonRowWriter implements RowWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For each ASCII character: 0 written as is, a letter for its short escape, 'u' for the long form. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        Arrays.fill(ESCAPES, 0, 32, (byte) 'u');
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private static final byte[] CLAIM_ID = key("{\"claim_id\":");
    private static final byte[] LINE = key(",\"line\":");
    private static final byte[] DATE_OF_SERVICE = key(",\"date_of_service\":");
    private static final byte[] LINE_OF_BUSINESS = key(",\"line_of_business\":");
    private static final byte[] CODE = key(",\"code\":");
    private static final byte[] OUTCOME = key(",\"outcome\":");
    private static final byte[] REQUESTED_UNITS = key(",\"requested_units\":");
    private static final byte[] ALLOWED_UNITS = key(",\"allowed_units\":");
    private static final byte[] PRIOR_AUTHORIZATION = key(",\"prior_authorization\":");
    private static final byte[] CRITERIA = key(",\"criteria\":[");
    private static final byte[] CITATIONS = key("],\"citations\":[");
    private static final byte[] REASONS = key("],\"reasons\":");
    private static final byte[] NOTICES = key(",\"notices\":[");
    private static final byte[] NOTICES_AFTER_CITATIONS = key("],\"notices\":[");
    private static final byte[] END = key("]}\n");
    private static final byte[] NULL = key("null");
    private static final byte[] TRUE = key("true");
    private static final byte[] FALSE = key("false");

    private final OutputStream out;
    private final boolean explains;
    private byte[] buffer = new byte[1 << 16];
    private int size;

    NdjsonRowWriter(OutputStream out, OutputDetail detail) {
        this.out = out;
        this.explains = detail.explains();
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void write(DeterminationRow row) {
        raw(CLAIM_ID);
        string(row.claimId());
        raw(LINE);
        number(row.line());
        raw(DATE_OF_SERVICE);
        string(row.dateOfService());
        raw(LINE_OF_BUSINESS);
        string(row.lineOfBusiness());
        raw(CODE);
        string(row.code());
        raw(OUTCOME);
        string(row.outcome());
        raw(REQUESTED_UNITS);
        number(row.requestedUnits());
        raw(ALLOWED_UNITS);
        if (row.allowedUnits() == null) {
            raw(NULL);
        } else {
            number(row.allowedUnits());
        }
        raw(PRIOR_AUTHORIZATION);
        raw(row.priorAuthorization() ? TRUE : FALSE);
        raw(CRITERIA);
        strings(row.criteria());
        raw(CITATIONS);
        strings(row.citations());
        if (explains) {
            raw(REASONS);
            string(row.reasons());
            raw(NOTICES);
        } else {
            raw(NOTICES_AFTER_CITATIONS);
        }
        strings(row.notices());
        raw(END);
    }

    private void strings(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                room(1);
                buffer[size++] = ',';
            }
            string(values.get(i));
        }
    }

    private void raw(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void number(int value) {
        room(11);
        if (value < 0) {
            buffer[size++] = '-';
        }
        long rest = Math.abs((long) value);
        int digits = 1;
        for (long scale = 10; scale <= rest; scale *= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            buffer[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += digits;
    }

    /** The string quoted and escaped; six bytes a character is the most any character takes ({@code \}{@code uXXXX}). */
    private void string(String text) {
        int length = text.length();
        room(length * 6 + 2);
        byte[] b = buffer;
        int at = size;
        b[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    b[at++] = (byte) c;
                } else if (escape == 'u') {
                    at = unicodeEscape(b, at, c);
                } else {
                    b[at++] = '\\';
                    b[at++] = escape;
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(b, at, c);
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        b[at++] = '"';
        size = at;
    }

    private static int unicodeEscape(byte[] b, int at, char c) {
        b[at++] = '\\';
        b[at++] = 'u';
        b[at++] = HEX[c >> 12 & 0xF];
        b[at++] = HEX[c >> 8 & 0xF];
        b[at++] = HEX[c >> 4 & 0xF];
        b[at++] = HEX[c & 0xF];
        return at;
    }

    /** Makes room for {@code bytes} more: writes the buffer out when it is full, and grows it for a value larger than it. */
    private void room(int bytes) {
        if (size + bytes <= buffer.length) {
            return;
        }
        flushBuffer();
        if (bytes > buffer.length) {
            buffer = new byte[bytes];
        }
    }

    private void flushBuffer() {
        try {
            out.write(buffer, 0, size);
            size = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flushBuffer();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
