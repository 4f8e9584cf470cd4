package org.coverageengine.domain.edit;

import java.util.Objects;
import java.util.Optional;

/** What the MUE tables say of a code on a date: no loaded quarter covers the date, or the quarter's edit (if any). */
public sealed interface MueLookup {

    /** No loaded MUE table of the programme and setting covers the date; no MUE applies. */
    record NoQuarter(String why) implements MueLookup {
        /** Requires the explanation. */
        public NoQuarter {
            Objects.requireNonNull(why, "why");
        }
    }

    /** The table in force on the date, and the code's edit in it (none when the table does not list the code). */
    record InQuarter(EditTableId table, Optional<MueEdit> edit) implements MueLookup {
        /** Requires both. */
        public InQuarter {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(edit, "edit");
        }
    }
}
