package org.coverageengine.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.coverageengine.domain.port.out.DeterminationRecord;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.DeterminationQuery;
import org.coverageengine.domain.record.DeterminationReport;
import org.coverageengine.domain.record.Page;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.ReportTally;

/**
 * A determination record held in the process's memory: lost when the process ends, so it serves tests and the
 * other adapters' test doubles, never {@code serve}.
 */
public final class InMemoryDeterminationRecord implements DeterminationRecord {

    private final Map<String, RecordedDetermination> determinations = new LinkedHashMap<>();
    private final Map<String, AuditRecord> audits = new LinkedHashMap<>();

    @Override
    public synchronized void keep(RecordedDetermination determination) {
        if (determinations.putIfAbsent(determination.id(), determination) != null) {
            throw new IllegalArgumentException("a determination with id " + determination.id() + " is already kept");
        }
    }

    @Override
    public synchronized Optional<RecordedDetermination> read(String id) {
        return Optional.ofNullable(determinations.get(id));
    }

    @Override
    public synchronized Page<RecordedDetermination> search(DeterminationQuery query) {
        return page(determinations.values(), query::matches, RecordedDetermination::created, RecordedDetermination::id,
                query.offset(), query.limit());
    }

    @Override
    public synchronized void keepAudit(AuditRecord audit) {
        if (audits.putIfAbsent(audit.id(), audit) != null) {
            throw new IllegalArgumentException("an audit record with id " + audit.id() + " is already kept");
        }
    }

    @Override
    public synchronized Optional<AuditRecord> readAudit(String id) {
        return Optional.ofNullable(audits.get(id));
    }

    @Override
    public synchronized Page<AuditRecord> searchAudit(AuditQuery query) {
        return page(audits.values(), query::matches, AuditRecord::recorded, AuditRecord::id, query.offset(), query.limit());
    }

    private static <T> Page<T> page(Iterable<T> all, Predicate<T> matches, Function<T, Instant> when, Function<T, String> id,
            int offset, int limit) {
        List<T> found = new ArrayList<>();
        all.forEach(item -> {
            if (matches.test(item)) {
                found.add(item);
            }
        });
        found.sort(Comparator.comparing(when).reversed().thenComparing(id));
        List<T> items = found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size()));
        return new Page<>(items, found.size(), offset, limit);
    }

    @Override
    public synchronized DeterminationReport report(Instant from, Instant before) {
        ReportTally tally = new ReportTally();
        DeterminationQuery period = DeterminationQuery.all(0).createdBetween(from, before);
        determinations.values().stream().filter(period::matches).forEach(tally::add);
        return tally.report(from, before);
    }

    @Override
    public synchronized long deleteBefore(Instant cutoff) {
        long before = determinations.size();
        determinations.values().removeIf(d -> d.created().isBefore(cutoff));
        audits.values().removeIf(a -> a.recorded().isBefore(cutoff));
        return before - determinations.size();
    }

    @Override
    public String describe() {
        return "memory (lost when the process ends)";
    }

    @Override
    public void close() {
        // Nothing to release: the maps go with the object.
    }
}
