package org.coverageengine.domain.port.in;

import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.RecordUnavailableException;
import org.coverageengine.domain.record.RecordedDetermination;

/**
 * Use case: keep every answer before it is sent, and every interaction in the audit trail. When recording is off,
 * answers still get ids but nothing is kept.
 */
public interface RecordDeterminations {

    /** A new record id (a time-ordered UUID, version 7: see TimeOrderedIds), also the answer's coverage-assertion id; given whether or not recording is on. */
    String newId();

    /** True when answers are kept (the store is not "none"). */
    boolean recording();

    /**
     * Keeps the determination and returns once it is committed; the answer may be sent only then.
     *
     * @throws RecordUnavailableException when it cannot be kept now (the answer must then not be sent)
     */
    void keep(RecordedDetermination determination);

    /**
     * Keeps the determination and the audit record of the request that made it, in one commit; the answer may be sent
     * once this returns.
     *
     * @throws RecordUnavailableException when they cannot be kept now (the answer must then not be sent)
     */
    void keep(RecordedDetermination determination, AuditRecord audit);

    /** Keeps an audit record and returns once it is committed (does nothing when recording is off). */
    void audit(AuditRecord audit);

    /**
     * Hands an audit record over without waiting for its commit, for requests refused because the server is too busy
     * (they carry no answer). False when recording is off or the record could not take it.
     */
    boolean auditWithoutWaiting(AuditRecord audit);

    /** Where answers are kept, for people. */
    String describe();
}
