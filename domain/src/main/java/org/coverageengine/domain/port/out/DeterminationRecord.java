package org.coverageengine.domain.port.out;

import java.time.Instant;
import java.util.Optional;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.DeterminationQuery;
import org.coverageengine.domain.record.DeterminationReport;
import org.coverageengine.domain.record.Page;
import org.coverageengine.domain.record.RecordUnavailableException;
import org.coverageengine.domain.record.RecordedDetermination;

/**
 * Where every answer and every audited interaction is kept: durably (a kept record survives a crash of the process
 * the moment {@code keep} returns), readable by id, searchable with paging, reportable for a period, and pruned by age.
 * Every method may throw {@link RecordUnavailableException} when the store cannot be reached; none waits unboundedly.
 */
public interface DeterminationRecord extends AutoCloseable {

    /**
     * Keeps the determination; on return it survives a killed process and every later read finds it. Keeping an id
     * already kept fails with IllegalArgumentException.
     */
    void keep(RecordedDetermination determination);

    /**
     * Keeps the determination and the audit record of the interaction that made it, as {@link #keep(RecordedDetermination)}
     * does; a store that can writes both in one go.
     */
    default void keep(RecordedDetermination determination, AuditRecord audit) {
        keep(determination);
        keepAudit(audit);
    }

    /** The determination with this id, as kept. */
    Optional<RecordedDetermination> read(String id);

    /** The determinations matching the query, newest first then by id, one page, with the total matching. */
    Page<RecordedDetermination> search(DeterminationQuery query);

    /** Keeps an audit record; on return it survives a killed process and every later read finds it. */
    void keepAudit(AuditRecord audit);

    /**
     * Hands an audit record over to be kept with a coming commit, without waiting for it: for refusals made because the
     * server is too busy, which carry no answer and must not add waiting threads. False when it could not be taken
     * (store unreachable, or too much already waiting); the refusal is then not audited.
     */
    default boolean keepAuditWithoutWaiting(AuditRecord audit) {
        try {
            keepAudit(audit);
            return true;
        } catch (RecordUnavailableException e) {
            return false;
        }
    }

    /** The audit record with this id, as kept. */
    Optional<AuditRecord> readAudit(String id);

    /** The audit records matching the query, newest first then by id, one page, with the total matching. */
    Page<AuditRecord> searchAudit(AuditQuery query);

    /** Counts of what was answered in [from, before), computed with {@link org.coverageengine.domain.record.ReportTally}. */
    DeterminationReport report(Instant from, Instant before);

    /** Deletes determinations and audit records created before the instant; returns how many determinations went. */
    long deleteBefore(Instant cutoff);

    /** Where the records live, for people (a folder, a database URL without credentials, "memory"). */
    String describe();

    /** Releases connections and threads; records kept stay kept. */
    @Override
    void close();
}
