package org.coverageengine.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coverageengine.domain.testing.SamplePolicies.version;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.coverageengine.domain.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link CoveragePolicies} implementation must do: the version of each policy in effect on a date is the
 * latest one effective on or before it (coverage-rules: versions stay in effect until replaced), and nothing else.
 */
public abstract class CoveragePoliciesContract {

    private static final Policy P0509_2023 = version("0509", LocalDate.of(2023, 9, 15));
    private static final Policy P0509_2024 = version("0509", LocalDate.of(2024, 9, 15));
    private static final Policy P0100_2025 = version("0100", LocalDate.of(2025, 1, 1));

    /** Builds the implementation under test holding exactly these policy versions, given in this order. */
    protected abstract CoveragePolicies policiesOf(List<Policy> versions);

    private CoveragePolicies policies() {
        return policiesOf(List.of(P0509_2024, P0100_2025, P0509_2023));
    }

    @Test
    void listsEveryVersionByNumberThenEffectiveDate() {
        assertThat(policies().all()).containsExactly(P0100_2025, P0509_2023, P0509_2024);
        assertThat(policies().numbers()).containsExactly("0100", "0509");
    }

    static Stream<Arguments> datesOfService() {
        return Stream.of(
                Arguments.of(LocalDate.of(2023, 9, 14), List.of()),
                Arguments.of(LocalDate.of(2023, 9, 15), List.of(P0509_2023)),
                Arguments.of(LocalDate.of(2024, 9, 14), List.of(P0509_2023)),
                Arguments.of(LocalDate.of(2024, 9, 15), List.of(P0509_2024)),
                Arguments.of(LocalDate.of(2025, 1, 1), List.of(P0100_2025, P0509_2024)),
                Arguments.of(LocalDate.of(2031, 6, 30), List.of(P0100_2025, P0509_2024)));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("datesOfService")
    void theVersionInEffectIsTheLatestEffectiveOnOrBeforeTheDate(LocalDate date, List<Policy> expected) {
        CoveragePolicies policies = policies();
        assertThat(policies.inEffectOn(date)).containsExactlyElementsOf(expected);
        assertThat(policies.inEffectOn(date)).as("asked twice").containsExactlyElementsOf(expected);
    }

    @Test
    void latestAndEarliestVersions() {
        assertThat(policies().latest("0509")).contains(P0509_2024);
        assertThat(policies().earliest("0509")).contains(P0509_2023);
        assertThat(policies().latest("0100")).contains(P0100_2025);
    }

    @Test
    void unknownNumberHasNoVersion() {
        assertThat(policies().latest("9999")).isEmpty();
        assertThat(policies().earliest("9999")).isEmpty();
    }

    @Test
    void noPoliciesAnswersEmpty() {
        CoveragePolicies none = policiesOf(List.of());
        assertThat(none.all()).isEmpty();
        assertThat(none.numbers()).isEmpty();
        assertThat(none.inEffectOn(LocalDate.of(2025, 1, 1))).isEmpty();
    }
}
