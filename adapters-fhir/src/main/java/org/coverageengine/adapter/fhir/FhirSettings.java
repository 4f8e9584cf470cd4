package org.coverageengine.adapter.fhir;

import java.net.URI;

/**
 * How the FHIR endpoint is configured: the base of the project's canonical URLs (extension, CodeSystems),
 * the body size and item count limits, the payer named as insurer when a request names none, and the OAuth token
 * endpoint the CapabilityStatement names when clients must present SMART access tokens (null when they need none).
 */
public record FhirSettings(String canonicalBase, int maxBodyBytes, int maxItems, String payerName, URI smartTokenEndpoint) {

    /** The defaults of the FHIR contract: 1 MiB bodies, 500 items, no access tokens. */
    public static final FhirSettings DEFAULTS = new FhirSettings("http://coverage-policy-engine.example.org/fhir", 1024 * 1024, 500,
            "Coverage Policy Engine");

    /** Settings of an endpoint that asks for no access token. */
    public FhirSettings(String canonicalBase, int maxBodyBytes, int maxItems, String payerName) {
        this(canonicalBase, maxBodyBytes, maxItems, payerName, null);
    }

    /** Validates the limits and trims a trailing slash from the canonical base. */
    public FhirSettings {
        if (canonicalBase == null || canonicalBase.isBlank()) {
            throw new IllegalArgumentException("a canonical base URL is required");
        }
        canonicalBase = canonicalBase.endsWith("/") ? canonicalBase.substring(0, canonicalBase.length() - 1) : canonicalBase;
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes");
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("the item limit must be at least 1");
        }
    }

    /** The determination extension's URL. */
    public String determinationExtension() {
        return canonicalBase + "/StructureDefinition/coverage-determination";
    }

    /** The URL of the extension naming the knowledge version a response used. */
    public String knowledgeVersionExtension() {
        return canonicalBase + "/StructureDefinition/knowledge-version";
    }

    /** The determination outcomes CodeSystem's URL. */
    public String determinationCodeSystem() {
        return canonicalBase + "/CodeSystem/coverage-determination";
    }

    /** The criteria CodeSystem's URL. */
    public String criteriaCodeSystem() {
        return canonicalBase + "/CodeSystem/coverage-criteria";
    }

    /** A copy with other limits. */
    public FhirSettings withLimits(int bodyBytes, int items) {
        return new FhirSettings(canonicalBase, bodyBytes, items, payerName, smartTokenEndpoint);
    }

    /** A copy whose CapabilityStatement says that SMART access tokens from this token endpoint are required. */
    public FhirSettings withSmartTokenEndpoint(URI tokenEndpoint) {
        return new FhirSettings(canonicalBase, maxBodyBytes, maxItems, payerName, tokenEndpoint);
    }
}
