package org.coverageengine.domain.record;

import java.time.Instant;

/**
 * A search over audit records; every criterion given must match (absent ones match all). {@code recordedFrom} is
 * inclusive and {@code recordedBefore} exclusive; results are ordered newest first, then by id, and paged.
 */
public record AuditQuery(String determinationId, String clientId, String subtype, AuditOutcome outcome, Instant recordedFrom,
        Instant recordedBefore, int offset, int limit) {

    /** Checks the paging bounds. */
    public AuditQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 0 || limit > DeterminationQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + DeterminationQuery.MAX_LIMIT + ", was " + limit);
        }
    }

    /** A query matching every audit record, first page of the given size. */
    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, null, null, 0, limit);
    }

    /** Only those about this determination. */
    public AuditQuery withDetermination(String id) {
        return new AuditQuery(id, clientId, subtype, outcome, recordedFrom, recordedBefore, offset, limit);
    }

    /** Only those requested by this client id. */
    public AuditQuery withClient(String client) {
        return new AuditQuery(determinationId, client, subtype, outcome, recordedFrom, recordedBefore, offset, limit);
    }

    /** Only those of this interaction. */
    public AuditQuery withSubtype(String interaction) {
        return new AuditQuery(determinationId, clientId, interaction, outcome, recordedFrom, recordedBefore, offset, limit);
    }

    /** Only those with this outcome. */
    public AuditQuery withOutcome(AuditOutcome auditOutcome) {
        return new AuditQuery(determinationId, clientId, subtype, auditOutcome, recordedFrom, recordedBefore, offset, limit);
    }

    /** Only those recorded in [from, before); either end may be null (open). */
    public AuditQuery recordedBetween(Instant from, Instant before) {
        return new AuditQuery(determinationId, clientId, subtype, outcome, from, before, offset, limit);
    }

    /** The same criteria, another page. */
    public AuditQuery page(int pageOffset, int pageLimit) {
        return new AuditQuery(determinationId, clientId, subtype, outcome, recordedFrom, recordedBefore, pageOffset, pageLimit);
    }

    /** True when the record matches every criterion given (the paging is not part of matching). */
    public boolean matches(AuditRecord record) {
        return (determinationId == null || determinationId.equals(record.determinationId()))
                && (clientId == null || record.requestor() != null && clientId.equals(record.requestor().clientId()))
                && (subtype == null || subtype.equals(record.subtype()))
                && (outcome == null || outcome == record.outcome())
                && (recordedFrom == null || !record.recorded().isBefore(recordedFrom))
                && (recordedBefore == null || record.recorded().isBefore(recordedBefore));
    }
}
