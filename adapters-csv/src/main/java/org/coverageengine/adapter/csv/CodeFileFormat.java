package org.coverageengine.adapter.csv;

import java.util.Locale;
import java.util.Optional;

/** The official code files the engine imports. */
public enum CodeFileFormat {
    /** CDC ICD-10-CM order file (fixed width, billable flag; header rows flagged 0). */
    ICD10CM_ORDER("icd10cm-order", "CDC ICD-10-CM order file (fixed width)"),
    /** CDC ICD-10-CM codes file (code, then description). */
    ICD10CM_CODES("icd10cm-codes", "CDC ICD-10-CM codes file (fixed width)"),
    /** CDC ICD-10-CM addenda (Add/Delete/Revise lines), in the order or the codes layout. */
    ICD10CM_ADDENDA("icd10cm-addenda", "CDC ICD-10-CM addenda (order or codes layout)"),
    /** CMS HCPCS Level II quarterly file, as CSV. */
    HCPCS_CSV("hcpcs", "CMS HCPCS Level II file (CSV)"),
    /** CMS physician fee schedule relative value file (PPRRVU), as CSV. */
    PFS_RVU_CSV("rvu", "CMS physician fee schedule RVU file (CSV)"),
    /** CMS NCCI procedure-to-procedure edit file (tab-separated text of the quarterly zips). */
    NCCI_PTP("ncci-ptp", "CMS NCCI PTP edit file (tab-separated)"),
    /** CMS NCCI medically unlikely edit file, as CSV. */
    NCCI_MUE("ncci-mue", "CMS NCCI MUE file (CSV)");

    private final String option;
    private final String description;

    CodeFileFormat(String option, String description) {
        this.option = option;
        this.description = description;
    }

    /** The name used on the command line (--format). */
    public String option() {
        return option;
    }

    /** A readable description. */
    public String description() {
        return description;
    }

    /** Finds a format by its command-line name. */
    public static Optional<CodeFileFormat> fromOption(String name) {
        for (CodeFileFormat format : values()) {
            if (format.option.equalsIgnoreCase(name) || format.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** True for the NCCI edit tables, which hold edits rather than code entries and are Latin-1 text. */
    public boolean editTable() {
        return this == NCCI_PTP || this == NCCI_MUE;
    }

    /** The parser of this layout for the named file (code files only; edit tables are read by their own readers). */
    CodeFileLayout<?> layout(String fileName) {
        return switch (this) {
            case ICD10CM_ORDER -> new CdcIcd10OrderFile(fileName);
            case ICD10CM_CODES -> new CdcIcd10CodesFile(fileName);
            case ICD10CM_ADDENDA -> new CdcIcd10AddendaFile(fileName);
            case HCPCS_CSV -> new CmsHcpcsFile(fileName);
            case PFS_RVU_CSV -> new CmsRvuFile(fileName);
            case NCCI_PTP, NCCI_MUE -> throw new ImportException(fileName, 0, 0, description + " is an edit table, not a code file");
        };
    }

    /** Tells an NCCI edit table from the first lines of a file (read as Latin-1), or empty when it is not one. */
    static Optional<CodeFileFormat> detectEditTable(String head) {
        if (head.contains("\n" + CmsNcciPtpFile.HEADER_START) || head.startsWith(CmsNcciPtpFile.HEADER_START)) {
            return Optional.of(NCCI_PTP);
        }
        if (head.contains(CmsNcciMueFile.HEADER_MARK)) {
            return Optional.of(NCCI_MUE);
        }
        return Optional.empty();
    }

    /** Tells the format from the first lines of a file, or empty when they match none. */
    static Optional<CodeFileFormat> detect(String head) {
        String first = head.lines().findFirst().orElse("");
        if (first.matches("\\d{5} [A-Z0-9]{3,7}\\s+[01] .*")) {
            return Optional.of(ICD10CM_ORDER);
        }
        if (first.matches("(Add|Delete|Revise from|Revise to):\\s+.*")) {
            return Optional.of(ICD10CM_ADDENDA);
        }
        if (first.matches("[A-Z][0-9][A-Z0-9]{1,5}\\s+\\S.*")) {
            return Optional.of(ICD10CM_CODES);
        }
        if (first.toUpperCase(Locale.ROOT).startsWith("HCPC,")) {
            return Optional.of(HCPCS_CSV);
        }
        if (head.contains(CmsRvuFile.HEADER_START)) {
            return Optional.of(PFS_RVU_CSV);
        }
        return Optional.empty();
    }
}
