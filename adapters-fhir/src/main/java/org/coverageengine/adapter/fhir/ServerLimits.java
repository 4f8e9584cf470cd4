package org.coverageengine.adapter.fhir;

import java.time.Duration;

/**
 * How much of the server one client may hold: connections, how long a request may take to arrive and how slowly,
 * and how many requests are worked on at once before others wait (briefly) or are turned away with 503.
 */
public record ServerLimits(int maxConnections, Duration idleTimeout, Duration readTimeout, int minDataRate,
        int maxConcurrentRequests, Duration queueTimeout) {

    /** The defaults of {@code serve}: 2,000 connections, 10 s idle, 20 s to arrive, 256 B/s, 32 at once, 2 s queued. */
    public static final ServerLimits DEFAULTS = new ServerLimits(2_000, Duration.ofSeconds(10), Duration.ofSeconds(20), 256, 32,
            Duration.ofSeconds(2));

    /** Validates that every limit is positive. */
    public ServerLimits {
        if (maxConnections < 1 || maxConcurrentRequests < 1 || minDataRate < 0) {
            throw new IllegalArgumentException("connection and request limits must be at least 1, the data rate at least 0");
        }
        for (Duration duration : new Duration[] {idleTimeout, readTimeout, queueTimeout}) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }
}
