package org.coverageengine.domain.port.out;

import java.util.List;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.testing.ListedPolicies;

/** The domain's own test double keeps the policies contract, so tests that use it test real behaviour. */
class ListedPoliciesTest extends CoveragePoliciesContract {

    @Override
    protected CoveragePolicies policiesOf(List<Policy> versions) {
        return new ListedPolicies(versions);
    }
}
