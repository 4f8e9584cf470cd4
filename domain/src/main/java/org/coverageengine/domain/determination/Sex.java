package org.coverageengine.domain.determination;

import java.util.Locale;
import java.util.Optional;

/** The patient's administrative sex as a policy condition reads it (FHIR {@code Patient.gender} male, female, other). */
public enum Sex {
    FEMALE("female"),
    MALE("male"),
    OTHER("other");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    /** The FHIR administrative-gender code. */
    public String code() {
        return code;
    }

    /** Reads f/female, m/male or other (any case); "unknown" and anything else is empty: the fact is missing. */
    public static Optional<Sex> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "f", "female" -> Optional.of(FEMALE);
            case "m", "male" -> Optional.of(MALE);
            case "other" -> Optional.of(OTHER);
            default -> Optional.empty();
        };
    }
}
