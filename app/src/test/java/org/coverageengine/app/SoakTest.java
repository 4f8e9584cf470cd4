package org.coverageengine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.coverageengine.bench.SoakRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A short soak in the suite (the 10-minute run is bench/soak.sh, reported in docs/performance.md). */
class SoakTest {

    @Test
    @DisplayName("15 s at 60 req/s with re-imports every second (a third of them broken): no 5xx, no mixed versions")
    void shortSoak() throws Exception {
        SoakRun.Result result = SoakRun.run(Duration.ofSeconds(15), 60, Duration.ofSeconds(1), false);
        System.out.println("short soak: " + result);
        assertEquals(0, result.serverErrors(), result.toString());
        assertEquals(0, result.transportErrors(), result.toString());
        assertEquals(0, result.mixedVersions(), result.toString());
        assertTrue(result.okResponses() > 300, result.toString());
        assertTrue(result.clientErrors() > 100, "invalid requests were sent and refused: " + result);
        assertTrue(result.versions().size() >= 3, "several knowledge versions answered: " + result);
        assertTrue(result.reloadsRefused() >= 3, "broken re-imports were refused: " + result);
        long first = result.heapSamplesMiB().get(0);
        long last = result.heapSamplesMiB().get(result.heapSamplesMiB().size() - 1);
        assertTrue(last < first + 64, "heap after GC stays within 64 MiB of where it started: " + result.heapSamplesMiB());
    }
}
