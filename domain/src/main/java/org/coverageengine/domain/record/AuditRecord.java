package org.coverageengine.domain.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One audited interaction, in the shape of an R4 AuditEvent: type (always the REST interaction type), subtype (the
 * interaction, e.g. {@code operation}, {@code read}, {@code search-type}), action (C, R, U, D or E), when it was
 * recorded, who asked (absent when authentication is off), the observer (this server), the outcome, the
 * determination it concerns (absent when none was made), what was asked (method, path and query) and the HTTP status.
 */
public record AuditRecord(String id, String type, String subtype, String action, Instant recorded, ClientIdentity requestor,
        String observer, AuditOutcome outcome, String determinationId, String query, int httpStatus) {

    /** The AuditEvent.type every record carries: a RESTful operation (DICOM audit event type "rest"). */
    public static final String REST = "rest";

    /** Checks what every audit record must have. */
    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
        Objects.requireNonNull(action, "action");
        // Databases keep microseconds; truncating here makes what is read back equal what was kept.
        recorded = Objects.requireNonNull(recorded, "recorded").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(query, "query");
    }

    /** Who asked, when authentication was on. */
    public Optional<ClientIdentity> requestorIdentity() {
        return Optional.ofNullable(requestor);
    }

    /** The determination this interaction made or read, if any. */
    public Optional<String> determination() {
        return Optional.ofNullable(determinationId);
    }
}
