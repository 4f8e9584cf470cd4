package org.coverageengine.adapter.batch;

/** A malformed value in one record: the field (CSV column or FHIR element path) and the reason. */
public final class RecordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** A problem with the named field. */
    public RecordException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The CSV column or FHIR element path at fault. */
    public String field() {
        return field;
    }
}
