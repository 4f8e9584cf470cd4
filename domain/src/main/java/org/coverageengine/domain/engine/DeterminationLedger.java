package org.coverageengine.domain.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.coverageengine.domain.port.in.ReadDeterminations;
import org.coverageengine.domain.port.in.RecordDeterminations;
import org.coverageengine.domain.port.in.ReportDeterminations;
import org.coverageengine.domain.port.out.DeterminationRecord;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.DeterminationQuery;
import org.coverageengine.domain.record.DeterminationReport;
import org.coverageengine.domain.record.Page;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.TimeOrderedIds;
import org.coverageengine.domain.record.ReportTally;

/** The determination record's use cases over one store, or over none when recording is off. */
public final class DeterminationLedger implements RecordDeterminations, ReadDeterminations, ReportDeterminations {

    private final DeterminationRecord store;
    private final Clock clock;
    private final TimeOrderedIds ids;

    private DeterminationLedger(DeterminationRecord store, Clock clock) {
        this.store = store;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = TimeOrderedIds.on(clock);
    }

    /** Recording to the store. */
    public static DeterminationLedger keepingIn(DeterminationRecord store, Clock clock) {
        return new DeterminationLedger(Objects.requireNonNull(store, "store"), clock);
    }

    /** Recording off: ids are still given, nothing is kept, searches find nothing. */
    public static DeterminationLedger off() {
        return new DeterminationLedger(null, Clock.systemUTC());
    }

    @Override
    public String newId() {
        return ids.next();
    }

    @Override
    public boolean recording() {
        return store != null;
    }

    @Override
    public boolean available() {
        return store != null;
    }

    @Override
    public void keep(RecordedDetermination determination) {
        if (store != null) {
            store.keep(determination);
        }
    }

    @Override
    public void keep(RecordedDetermination determination, AuditRecord audit) {
        if (store != null) {
            store.keep(determination, audit);
        }
    }

    @Override
    public void audit(AuditRecord audit) {
        if (store != null) {
            store.keepAudit(audit);
        }
    }

    @Override
    public boolean auditWithoutWaiting(AuditRecord audit) {
        return store != null && store.keepAuditWithoutWaiting(audit);
    }

    @Override
    public String describe() {
        return store == null ? "none" : store.describe();
    }

    @Override
    public Optional<RecordedDetermination> read(String id) {
        return store == null ? Optional.empty() : store.read(id);
    }

    @Override
    public Page<RecordedDetermination> search(DeterminationQuery query) {
        return store == null ? new Page<>(List.of(), 0, query.offset(), query.limit()) : store.search(query);
    }

    @Override
    public Optional<AuditRecord> readAudit(String id) {
        return store == null ? Optional.empty() : store.readAudit(id);
    }

    @Override
    public Page<AuditRecord> searchAudit(AuditQuery query) {
        return store == null ? new Page<>(List.of(), 0, query.offset(), query.limit()) : store.searchAudit(query);
    }

    @Override
    public DeterminationReport report(Instant from, Instant before) {
        return store == null ? new ReportTally().report(from, before) : store.report(from, before);
    }

    @Override
    public long retainDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("the retention period must be at least 1 day, was " + days);
        }
        return store == null ? 0 : store.deleteBefore(clock.instant().minus(Duration.ofDays(days)));
    }
}
