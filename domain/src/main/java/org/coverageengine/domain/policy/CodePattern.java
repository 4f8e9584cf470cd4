package org.coverageengine.domain.policy;

import java.util.Locale;
import java.util.Objects;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;

/** A pattern group member: every code of a system beginning with a prefix (e.g. HCPCS "S"). */
public record CodePattern(CodeSystem system, String prefix) {

    /** Normalises the prefix to upper case; it may not be empty. */
    public CodePattern {
        Objects.requireNonNull(system, "system");
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("a code pattern needs a non-empty prefix");
        }
        prefix = prefix.trim().toUpperCase(Locale.ROOT);
    }

    /** True when the code belongs to the pattern. */
    public boolean matches(Code code) {
        return code.system() == system && code.value().startsWith(prefix);
    }

    @Override
    public String toString() {
        return system.displayName() + " codes beginning with " + prefix;
    }
}
