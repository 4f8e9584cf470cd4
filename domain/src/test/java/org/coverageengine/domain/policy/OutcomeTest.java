package org.coverageengine.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.determination.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The precedence and FHIR 'excluded' mapping of coverage-rules.md's outcome table. */
class OutcomeTest {

    @Test
    void precedenceIsTheDocumentedOrder() {
        assertEquals(List.of("invalid", "not-covered", "experimental", "bundled", "conditional", "covered", "no-policy"),
                Arrays.stream(Outcome.values()).map(Outcome::code).toList());
        assertTrue(Outcome.NOT_COVERED.moreRestrictiveThan(Outcome.EXPERIMENTAL));
        assertTrue(Outcome.COVERED.moreRestrictiveThan(Outcome.NO_POLICY));
    }

    @ParameterizedTest(name = "{0}: excluded = {1}")
    @CsvSource({"covered, false", "conditional, false", "not-covered, true", "experimental, true", "bundled, true", "no-policy, ", "invalid, "})
    void excluded(String code, Boolean excluded) {
        assertEquals(Optional.ofNullable(excluded), Outcome.fromCode(code).orElseThrow().excluded());
    }
}
