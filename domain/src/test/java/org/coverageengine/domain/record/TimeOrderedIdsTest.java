package org.coverageengine.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeOrderedIdsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:30:00.123Z");

    @Test
    void isAnRfc9562Version7UuidInCanonicalText() {
        String id = TimeOrderedIds.on(Clock.fixed(T0, ZoneOffset.UTC)).next();
        UUID uuid = UUID.fromString(id);
        assertThat(id).hasSize(36).isEqualTo(uuid.toString());
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} ms since the epoch")
    @ValueSource(longs = {0L, 1L, 1_764_556_200_123L, 0xFFFF_FFFF_FFFFL})
    void carriesTheClocksMillisecondsInItsFirst48Bits(long millis) {
        UUID uuid = TimeOrderedIds.on(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC)).nextUuid();
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
        List<String> made = new ArrayList<>();
        for (int ms = 0; ms < 50; ms++) {
            made.add(TimeOrderedIds.on(Clock.fixed(T0.plusMillis(ms * 7L), ZoneOffset.UTC)).next());
        }
        assertThat(made).isSorted();
    }

    @Test
    void idsOfTheSameMillisecondStayDistinctAndUnguessable() {
        TimeOrderedIds ids = TimeOrderedIds.on(Clock.fixed(T0, ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.next());
        }
        assertThat(seen).hasSize(10_000);
    }
}
