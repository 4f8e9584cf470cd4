package org.coverageengine.adapter.csv;

import java.util.Locale;

/** How CPT and HCPCS descriptions mark an add-on code: "(List separately in addition to code for primary procedure)". */
final class AddOnWording {

    private static final String MARKER = "list separately in addition to";

    private AddOnWording() {
    }

    /** True when the description carries the add-on wording, in any letter case. */
    static boolean marks(String description) {
        return description != null && description.toLowerCase(Locale.ROOT).contains(MARKER);
    }
}
