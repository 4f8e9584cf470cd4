package org.coverageengine.domain.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Inclusive effective/termination dates, as the policy prints them beside codes. */
class DateRangeTest {

    static final DateRange M51_36 = new DateRange(null, LocalDate.of(2024, 9, 30));
    static final DateRange M51_360 = DateRange.from(LocalDate.of(2024, 10, 1));

    @Test
    void bothEndsInclusive() {
        assertTrue(M51_36.contains(LocalDate.of(2024, 9, 30)));
        assertFalse(M51_36.contains(LocalDate.of(2024, 10, 1)));
        assertTrue(M51_360.contains(LocalDate.of(2024, 10, 1)));
        assertFalse(M51_360.contains(LocalDate.of(2024, 9, 30)));
    }

    @Test
    void saysWhyOutside() {
        assertEquals("deleted (terminated 2024-09-30)", M51_36.whyOutside(LocalDate.of(2025, 3, 10)).orElseThrow());
        assertEquals("not effective until 2024-10-01", M51_360.whyOutside(LocalDate.of(2024, 9, 1)).orElseThrow());
    }

    @Test
    void intersection() {
        assertTrue(M51_36.intersect(M51_360).isEmpty());
        assertEquals(new DateRange(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 9, 30)),
                M51_360.intersect(new DateRange(null, LocalDate.of(2025, 9, 30))).orElseThrow());
    }

    @Test
    void endBeforeStartIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DateRange(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1)));
    }
}
