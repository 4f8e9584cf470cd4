package org.coverageengine.domain.authoring;

import java.util.List;
import java.util.Objects;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Outcome;

/**
 * A test case a policy author ships with a pack: a request, the outcome expected for each of its lines in order,
 * and optionally a fragment of text some line's explanation must contain.
 *
 * @param name the author's name for the case
 * @param source where the case is written (e.g. {@code tests.csv:4}), so a failure points at it
 * @param reasonFragment empty when the case checks outcomes only
 */
public record PackTestCase(String name, String source, CoverageRequest request, List<Outcome> expected, String reasonFragment) {

    /** Checks that there is one expected outcome per requested line. */
    public PackTestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        source = source == null ? "" : source;
        expected = List.copyOf(expected);
        reasonFragment = reasonFragment == null ? "" : reasonFragment.strip();
        if (expected.size() != request.lines().size()) {
            throw new IllegalArgumentException("case " + name + ": " + request.lines().size() + " lines but " + expected.size() + " expected outcomes");
        }
    }
}
