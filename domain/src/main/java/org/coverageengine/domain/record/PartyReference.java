package org.coverageengine.domain.record;

/**
 * How a request pointed at a patient or a coverage: a literal reference (e.g. {@code Patient/123}), an identifier,
 * or both, exactly as given; either may be absent.
 */
public record PartyReference(String reference, Identifier identifier) {

    /** A reference with neither part, for a request that named nobody. */
    public static PartyReference none() {
        return new PartyReference(null, null);
    }
}
