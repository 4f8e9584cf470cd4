package org.coverageengine.domain.edit;

import java.util.Locale;
import java.util.Optional;

/** The programme whose National Correct Coding Initiative tables an edit table is: Medicare and Medicaid publish separate ones. */
public enum Programme {
    MEDICARE("medicare", "Medicare"),
    MEDICAID("medicaid", "Medicaid");

    private final String option;
    private final String displayName;

    Programme(String option, String displayName) {
        this.option = option;
        this.displayName = displayName;
    }

    /** The name used on the command line, e.g. "medicaid". */
    public String option() {
        return option;
    }

    /** A readable name. */
    public String displayName() {
        return displayName;
    }

    /** Finds a programme by its command-line name or constant name. */
    public static Optional<Programme> fromOption(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Programme programme : values()) {
            if (programme.option.equals(key)) {
                return Optional.of(programme);
            }
        }
        return Optional.empty();
    }
}
