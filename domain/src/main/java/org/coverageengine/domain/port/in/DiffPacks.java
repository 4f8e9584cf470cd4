package org.coverageengine.domain.port.in;

import java.util.List;
import org.coverageengine.domain.authoring.OutcomeChanges;
import org.coverageengine.domain.authoring.PackDifference;
import org.coverageengine.domain.authoring.SampleRequest;
import org.coverageengine.domain.policy.Policy;

/** Use case: what changed between an older and a newer set of policies, and which answers does it move? */
public interface DiffPacks {

    /** The differences: policies and versions added or removed, codes added or removed per group, statements added, removed or changed. */
    List<PackDifference> diff(List<Policy> older, List<Policy> newer);

    /**
     * Asks both engines (one on the older knowledge, one on the newer) every sample request; the lines whose outcome
     * differs, in request and line order, with the counts.
     */
    OutcomeChanges outcomeChanges(DetermineCoverage older, DetermineCoverage newer, List<SampleRequest> requests);
}
