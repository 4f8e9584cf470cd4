package org.coverageengine.domain.record;

import java.time.Duration;

/**
 * The record cannot keep or read right now (its database is unreachable, or its queue is full): the caller must not
 * answer as if the determination were kept, and may try again after the suggested delay.
 */
public final class RecordUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    /** A failure with the delay after which trying again makes sense. */
    public RecordUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
