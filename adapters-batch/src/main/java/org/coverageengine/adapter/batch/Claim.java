package org.coverageengine.adapter.batch;

import java.util.List;

/**
 * One claim of a batch: its lines in input order (evaluated together, like one request) and the records of it the
 * batch refused, which are reported and left out.
 */
public record Claim(String id, List<ClaimLine> lines, List<RecordError> errors) {

    /** Copies the lists. */
    public Claim {
        lines = List.copyOf(lines);
        errors = List.copyOf(errors);
    }

    /** The record number of the claim's first line (output order), or of its first error when no line was read. */
    public long firstRecord() {
        long line = lines.isEmpty() ? Long.MAX_VALUE : lines.get(0).record();
        long error = errors.isEmpty() ? Long.MAX_VALUE : errors.get(0).line();
        return Math.min(line, error);
    }
}
