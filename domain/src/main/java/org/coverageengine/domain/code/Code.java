package org.coverageengine.domain.code;

import java.util.Locale;
import java.util.Objects;

/**
 * A well-formed code of one code system, in normal form (ICD-10-CM with its dot, letters upper case).
 * An invalid code cannot be constructed: the factories throw {@link InvalidCodeException} saying why.
 */
public record Code(CodeSystem system, String value) implements Comparable<Code> {

    // Formats (checked by hand below): CPT \d{5}, \d{4}F, \d{4}T and the category I codes \d{4}A (vaccine administration),
    // \d{4}M (multianalyte assays), \d{4}U (proprietary laboratory analyses) that NCCI tables list; HCPCS [A-Z]\d{4};
    // ICD-10-CM (dotted) [A-Z]\d[A-Z0-9](\.[A-Z0-9]{1,4})?

    /** Validates the normal form; use {@link #of} to parse text that may need normalising. */
    public Code {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(value, "value");
        String problem = formatProblem(system, value);
        if (problem != null) {
            throw new InvalidCodeException(value, problem);
        }
    }

    /** Parses and normalises text as a code of the given system (trims, upper-cases, adds the ICD-10-CM dot). */
    public static Code of(CodeSystem system, String text) {
        Objects.requireNonNull(system, "system");
        if (text == null || text.trim().isEmpty()) {
            throw new InvalidCodeException(text == null ? "" : text, "a " + system.displayName() + " code is required, but it is empty");
        }
        String trimmed = isNormal(text) ? text : text.trim().toUpperCase(Locale.ROOT);
        if (system == CodeSystem.ICD10CM) {
            return new Code(system, dottedIcd(trimmed));
        }
        return new Code(system, trimmed);
    }

    /** Parses a procedure code, telling CPT (digits first) from HCPCS Level II (letter first) by its shape. */
    public static Code procedure(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            // trim() also drops control characters, which isBlank() does not: a code of NUL bytes is empty (fuzzing finding).
            throw new InvalidCodeException(text == null ? "" : text, "a procedure code is required, but it is empty");
        }
        return Character.isLetter(trimmed.charAt(0)) ? of(CodeSystem.HCPCS, trimmed) : of(CodeSystem.CPT, trimmed);
    }

    /** Shorthand for a CPT code. */
    public static Code cpt(String text) {
        return of(CodeSystem.CPT, text);
    }

    /** Shorthand for a HCPCS Level II code. */
    public static Code hcpcs(String text) {
        return of(CodeSystem.HCPCS, text);
    }

    /** Shorthand for an ICD-10-CM code, with or without its dot. */
    public static Code icd10cm(String text) {
        return of(CodeSystem.ICD10CM, text);
    }

    /** The CPT category (I, II or III); only meaningful for CPT codes. */
    public CptCategory cptCategory() {
        if (system != CodeSystem.CPT) {
            throw new IllegalStateException(this + " is not a CPT code");
        }
        if (value.endsWith("F")) {
            return CptCategory.II;
        }
        return value.endsWith("T") ? CptCategory.III : CptCategory.I;
    }

    /** The code without punctuation, as CMS/CDC files write it (M48.061 becomes M48061). */
    public String compactValue() {
        return value.replace(".", "");
    }

    // Written out rather than generated: codes are compared in every hash look-up of a request's lines, and the
    // generated record methods go through a method-handle chain on each call. The hash is the generated one's formula.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Code code && system == code.system && value.equals(code.value);
    }

    @Override
    public int hashCode() {
        return 31 * system.hashCode() + value.hashCode();
    }

    @Override
    public int compareTo(Code other) {
        int bySystem = system.compareTo(other.system);
        return bySystem != 0 ? bySystem : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** True when the text has no lower-case letters and no surrounding spaces, so it needs no copy to normalise. */
    private static boolean isNormal(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) <= ' ' || text.charAt(n - 1) <= ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String dottedIcd(String text) {
        int dot = text.indexOf('.');
        if (dot == 3 && text.lastIndexOf('.') == 3 && text.length() > 4) {
            return text;
        }
        String compact = text.replace(".", "");
        if (text.indexOf('.') >= 0 && (text.indexOf('.') != 3 || text.indexOf('.') != text.lastIndexOf('.'))) {
            throw new InvalidCodeException(text, "an ICD-10-CM code has at most one dot, after its third character (e.g. M48.061)");
        }
        if (text.endsWith(".")) {
            throw new InvalidCodeException(text, "an ICD-10-CM code's dot must be followed by 1 to 4 letters or digits");
        }
        if (compact.length() <= 3) {
            return compact;
        }
        return compact.substring(0, 3) + "." + compact.substring(3);
    }

    // Hand-written checks equivalent to the patterns above: codes are parsed on every request line, where a regex
    // match costs several times more than these few character tests.
    private static boolean isCpt(String v) {
        if (v.length() != 5 || !digits(v, 0, 4)) {
            return false;
        }
        char last = v.charAt(4);
        return (last >= '0' && last <= '9') || last == 'F' || last == 'T' || last == 'A' || last == 'M' || last == 'U';
    }

    private static boolean isHcpcs(String v) {
        return v.length() == 5 && v.charAt(0) >= 'A' && v.charAt(0) <= 'Z' && digits(v, 1, 5);
    }

    private static boolean isIcd10cmDotted(String v) {
        int n = v.length();
        if (n < 3 || n == 4 || n > 8 || v.charAt(0) < 'A' || v.charAt(0) > 'Z' || !digits(v, 1, 2) || !alphanumeric(v, 2, 3)) {
            return false;
        }
        return n == 3 || v.charAt(3) == '.' && alphanumeric(v, 4, n);
    }

    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean alphanumeric(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static String formatProblem(CodeSystem system, String value) {
        switch (system) {
            case CPT:
                if (isCpt(value)) {
                    return null;
                }
                return "a CPT code is 5 digits (Category I, e.g. 95940), 4 digits followed by A, M or U (Category I, e.g. 0001U), or by F (Category II) or T (Category III, e.g. 0202T)";
            case HCPCS:
                if (isHcpcs(value)) {
                    return null;
                }
                return "a HCPCS Level II code is one letter followed by 4 digits (e.g. G0453, S9090)";
            case ICD10CM:
                if (isIcd10cmDotted(value)) {
                    return null;
                }
                if (value.length() > 8) {
                    return "an ICD-10-CM code has at most 7 characters";
                }
                return "an ICD-10-CM code is a letter, a digit, a letter or digit, then optionally up to 4 more letters or digits (e.g. M48.061, S12.100A)";
            default:
                throw new IllegalStateException("unknown system " + system);
        }
    }
}
