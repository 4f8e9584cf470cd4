package org.coverageengine.adapter.batch;

import java.io.Serializable;

/** A record the batch could not answer: where it is (file, line, column or field) and why, in words. */
public record RecordError(String source, long line, String where, String claimId, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line for the errors file, e.g. {@code claims.csv:17: units: claim C-9: must be a whole number from 1 to 100000, was "0"}. */
    public String describe() {
        return source + ":" + line + ":" + (where == null || where.isEmpty() ? "" : " " + where + ":")
                + (claimId == null || claimId.isEmpty() ? "" : " claim " + claimId + ":") + " " + message;
    }
}
