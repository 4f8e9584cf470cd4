package org.coverageengine.domain.edit;

import java.util.List;
import java.util.Objects;

/**
 * The first PTP rows of one table that name a code (as column 1 or column 2) and how many rows name it in all, so a
 * page or a terminal shows a bounded list and still tells the truth about its length.
 */
public record PtpEditsNaming(String code, List<PtpEdit> rows, int total) {

    /** Requires the code and at least as many rows in all as shown. */
    public PtpEditsNaming {
        Objects.requireNonNull(code, "code");
        rows = List.copyOf(rows);
        if (total < rows.size()) {
            throw new IllegalArgumentException("the total " + total + " is below the " + rows.size() + " rows shown");
        }
    }

    /** None. */
    public static PtpEditsNaming none(String code) {
        return new PtpEditsNaming(code, List.of(), 0);
    }

    /** True when rows were left out. */
    public boolean truncated() {
        return rows.size() < total;
    }

    /** "column 1" when the code is the row's column-1 code (the row bundles the other code into it), else "column 2". */
    public String roleIn(PtpEdit row) {
        return row.column1().equals(code) ? "column 1" : "column 2";
    }
}
