package org.coverageengine.adapter.web;

import org.coverageengine.domain.determination.CoverageRequest;

/**
 * The FHIR exchange a determination corresponds to, as text a user can copy: implemented outside this module (by the
 * FHIR adapter's code, wired in the app), because adapters do not depend on each other.
 */
public interface FhirRendering {

    /** A CoverageEligibilityRequest and the CoverageEligibilityResponse the FHIR endpoint gives it, both as JSON. */
    record Exchange(String requestJson, String responseJson) {
    }

    /** The request as the FHIR endpoint would receive it, and its answer. */
    Exchange render(CoverageRequest request);

    /** A rendering for when no FHIR endpoint is wired (tests of the pages alone). */
    FhirRendering NONE = request -> new Exchange("(no FHIR rendering is configured)", "(no FHIR rendering is configured)");
}
