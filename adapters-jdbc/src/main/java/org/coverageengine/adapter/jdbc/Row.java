package org.coverageengine.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/**
 * One row for one of the record's tables, as plain values (String, Long, Integer, Boolean, LocalDate, byte[] or
 * null) in column order: what is journaled, replayed and inserted.
 */
record Row(Table table, Object[] values) {

    /** The record's tables: their insert statement and, per column, its SQL type and width (0 = unbounded). */
    enum Table {
        DETERMINATION("INSERT INTO determination (id, created_us, client_id, client_subject, patient_ref, patient_id_system, "
                + "patient_id_value, coverages, request_ref, date_of_service, line_of_business, policy_versions, knowledge_version, "
                + "took_ns, processing_outcome, media_type, response) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id", "created_us", "client_id", "client_subject", "patient_ref", "patient_id_system", "patient_id_value",
                    "coverages", "request_ref", "date_of_service", "line_of_business", "policy_versions", "knowledge_version", "took_ns",
                    "processing_outcome", "media_type", "response"},
                new int[] {Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                    Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
                    Types.VARCHAR, Types.VARBINARY},
                new int[] {64, 0, 512, 512, 1024, 1024, 1024, 100_000, 1024, 0, 32, 100_000, 1024, 0, 16, 256, 0}),
        LINE("INSERT INTO determination_line (determination_id, pos, sequence_number, code_system, code, modifiers, units, diagnoses, "
                + "outcome, reasons, citations, prior_auth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"determination_id", "pos", "sequence_number", "code_system", "code", "modifiers", "units", "diagnoses",
                    "outcome", "reasons", "citations", "prior_auth"},
                new int[] {Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
                    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN},
                new int[] {64, 0, 0, 64, 256, 100_000, 0, 100_000, 32, 1_000_000, 1_000_000, 0}),
        AUDIT("INSERT INTO audit_event (id, event_type, subtype, action, recorded_us, client_id, client_subject, observer, outcome, "
                + "determination_id, query, http_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id", "event_type", "subtype", "action", "recorded_us", "client_id", "client_subject", "observer", "outcome",
                    "determination_id", "query", "http_status"},
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
                    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER},
                new int[] {64, 64, 64, 8, 0, 512, 512, 512, 4, 64, 100_000, 0});

        private final String insert;
        private final String[] columns;
        private final int[] types;
        private final int[] widths;

        Table(String insert, String[] columns, int[] types, int[] widths) {
            this.insert = insert;
            this.columns = columns;
            this.types = types;
            this.widths = widths;
        }

        String insert() {
            return insert;
        }

        int columnCount() {
            return types.length;
        }

        int type(int column) {
            return types[column];
        }
    }

    /**
     * A row of the table with these values, checked against the column widths now, so that a record that the
     * database would refuse is refused before anything is journaled or answered.
     */
    static Row of(Table table, Object... values) {
        if (values.length != table.columnCount()) {
            throw new IllegalArgumentException(table + " has " + table.columnCount() + " columns, not " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String text && table.widths[i] > 0 && text.length() > table.widths[i]) {
                throw new IllegalStateException("the record could not be written: " + table.columns[i] + " is longer than "
                        + table.widths[i] + " characters");
            }
        }
        return new Row(table, values);
    }

    /** Binds this row's values to the table's insert statement. */
    void bind(PreparedStatement s) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            int column = i + 1;
            if (value == null) {
                s.setNull(column, table.types[i]);
            } else if (value instanceof String text) {
                s.setString(column, text);
            } else if (value instanceof Long number) {
                s.setLong(column, number);
            } else if (value instanceof Integer number) {
                s.setInt(column, number);
            } else if (value instanceof Boolean flag) {
                s.setBoolean(column, flag);
            } else if (value instanceof LocalDate date) {
                s.setObject(column, date);
            } else {
                s.setBytes(column, (byte[]) value);
            }
        }
    }
}
