package org.coverageengine.domain.edit;

import java.util.Locale;
import java.util.Optional;

/** The claim setting an NCCI table is published for: practitioner services, outpatient hospital services or DME suppliers. */
public enum EditSetting {
    PRACTITIONER("practitioner", "practitioner"),
    OUTPATIENT_HOSPITAL("outpatient-hospital", "outpatient hospital"),
    DME("dme", "DME supplier");

    private final String option;
    private final String displayName;

    EditSetting(String option, String displayName) {
        this.option = option;
        this.displayName = displayName;
    }

    /** The name used on the command line, e.g. "outpatient-hospital". */
    public String option() {
        return option;
    }

    /** A readable name. */
    public String displayName() {
        return displayName;
    }

    /** Finds a setting by its command-line name ("outpatient-hospital", "OUTPATIENT_HOSPITAL", "hospital"). */
    public static Optional<EditSetting> fromOption(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (EditSetting setting : values()) {
            if (setting.option.equals(key)) {
                return Optional.of(setting);
            }
        }
        return key.equals("hospital") ? Optional.of(OUTPATIENT_HOSPITAL) : Optional.empty();
    }
}
