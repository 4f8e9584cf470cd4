package org.coverageengine.domain.knowledge;

import java.util.Objects;

/**
 * One consistent snapshot of what the engine knows: a code catalog and a set of policies, under a version label
 * that every answer produced from it names.
 */
public record Knowledge(String version, InMemoryCodeCatalog catalog, InMemoryCoveragePolicies policies) {

    /** Requires all three parts. */
    public Knowledge {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(policies, "policies");
    }

    /** Knowledge with no codes and no policies. */
    public static Knowledge empty() {
        return new Knowledge("empty", InMemoryCodeCatalog.empty(), new InMemoryCoveragePolicies(java.util.List.of()));
    }
}
