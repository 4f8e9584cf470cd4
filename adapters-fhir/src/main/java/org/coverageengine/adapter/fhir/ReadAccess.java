package org.coverageengine.adapter.fhir;

/** Who may read and search the determination record and the audit trail over FHIR. */
public enum ReadAccess {
    /** A token filter in front of the endpoint checks each read's scopes, so the endpoint lets every request it passes through. */
    TOKENS,
    /** No token is checked, so reads are answered only to clients connecting from a loopback address (the default without auth). */
    LOOPBACK_ONLY,
    /** No token is checked and anyone who reaches the port may read the record ({@code serve --allow-open-read}). */
    OPEN
}
