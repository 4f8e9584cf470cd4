package org.coverageengine.domain.edit;

import java.util.Optional;

/** The PTP modifier indicator: whether an NCCI PTP-associated modifier may bypass the edit. */
public enum ModifierIndicator {
    /** 0: no modifier bypasses the edit. */
    NOT_ALLOWED('0', "0 (no modifier allowed)"),
    /** 1: an NCCI PTP-associated modifier, used appropriately, bypasses the edit. */
    ALLOWED('1', "1 (modifier allowed)"),
    /** 9: the edit is not applicable (deleted the day it took effect); it never applies. */
    NOT_APPLICABLE('9', "9 (not applicable)");

    private final char digit;
    private final String display;

    ModifierIndicator(char digit, String display) {
        this.digit = digit;
        this.display = display;
    }

    /** The digit of the CMS files. */
    public char digit() {
        return digit;
    }

    /** The indicator as shown in reasons, e.g. "0 (no modifier allowed)". */
    public String display() {
        return display;
    }

    /** The indicator of a CMS digit, or empty for any other text. */
    public static Optional<ModifierIndicator> of(String text) {
        for (ModifierIndicator indicator : values()) {
            if (text.length() == 1 && text.charAt(0) == indicator.digit) {
                return Optional.of(indicator);
            }
        }
        return Optional.empty();
    }
}
