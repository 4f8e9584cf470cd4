package org.coverageengine.domain.policy;

import java.util.Locale;
import java.util.Objects;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.DateRange;

/**
 * A span of codes of one system listed in a group with its dates: a range {@code 63001-63048} (both ends included,
 * codes compared as text in normal form, so an ICD-10-CM range also holds the codes under its ends' subcategories) or a
 * prefix {@code C71*} (every code beginning with it).
 */
public record CodeRange(CodeSystem system, String first, String last, boolean prefix, DateRange dates) {

    /** Normalises the ends to upper case; the first end may not come after the last. */
    public CodeRange {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(dates, "dates");
        if (first == null || first.isBlank() || last == null || last.isBlank()) {
            throw new IllegalArgumentException("a code range needs both ends");
        }
        first = first.strip().toUpperCase(Locale.ROOT);
        last = last.strip().toUpperCase(Locale.ROOT);
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("the range " + first + "-" + last + " is empty: its first code comes after its last");
        }
    }

    /** A range of codes, both ends included. */
    public static CodeRange between(Code first, Code last, DateRange dates) {
        if (first.system() != last.system()) {
            throw new IllegalArgumentException("the range " + first + "-" + last + " mixes code systems");
        }
        return new CodeRange(first.system(), first.value(), last.value(), false, dates);
    }

    /** Every code of the system beginning with the prefix. */
    public static CodeRange startingWith(CodeSystem system, String prefix, DateRange dates) {
        return new CodeRange(system, prefix, prefix, true, dates);
    }

    /** True when the code is in the span (on any date). */
    public boolean matches(Code code) {
        if (code.system() != system) {
            return false;
        }
        String value = code.value();
        return prefix ? value.startsWith(first) : value.compareTo(first) >= 0 && value.compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        return prefix ? first + "*" : first + "-" + last;
    }
}
