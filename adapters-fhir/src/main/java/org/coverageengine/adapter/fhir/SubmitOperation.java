package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;

/** The $submit operation: read and check the body, then one {@link FhirExchange}. */
public final class SubmitOperation implements IResourceProvider {

    /** The operation's canonical URL (IHE ITI-124). */
    public static final String CANONICAL = "http://hl7.org/fhir/OperationDefinition/CoverageEligibilityRequest-submit";

    private final FhirSettings settings;
    private final FhirExchange exchange;

    SubmitOperation(FhirContext context, FhirSettings settings, DetermineCoverage determineCoverage, DescribePolicies policies) {
        this.settings = settings;
        this.exchange = new FhirExchange(context, settings, determineCoverage, policies);
    }

    @Override
    public Class<CoverageEligibilityRequest> getResourceType() {
        return CoverageEligibilityRequest.class;
    }

    /** POST [base]/CoverageEligibilityRequest/$submit with a request, a Bundle or a Parameters, in JSON or XML. */
    @Operation(name = "$submit", type = CoverageEligibilityRequest.class, manualRequest = true, idempotent = false, canonicalUrl = CANONICAL)
    public CoverageEligibilityResponse submit(HttpServletRequest servletRequest) {
        SubmitBody body = SubmitBody.read(servletRequest, settings);
        return exchange.answer(body.text(), body.encoding());
    }
}
