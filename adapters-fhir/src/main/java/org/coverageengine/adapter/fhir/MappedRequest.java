package org.coverageengine.adapter.fhir;

import java.util.List;
import org.coverageengine.domain.determination.CoverageRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;

/**
 * A request mapped to the domain: the CoverageEligibilityRequest itself, the domain request (null when no item
 * has a code to evaluate), for each request item the index of its domain line (-1: not evaluated), the element
 * path of the request, and what the mapping assumed.
 */
record MappedRequest(CoverageEligibilityRequest source, String path, CoverageRequest request, int[] lineOfItem, List<String> notices) {
}
