package org.coverageengine.domain.edit;

import java.util.Optional;

/** The MUE adjudication indicator: whether the value limits each claim line or the whole date of service. */
public enum MueAdjudication {
    /** 1: a claim line edit; each line's units are compared with the value. */
    LINE('1', "1 Line Edit"),
    /** 2: a date-of-service edit set by policy; the units of every line of the code on the date are summed. */
    DATE_OF_SERVICE_POLICY('2', "2 Date of Service Edit: Policy"),
    /** 3: a date-of-service edit set on clinical grounds; the units of every line of the code on the date are summed. */
    DATE_OF_SERVICE_CLINICAL('3', "3 Date of Service Edit: Clinical");

    private final char digit;
    private final String display;

    MueAdjudication(char digit, String display) {
        this.digit = digit;
        this.display = display;
    }

    /** The indicator as CMS writes it, e.g. "2 Date of Service Edit: Policy". */
    public String display() {
        return display;
    }

    /** True when the units of every line of the code on the date of service are summed. */
    public boolean summedOverLines() {
        return this != LINE;
    }

    /** Reads "1", "2 Date of Service Edit: Policy" and the like (the leading digit decides), or empty. */
    public static Optional<MueAdjudication> of(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || (trimmed.length() > 1 && Character.isDigit(trimmed.charAt(1)))) {
            return Optional.empty();
        }
        for (MueAdjudication indicator : values()) {
            if (trimmed.charAt(0) == indicator.digit) {
                return Optional.of(indicator);
            }
        }
        return Optional.empty();
    }
}
