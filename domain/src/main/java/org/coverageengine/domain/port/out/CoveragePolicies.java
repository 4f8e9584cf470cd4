package org.coverageengine.domain.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.policy.Policy;

/** The coverage policies the engine applies, every loaded version of each. */
public interface CoveragePolicies {

    /** Every loaded policy version, ordered by number then effective date. */
    List<Policy> all();

    /** For each policy number, the version in effect on the date (the latest one effective on or before it). */
    List<Policy> inEffectOn(LocalDate date);

    /** Every policy number, whether or not a version is in effect on a date. */
    List<String> numbers();

    /** The latest version of the policy with the number. */
    Optional<Policy> latest(String number);

    /** The earliest version of the policy with the number. */
    Optional<Policy> earliest(String number);
}
