package org.coverageengine.domain.determination;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A question to the engine: the date of service and line of business (either may be absent, and the answer
 * then says what it assumed), the lines in request order, and the criteria the requester attests as met.
 */
public record CoverageRequest(LocalDate dateOfService, LineOfBusiness lineOfBusiness, List<RequestedLine> lines,
        Set<String> attestedCriteria) {

    /** Copies the collections; a request needs at least one line. */
    public CoverageRequest {
        lines = lines == null ? ImmutableList.of() : ImmutableList.copyOf(lines);
        attestedCriteria = attestedCriteria == null ? ImmutableSet.of() : ImmutableSet.copyOf(attestedCriteria);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a coverage request needs at least one line");
        }
    }

    /** A request with no attestations. */
    public static CoverageRequest of(LocalDate date, LineOfBusiness lob, RequestedLine... lines) {
        return new CoverageRequest(date, lob, ImmutableList.copyOf(lines), ImmutableSet.of());
    }

    /** A copy with the given criteria attested. */
    public CoverageRequest attesting(Set<String> criteria) {
        return new CoverageRequest(dateOfService, lineOfBusiness, lines, criteria);
    }
}
