package org.coverageengine.adapter.cdshooks;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the CDS Hooks endpoint is configured: the payer name shown to users, the payers it answers for (empty: any),
 * how long a Coverage query to the EHR's FHIR server may take, whether External Reference cards are sent by default, and
 * the largest request body.
 */
public record CdsSettings(String payerName, Set<String> servedPayers, Duration fhirTimeout, boolean policyCardsByDefault, int maxBodyBytes) {

    /** The defaults: any payer, a 2 s Coverage query, policy cards on, 1 MiB bodies (as on /fhir). */
    public static final CdsSettings DEFAULTS = new CdsSettings("Coverage Policy Engine", Set.of(), Duration.ofSeconds(2), true, 1024 * 1024);

    /** Validates the timeout and keeps payer names in a case-insensitive form. */
    public CdsSettings {
        if (payerName == null || payerName.isBlank()) {
            throw new IllegalArgumentException("a payer name is required");
        }
        if (fhirTimeout == null || fhirTimeout.isNegative() || fhirTimeout.isZero()) {
            throw new IllegalArgumentException("the FHIR query timeout must be positive");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes");
        }
        servedPayers = servedPayers == null ? Set.of()
                : servedPayers.stream().map(CdsSettings::key).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this endpoint answers for a payer known by any of these names or identifiers. */
    boolean serves(Set<String> namesOrIds) {
        return servedPayers.isEmpty() || namesOrIds.stream().map(CdsSettings::key).anyMatch(servedPayers::contains);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
