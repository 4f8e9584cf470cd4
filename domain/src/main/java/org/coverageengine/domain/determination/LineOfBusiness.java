package org.coverageengine.domain.determination;

import java.util.Locale;
import java.util.Optional;

/** The kind of plan paying for the service; policies govern some lines of business and not others. */
public enum LineOfBusiness {
    COMMERCIAL("commercial", "Commercial"),
    MEDICARE("medicare", "Medicare (original)"),
    MEDICARE_ADVANTAGE("medicare-advantage", "Medicare Advantage"),
    MEDICAID("medicaid", "Medicaid"),
    WORKERS_COMPENSATION("workers-comp", "Workers' compensation"),
    AUTO("auto", "Auto insurance"),
    SELF_PAY("self-pay", "Self-pay");

    private final String code;
    private final String displayName;

    LineOfBusiness(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The short code used on the command line and in packs, e.g. "workers-comp". */
    public String code() {
        return code;
    }

    /** A readable name. */
    public String displayName() {
        return displayName;
    }

    /** Parses "workers-comp", "WORKERS_COMPENSATION", "Medicare Advantage" and similar spellings. */
    public static Optional<LineOfBusiness> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (LineOfBusiness lob : values()) {
            if (lob.code.equals(key) || lob.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(key)) {
                return Optional.of(lob);
            }
        }
        switch (key) {
            case "workers-compensation":
            case "wc":
                return Optional.of(WORKERS_COMPENSATION);
            case "ma":
                return Optional.of(MEDICARE_ADVANTAGE);
            case "selfpay":
                return Optional.of(SELF_PAY);
            default:
                return Optional.empty();
        }
    }
}
