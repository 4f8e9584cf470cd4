package org.coverageengine.domain.port.in;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.coverageengine.domain.record.DeterminationReport;

/** Use case: report what was answered in a period, and apply the retention period. */
public interface ReportDeterminations {

    /** Counts of what was answered in [from, before). */
    DeterminationReport report(Instant from, Instant before);

    /** The report for whole days, from the first day's start to the end of the last day, in the zone. */
    default DeterminationReport report(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
        return report(firstDay.atStartOfDay(zone).toInstant(), lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Deletes what is older than the number of days before now; returns how many determinations went. */
    long retainDays(int days);
}
