package org.coverageengine.adapter.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read with RFC 4180 rules (quoted fields, CRLF or LF), its header checked against the expected
 * columns, every row keeping the line it starts on so that errors can say line and column.
 */
final class CsvTable {

    private final List<Row> rows;

    private CsvTable(List<Row> rows) {
        this.rows = rows;
    }

    /** Parses the text; the header must hold every required column (others are allowed and ignored). */
    static CsvTable parse(String file, String text, List<String> requiredColumns) {
        return parse(file, text, requiredColumns, 0, false);
    }

    /**
     * Parses the text after skipping leading title lines. CMS files whose header is split over several lines
     * repeat names in the last one: with {@code firstOfDuplicates} a repeated name means its first column.
     */
    static CsvTable parse(String file, String text, List<String> requiredColumns, int skipLines, boolean firstOfDuplicates) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get();
        int lineOffset = 0;
        String body = text;
        for (int i = 0; i < skipLines; i++) {
            int newline = body.indexOf('\n');
            if (newline < 0) {
                throw new ImportException(file, i + 1, 0, "truncated file: expected a header after " + skipLines + " title lines");
            }
            body = body.substring(newline + 1);
            lineOffset++;
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!hasNext(file, records, parser, lineOffset)) {
                throw new ImportException(file, 0, 0, "the file is empty: expected a header row");
            }
            CSVRecord header = next(file, records, parser, lineOffset);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (columns.putIfAbsent(name, i) != null && !firstOfDuplicates) {
                    throw new ImportException(file, lineOffset + 1, i + 1, "wrong header: column '" + Quoted.prefix(name) + "' appears twice");
                }
            }
            for (String required : requiredColumns) {
                if (!columns.containsKey(required)) {
                    throw new ImportException(file, lineOffset + 1, 0, "wrong header: missing column '" + required
                            + "' (expected columns: " + String.join(",", requiredColumns) + "; found: "
                            + Quoted.prefix(String.join(",", header.toList())) + ")");
                }
            }
            List<Row> rows = new ArrayList<>();
            while (true) {
                long before = parser.getCurrentLineNumber();
                if (!hasNext(file, records, parser, lineOffset)) {
                    break;
                }
                CSVRecord record = next(file, records, parser, lineOffset);
                int line = lineOffset + (int) before + 1;
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new ImportException(file, line, Math.min(record.size(), header.size()) + 1,
                            "expected " + header.size() + " fields as in the header, found " + record.size());
                }
                rows.add(new Row(file, line, record, columns));
            }
            return new CsvTable(rows);
        } catch (IOException e) {
            throw new ImportException(file, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static boolean hasNext(String file, Iterator<CSVRecord> records, CSVParser parser, int offset) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(file, parser, offset, e);
        }
    }

    private static CSVRecord next(String file, Iterator<CSVRecord> records, CSVParser parser, int offset) {
        try {
            return records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(file, parser, offset, e);
        }
    }

    private static ImportException malformed(String file, CSVParser parser, int offset, RuntimeException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return new ImportException(file, offset + (int) parser.getCurrentLineNumber(), 0, "malformed CSV (check the quotes): " + message);
    }

    List<Row> rows() {
        return rows;
    }

    /** One data row. */
    static final class Row {
        private final String file;
        private final int line;
        private final CSVRecord record;
        private final Map<String, Integer> columns;

        Row(String file, int line, CSVRecord record, Map<String, Integer> columns) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.columns = columns;
        }

        int line() {
            return line;
        }

        String file() {
            return file;
        }

        /** The trimmed value of the column, or "" when the column is absent from this file. */
        String get(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : record.get(index).strip();
        }

        /** How many fields the row has. */
        int size() {
            return record.size();
        }

        /** The trimmed value of the field at the 0-based position, for layouts whose header names vary between files. */
        String at(int index) {
            return record.get(index).strip();
        }

        /** The error for the field at the 0-based position. */
        ImportException errorAt(int index, String reason) {
            return new ImportException(file, line, index + 1, reason);
        }

        /** The 1-based column number of the column. */
        int column(String column) {
            Integer index = columns.get(column);
            return index == null ? 0 : index + 1;
        }

        ImportException error(String column, String reason) {
            return new ImportException(file, line, column(column), reason);
        }
    }
}
