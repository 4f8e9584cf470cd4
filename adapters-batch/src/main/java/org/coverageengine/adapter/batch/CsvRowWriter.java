package org.coverageengine.adapter.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes determinations as CSV with a header of the detail's columns; lists are joined with '|'. */
final class CsvRowWriter implements RowWriter {

    private final CSVPrinter csv;
    private final boolean explains;

    CsvRowWriter(OutputStream out, OutputDetail detail) {
        explains = detail.explains();
        try {
            csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                    CSVFormat.RFC4180.builder().setHeader(detail.columns().toArray(String[]::new)).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(DeterminationRow row) {
        try {
            if (!explains) {
                csv.printRecord(row.claimId(), row.line(), row.dateOfService(), row.lineOfBusiness(), row.code(), row.outcome(),
                        row.requestedUnits(), row.allowedUnits() == null ? "" : row.allowedUnits(), row.priorAuthorization(),
                        String.join("|", row.criteria()), String.join("|", row.citations()), String.join("|", row.notices()));
                return;
            }
            csv.printRecord(row.claimId(), row.line(), row.dateOfService(), row.lineOfBusiness(), row.code(), row.outcome(),
                    row.requestedUnits(), row.allowedUnits() == null ? "" : row.allowedUnits(), row.priorAuthorization(),
                    String.join("|", row.criteria()), String.join("|", row.citations()), row.reasons(), String.join("|", row.notices()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            csv.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
