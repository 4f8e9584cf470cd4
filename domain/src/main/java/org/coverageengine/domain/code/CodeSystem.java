package org.coverageengine.domain.code;

import java.util.Locale;
import java.util.Optional;

/** The billing code systems the engine understands, with their canonical FHIR system URIs. */
public enum CodeSystem {
    CPT("http://www.ama-assn.org/go/cpt", "CPT"),
    HCPCS("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "HCPCS Level II"),
    ICD10CM("http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM");

    private final String uri;
    private final String displayName;

    CodeSystem(String uri, String displayName) {
        this.uri = uri;
        this.displayName = displayName;
    }

    /** The canonical system URI used in FHIR codings. */
    public String uri() {
        return uri;
    }

    /** The name people use for the system, e.g. "ICD-10-CM". */
    public String displayName() {
        return displayName;
    }

    /** True for procedure code systems (CPT, HCPCS), false for diagnoses. */
    public boolean isProcedure() {
        return this != ICD10CM;
    }

    /** Finds the system for a FHIR system URI; the https form of the HCPCS URI and a trailing slash are accepted. */
    public static Optional<CodeSystem> fromUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String normalized = uri.trim();
        if (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        if (normalized.startsWith("https://")) {
            normalized = "http://" + normalized.substring("https://".length());
        }
        for (CodeSystem system : values()) {
            if (system.uri.equalsIgnoreCase(normalized)) {
                return Optional.of(system);
            }
        }
        return Optional.empty();
    }

    /** Finds the system by a name such as "CPT", "HCPCS", "ICD-10-CM" or "icd10cm". */
    public static Optional<CodeSystem> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        switch (key) {
            case "CPT":
                return Optional.of(CPT);
            case "HCPCS":
            case "HCPCSLEVELII":
            case "HCPCSII":
                return Optional.of(HCPCS);
            case "ICD10CM":
            case "ICD10":
                return Optional.of(ICD10CM);
            default:
                return Optional.empty();
        }
    }
}
