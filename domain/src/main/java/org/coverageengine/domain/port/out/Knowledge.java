package org.coverageengine.domain.port.out;

import java.util.Objects;

/**
 * One consistent snapshot of what the engine knows: a code catalog and a set of policies, under a version label
 * that every answer produced from it names. Both parts are the domain's own ports; which store holds them is the
 * composition root's choice.
 */
public record Knowledge(String version, CodeCatalog catalog, CoveragePolicies policies) {

    /** Requires all three parts. */
    public Knowledge {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(policies, "policies");
    }
}
