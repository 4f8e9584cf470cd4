package org.coverageengine.domain.code;

import java.util.Locale;
import java.util.Objects;

/**
 * Catalog facts a source states for every code of a system beginning with a prefix (e.g. the HCPCS S-codes): RVU
 * facts and a billing note, applied to each matching catalog entry that states none of its own.
 */
public record CodePatternFacts(CodeSystem system, String prefix, RvuFacts rvu, String billingNote, String source) {

    /** Normalises the prefix to upper case; it may not be empty, and the pattern must state at least one fact. */
    public CodePatternFacts {
        Objects.requireNonNull(system, "system");
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("a code pattern needs a non-empty prefix");
        }
        prefix = prefix.strip().toUpperCase(Locale.ROOT);
        billingNote = billingNote == null || billingNote.isBlank() ? null : billingNote.strip();
        if (rvu == null && billingNote == null) {
            throw new IllegalArgumentException("a code pattern row states RVU facts or a billing note (" + system.displayName() + " "
                    + prefix + "* states neither)");
        }
    }

    /** True when the code belongs to the pattern. */
    public boolean matches(Code code) {
        return code.system() == system && code.value().startsWith(prefix);
    }
}
