package org.coverageengine.domain.record;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;

/**
 * Counts recorded determinations into a {@link DeterminationReport}, so that every store reports with the same
 * arithmetic (what counts as a policy, how percentiles are ranked). Not thread-safe: one tally per report.
 */
public final class ReportTally {

    private final Map<String, Long> perOutcome = new HashMap<>();
    private final Map<String, Long> perProcessingOutcome = new HashMap<>();
    private final Map<String, Long> perPolicy = new HashMap<>();
    private final Map<String, Long> perLineOfBusiness = new HashMap<>();
    private final Map<String, Long> perCode = new HashMap<>();
    private final Map<String, Long> priorAuthorizationPerCode = new HashMap<>();
    private long[] latencies = new long[64];
    private long determinations;
    private long lines;
    private long priorAuthorizationLines;

    /** Counts one determination (its lines are counted by {@link #addLine}). */
    public void addDetermination(LineOfBusiness lineOfBusiness, ProcessingOutcome processingOutcome, Duration took) {
        if (determinations == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[(int) determinations++] = took.toNanos();
        perProcessingOutcome.merge(processingOutcome.code(), 1L, Long::sum);
        perLineOfBusiness.merge(lineOfBusiness == null ? "unknown" : lineOfBusiness.code(), 1L, Long::sum);
    }

    /** Counts one line: its outcome, its code, each policy version it cites (once per line) and its prior authorization flag. */
    public void addLine(String code, Outcome outcome, List<Citation> citations, boolean priorAuthorizationRequired) {
        lines++;
        perOutcome.merge(outcome.code(), 1L, Long::sum);
        perCode.merge(code, 1L, Long::sum);
        Set<String> policies = new LinkedHashSet<>();
        for (Citation citation : citations) {
            policies.add(policyKey(citation));
        }
        policies.forEach(policy -> perPolicy.merge(policy, 1L, Long::sum));
        if (priorAuthorizationRequired) {
            priorAuthorizationLines++;
            priorAuthorizationPerCode.merge(code, 1L, Long::sum);
        }
    }

    /** Counts a whole record. */
    public void add(RecordedDetermination record) {
        addDetermination(record.lineOfBusiness(), record.processingOutcome(), record.took());
        for (RecordedLine line : record.lines()) {
            addLine(line.code(), line.outcome(), line.citations(), line.priorAuthorizationRequired());
        }
    }

    /** How a cited policy version is named in the report, e.g. "0509 (2024-09-15)". */
    public static String policyKey(Citation citation) {
        return citation.policyNumber() + (citation.policyVersion() == null ? "" : " (" + citation.policyVersion() + ")");
    }

    /** The report of everything counted, for the period [from, before). */
    public DeterminationReport report(Instant from, Instant before) {
        long[] sorted = Arrays.copyOf(latencies, (int) determinations);
        Arrays.sort(sorted);
        return new DeterminationReport(from, before, determinations, lines, perOutcome, perProcessingOutcome, perPolicy,
                perLineOfBusiness, perCode, priorAuthorizationLines, priorAuthorizationPerCode,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99));
    }

    private static Duration percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return Duration.ofNanos(sorted[Math.max(rank, 1) - 1]);
    }

    static Map<String, Long> frozen(Map<String, Long> counts) {
        if (counts instanceof ImmutableMap<String, Long> immutable) {
            return immutable;
        }
        ImmutableMap.Builder<String, Long> builder = ImmutableMap.builder();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(builder::put);
        return builder.build();
    }
}
