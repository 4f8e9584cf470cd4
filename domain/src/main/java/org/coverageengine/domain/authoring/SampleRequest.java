package org.coverageengine.domain.authoring;

import java.util.Objects;
import org.coverageengine.domain.determination.CoverageRequest;

/**
 * A request an author asks both versions of a pack about, to see which answers a change moves.
 *
 * @param id how the author names it, e.g. the claim id or the file it was read from
 */
public record SampleRequest(String id, CoverageRequest request) {

    /** Requires both parts. */
    public SampleRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
    }
}
