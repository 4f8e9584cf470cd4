package org.coverageengine.domain.record;

import java.time.Instant;
import org.coverageengine.domain.determination.Outcome;

/**
 * A search over recorded determinations; every criterion given must match (absent ones match all). {@code createdFrom}
 * is inclusive and {@code createdBefore} exclusive; results are ordered newest first, then by id, and paged by offset
 * and limit.
 */
public record DeterminationQuery(String patientReference, Identifier patientIdentifier, Instant createdFrom,
        Instant createdBefore, String requestReference, ProcessingOutcome processingOutcome, Outcome lineOutcome,
        String itemCode, int offset, int limit) {

    /** The most results one page may hold. */
    public static final int MAX_LIMIT = 1000;

    /** Checks the paging bounds. */
    public DeterminationQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** A query matching everything, first page of the given size. */
    public static DeterminationQuery all(int limit) {
        return new DeterminationQuery(null, null, null, null, null, null, null, null, 0, limit);
    }

    /** Only those whose patient was given as this literal reference. */
    public DeterminationQuery withPatientReference(String reference) {
        return new DeterminationQuery(reference, patientIdentifier, createdFrom, createdBefore, requestReference, processingOutcome, lineOutcome, itemCode, offset, limit);
    }

    /** Only those whose patient was given with this identifier (a query without system matches any system). */
    public DeterminationQuery withPatientIdentifier(Identifier identifier) {
        return new DeterminationQuery(patientReference, identifier, createdFrom, createdBefore, requestReference, processingOutcome, lineOutcome, itemCode, offset, limit);
    }

    /** Only those created in [from, before); either end may be null (open). */
    public DeterminationQuery createdBetween(Instant from, Instant before) {
        return new DeterminationQuery(patientReference, patientIdentifier, from, before, requestReference, processingOutcome, lineOutcome, itemCode, offset, limit);
    }

    /** Only those answering the request given as this reference. */
    public DeterminationQuery withRequestReference(String reference) {
        return new DeterminationQuery(patientReference, patientIdentifier, createdFrom, createdBefore, reference, processingOutcome, lineOutcome, itemCode, offset, limit);
    }

    /** Only those with this processing outcome. */
    public DeterminationQuery withProcessingOutcome(ProcessingOutcome outcome) {
        return new DeterminationQuery(patientReference, patientIdentifier, createdFrom, createdBefore, requestReference, outcome, lineOutcome, itemCode, offset, limit);
    }

    /** Only those with at least one line of this outcome. */
    public DeterminationQuery withLineOutcome(Outcome outcome) {
        return new DeterminationQuery(patientReference, patientIdentifier, createdFrom, createdBefore, requestReference, processingOutcome, outcome, itemCode, offset, limit);
    }

    /** Only those with at least one line for this code (as asked, any system). */
    public DeterminationQuery withItemCode(String code) {
        return new DeterminationQuery(patientReference, patientIdentifier, createdFrom, createdBefore, requestReference, processingOutcome, lineOutcome, code, offset, limit);
    }

    /** The same criteria, another page. */
    public DeterminationQuery page(int pageOffset, int pageLimit) {
        return new DeterminationQuery(patientReference, patientIdentifier, createdFrom, createdBefore, requestReference, processingOutcome, lineOutcome, itemCode, pageOffset, pageLimit);
    }

    /** True when the record matches every criterion given (the paging is not part of matching). */
    public boolean matches(RecordedDetermination record) {
        Instant created = record.created();
        return (patientReference == null || patientReference.equals(record.patient().reference()))
                && (patientIdentifier == null || record.patient().identifier() != null && record.patient().identifier().matches(patientIdentifier))
                && (createdFrom == null || !created.isBefore(createdFrom))
                && (createdBefore == null || created.isBefore(createdBefore))
                && (requestReference == null || requestReference.equals(record.requestReference()))
                && (processingOutcome == null || processingOutcome == record.processingOutcome())
                && (lineOutcome == null || record.lines().stream().anyMatch(l -> l.outcome() == lineOutcome))
                && (itemCode == null || record.lines().stream().anyMatch(l -> l.code().equals(itemCode)));
    }
}
