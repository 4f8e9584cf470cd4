package org.coverageengine.domain.record;

import java.util.Objects;

/** A business identifier as given in a request (system may be absent), e.g. a member id. */
public record Identifier(String system, String value) {

    /** An identifier needs a value. */
    public Identifier {
        Objects.requireNonNull(value, "value");
    }

    /** The FHIR token form, {@code system|value}, or the value alone when there is no system. */
    public String token() {
        return system == null ? value : system + "|" + value;
    }

    /** Parses {@code system|value} or {@code value} (a leading bar means "no system"). */
    public static Identifier parse(String token) {
        int bar = token.indexOf('|');
        if (bar < 0) {
            return new Identifier(null, token);
        }
        return new Identifier(bar == 0 ? null : token.substring(0, bar), token.substring(bar + 1));
    }

    /** True when this matches a search token: the values are equal and, when the token names a system, so are the systems. */
    public boolean matches(Identifier searched) {
        return value.equals(searched.value) && (searched.system == null || searched.system.equals(system));
    }
}
