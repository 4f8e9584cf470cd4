package org.coverageengine.domain.port.in;

import java.util.List;
import org.coverageengine.domain.authoring.PackDifference;
import org.coverageengine.domain.policy.Policy;

/** Use case: what changed between an older and a newer set of policies? */
public interface DiffPacks {

    /** The differences: policies and versions added or removed, codes added or removed per group, statements added, removed or changed. */
    List<PackDifference> diff(List<Policy> older, List<Policy> newer);
}
