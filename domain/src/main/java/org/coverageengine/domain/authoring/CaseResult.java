package org.coverageengine.domain.authoring;

import java.util.List;

/** How one pack test case went: passed when nothing differed from what its author expected. */
public record CaseResult(PackTestCase testCase, List<String> differences) {

    /** Copies the differences. */
    public CaseResult {
        differences = List.copyOf(differences);
    }

    /** True when every line had its expected outcome (and the expected reason, if any, was given). */
    public boolean passed() {
        return differences.isEmpty();
    }
}
