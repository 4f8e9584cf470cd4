package org.coverageengine.adapter.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coverageengine.domain.testing.SamplePolicies.version;

import java.time.LocalDate;
import java.util.List;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.CoveragePolicies;
import org.coverageengine.domain.port.out.CoveragePoliciesContract;
import org.junit.jupiter.api.Test;

/** The in-memory policy versions against the policies contract. */
class InMemoryCoveragePoliciesTest extends CoveragePoliciesContract {

    @Override
    protected CoveragePolicies policiesOf(List<Policy> versions) {
        return new InMemoryCoveragePolicies(versions);
    }

    @Test
    void refusesTwoVersionsEffectiveTheSameDay() {
        LocalDate day = LocalDate.of(2024, 9, 15);
        assertThatThrownBy(() -> new InMemoryCoveragePolicies(List.of(version("0509", day), version("0509", day))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two versions effective 2024-09-15");
    }
}
