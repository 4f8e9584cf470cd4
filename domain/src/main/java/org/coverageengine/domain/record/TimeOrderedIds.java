package org.coverageengine.domain.record;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Ids for kept records in the UUID version 7 layout of RFC 9562: 48 bits of Unix milliseconds first, then 74 random
 * bits. They stay as opaque and unguessable as random UUIDs to a client, but ids made close in time sort close
 * together, so a database appends each new record to the end of its indexes instead of rewriting a random page of
 * every index per insert, which is what made a random id expensive to keep.
 */
public final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private final Clock clock;
    private final SecureRandom random;

    private TimeOrderedIds(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Ids on the system clock. */
    public static TimeOrderedIds systemClock() {
        return new TimeOrderedIds(Clock.systemUTC(), new SecureRandom());
    }

    /** Ids on the given clock (for tests). */
    public static TimeOrderedIds on(Clock clock) {
        return new TimeOrderedIds(clock, new SecureRandom());
    }

    /** A new id in the canonical 36-character UUID text form. */
    public String next() {
        return nextUuid().toString();
    }

    /** A new id as a UUID whose version is 7. */
    public UUID nextUuid() {
        long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
        long randomA = random.nextLong();
        long randomB = random.nextLong();
        long most = (millis << 16) | VERSION_7 | (randomA & 0x0FFFL);
        long least = VARIANT_RFC | (randomB & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(most, least);
    }
}
