package org.coverageengine.domain.edit;

import java.util.Objects;

/** A PTP edit found for a pair of codes, with the table it was found in (for the citation). */
public record PtpMatch(EditTableId table, PtpEdit edit) {

    /** Requires both. */
    public PtpMatch {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(edit, "edit");
    }
}
