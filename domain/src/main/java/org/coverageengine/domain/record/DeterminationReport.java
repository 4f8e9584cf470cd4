package org.coverageengine.domain.record;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What was answered in a period [from, before): determinations and lines counted per line outcome, per processing
 * outcome, per cited policy version, per line of business and per code; the lines flagged as needing prior
 * authorization (in all and per code); and the decision latency p50/p90/p99 (nearest rank). Maps are ordered by
 * count, largest first, then by key.
 */
public record DeterminationReport(Instant from, Instant before, long determinations, long lines,
        Map<String, Long> perOutcome, Map<String, Long> perProcessingOutcome, Map<String, Long> perPolicy,
        Map<String, Long> perLineOfBusiness, Map<String, Long> perCode, long priorAuthorizationLines,
        Map<String, Long> priorAuthorizationPerCode, Duration p50, Duration p90, Duration p99) {

    /** Copies the maps, keeping their order. */
    public DeterminationReport {
        perOutcome = ReportTally.frozen(perOutcome);
        perProcessingOutcome = ReportTally.frozen(perProcessingOutcome);
        perPolicy = ReportTally.frozen(perPolicy);
        perLineOfBusiness = ReportTally.frozen(perLineOfBusiness);
        perCode = ReportTally.frozen(perCode);
        priorAuthorizationPerCode = ReportTally.frozen(priorAuthorizationPerCode);
    }

    /** The share of lines flagged as needing prior authorization, 0 when there were no lines. */
    public double priorAuthorizationShare() {
        return lines == 0 ? 0.0 : (double) priorAuthorizationLines / lines;
    }
}
