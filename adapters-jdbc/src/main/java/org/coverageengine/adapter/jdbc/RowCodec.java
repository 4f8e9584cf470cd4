package org.coverageengine.adapter.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows as bytes for the journal: per row its table, then per column a presence byte and the value (UTF-8 text and
 * byte strings with their length; numbers big-endian; dates as epoch days). The table fixes each column's type, so
 * no type tags are written.
 */
final class RowCodec {

    private static final Row.Table[] TABLES = Row.Table.values();

    private byte[] buffer = new byte[8192];
    private int size;

    /** The rows as one payload. */
    static byte[] encode(List<Row> rows) {
        RowCodec codec = new RowCodec();
        codec.writeInt(rows.size());
        for (Row row : rows) {
            codec.writeByte(row.table().ordinal());
            for (int i = 0; i < row.values().length; i++) {
                codec.writeValue(row.table().type(i), row.values()[i]);
            }
        }
        return Arrays.copyOf(codec.buffer, codec.size);
    }

    /**
     * The rows of a payload written by {@link #encode}.
     *
     * @throws IllegalArgumentException when the payload is not one
     */
    static List<Row> decode(byte[] payload) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            int count = in.getInt();
            if (count < 0 || count > payload.length) {
                throw new IllegalArgumentException("a row count of " + count);
            }
            List<Row> rows = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                int table = in.get();
                if (table < 0 || table >= TABLES.length) {
                    throw new IllegalArgumentException("an unknown table " + table);
                }
                Row.Table t = TABLES[table];
                Object[] values = new Object[t.columnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = readValue(in, t.type(i));
                }
                rows.add(new Row(t, values));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last row");
            }
            return rows;
        } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("the payload ends inside a row", e);
        }
    }

    private void writeValue(int type, Object value) {
        if (value == null) {
            writeByte(0);
            return;
        }
        writeByte(1);
        switch (type) {
            case java.sql.Types.BIGINT -> writeLong((Long) value);
            case java.sql.Types.INTEGER -> writeInt((Integer) value);
            case java.sql.Types.BOOLEAN -> writeByte((Boolean) value ? 1 : 0);
            case java.sql.Types.DATE -> writeLong(((LocalDate) value).toEpochDay());
            case java.sql.Types.VARBINARY -> writeBytes((byte[]) value);
            default -> writeBytes(((String) value).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Object readValue(ByteBuffer in, int type) {
        if (in.get() == 0) {
            return null;
        }
        return switch (type) {
            case java.sql.Types.BIGINT -> in.getLong();
            case java.sql.Types.INTEGER -> in.getInt();
            case java.sql.Types.BOOLEAN -> in.get() != 0;
            case java.sql.Types.DATE -> LocalDate.ofEpochDay(in.getLong());
            case java.sql.Types.VARBINARY -> readBytes(in);
            default -> new String(readBytes(in), StandardCharsets.UTF_8);
        };
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a value of " + length + " bytes where " + in.remaining() + " remain");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    private void writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    private void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    private void writeBytes(byte[] bytes) {
        writeInt(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }
}
