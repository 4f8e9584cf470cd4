package org.coverageengine.adapter.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes one determination per line as a JSON object keyed by {@link DeterminationRow#COLUMNS}. */
final class NdjsonRowWriter implements RowWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonGenerator json;

    NdjsonRowWriter(OutputStream out) {
        try {
            json = JSON.createGenerator(new BufferedOutputStream(out, 1 << 16));
            json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(DeterminationRow row) {
        try {
            json.writeStartObject();
            json.writeStringField("claim_id", row.claimId());
            json.writeNumberField("line", row.line());
            json.writeStringField("date_of_service", row.dateOfService());
            json.writeStringField("line_of_business", row.lineOfBusiness());
            json.writeStringField("code", row.code());
            json.writeStringField("outcome", row.outcome());
            json.writeNumberField("requested_units", row.requestedUnits());
            if (row.allowedUnits() == null) {
                json.writeNullField("allowed_units");
            } else {
                json.writeNumberField("allowed_units", row.allowedUnits());
            }
            json.writeBooleanField("prior_authorization", row.priorAuthorization());
            array("criteria", row.criteria());
            array("citations", row.citations());
            json.writeStringField("reasons", row.reasons());
            array("notices", row.notices());
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void array(String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
