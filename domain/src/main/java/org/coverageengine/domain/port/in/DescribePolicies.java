package org.coverageengine.domain.port.in;

import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.policy.Policy;

/** Use case: which policies are loaded, and what does one say? */
public interface DescribePolicies {

    /** Every loaded policy version. */
    List<Policy> list();

    /** The latest version of the policy with the number. */
    Optional<Policy> describe(String number);
}
