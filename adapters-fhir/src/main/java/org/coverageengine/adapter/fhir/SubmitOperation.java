package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.port.in.RecordDeterminations;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;

/** The $submit operation: read and check the body, then one {@link FhirExchange}. */
public final class SubmitOperation implements IResourceProvider {

    /** The operation's canonical URL (IHE ITI-124). */
    public static final String CANONICAL = "http://hl7.org/fhir/OperationDefinition/CoverageEligibilityRequest-submit";

    private final FhirSettings settings;
    private final FhirExchange exchange;
    private final RecordDeterminations record;

    SubmitOperation(FhirContext context, FhirSettings settings, DetermineCoverage determineCoverage, DescribePolicies policies,
            RecordDeterminations record) {
        this.settings = settings;
        this.exchange = new FhirExchange(context, settings, determineCoverage, policies);
        this.record = record;
    }

    @Override
    public Class<CoverageEligibilityRequest> getResourceType() {
        return CoverageEligibilityRequest.class;
    }

    /** POST [base]/CoverageEligibilityRequest/$submit with a request, a Bundle or a Parameters, in JSON or XML. */
    @Operation(name = "$submit", type = CoverageEligibilityRequest.class, manualRequest = true, idempotent = false, canonicalUrl = CANONICAL)
    public CoverageEligibilityResponse submit(HttpServletRequest servletRequest) {
        refuseSubsetting(servletRequest);
        SubmitBody body = SubmitBody.read(servletRequest, settings);
        FhirExchange.Answered answered = exchange.answer(body.text(), body.encoding(), record.newId());
        if (record.recording()) {
            // Kept by the response filter once the bytes are known, before any of them leaves.
            servletRequest.setAttribute(PendingRecord.ATTRIBUTE, answered.record());
        }
        return answered.response();
    }

    /**
     * A subsetted answer (HAPI's {@code _summary}, {@code _elements}) would drop the items, which are the determination
     * itself, so asking for one is a client error rather than an answer that looks complete and says nothing.
     */
    private static void refuseSubsetting(HttpServletRequest request) {
        String summary = request.getParameter("_summary");
        if (summary != null && !summary.equals("false")) {
            throw FhirErrors.badRequest("_summary", "_summary is not supported by $submit: the answer is always the whole "
                    + "CoverageEligibilityResponse (send _summary=false or leave it out)");
        }
        if (request.getParameter("_elements") != null) {
            throw FhirErrors.badRequest("_elements", "_elements is not supported by $submit: the answer is always the whole "
                    + "CoverageEligibilityResponse");
        }
    }
}
