package org.coverageengine.domain.edit;

/** The two kinds of NCCI edit tables. */
public enum EditKind {
    /** Procedure-to-procedure edits: pairs of codes not paid together. */
    PTP("PTP", "procedure-to-procedure"),
    /** Medically unlikely edits: the most units of a code on one date of service. */
    MUE("MUE", "medically unlikely edit");

    private final String label;
    private final String displayName;

    EditKind(String label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    /** The short name CMS uses, "PTP" or "MUE". */
    public String label() {
        return label;
    }

    /** A readable name. */
    public String displayName() {
        return displayName;
    }
}
