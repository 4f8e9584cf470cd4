package org.coverageengine.domain.port.out;

import java.util.Objects;

/**
 * One consistent snapshot of what the engine knows: a code catalog, a set of policies and the NCCI edit tables, under a
 * version label that every answer produced from it names. The parts are the domain's own ports; which store holds them
 * is the composition root's choice.
 */
public record Knowledge(String version, CodeCatalog catalog, CoveragePolicies policies, CodingEdits edits) {

    /** Requires every part. */
    public Knowledge {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(edits, "edits");
    }
}
