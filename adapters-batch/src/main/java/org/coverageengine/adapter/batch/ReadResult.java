package org.coverageengine.adapter.batch;

/** What a reader gives for one input record: a claim line, or the error that keeps it out of the run. */
public record ReadResult(ClaimLine line, RecordError error) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** A line read. */
    public static ReadResult of(ClaimLine line) {
        return new ReadResult(line, null);
    }

    /** A record refused. */
    public static ReadResult failed(RecordError error) {
        return new ReadResult(null, error);
    }

    /** True when the record was read into a line. */
    public boolean ok() {
        return line != null;
    }
}
