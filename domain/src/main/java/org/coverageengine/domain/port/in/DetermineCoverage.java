package org.coverageengine.domain.port.in;

import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;

/** Use case: will this plan pay for these procedures, for these diagnoses, on this date, and if not, why? */
public interface DetermineCoverage {

    /** One determination per requested line, in request order. Deterministic for the same request and knowledge. */
    CoverageDecision determine(CoverageRequest request);
}
