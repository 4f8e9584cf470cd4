package org.coverageengine.domain.port.in;

import java.util.Optional;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.DeterminationQuery;
import org.coverageengine.domain.record.Page;
import org.coverageengine.domain.record.RecordedDetermination;

/** Use case: read back what was answered and the audit trail, by id or by search with paging. */
public interface ReadDeterminations {

    /** True when there is a record to read (recording is on). */
    boolean available();

    /** The determination with this id, as kept. */
    Optional<RecordedDetermination> read(String id);

    /** One page of the determinations matching the query, with the total. */
    Page<RecordedDetermination> search(DeterminationQuery query);

    /** The audit record with this id. */
    Optional<AuditRecord> readAudit(String id);

    /** One page of the audit records matching the query, with the total. */
    Page<AuditRecord> searchAudit(AuditQuery query);
}
