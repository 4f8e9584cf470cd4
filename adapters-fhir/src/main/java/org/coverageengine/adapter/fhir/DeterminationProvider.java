package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.record.DeterminationQuery;
import org.coverageengine.domain.record.Identifier;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.SentResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.IdType;

/**
 * Reads and searches the kept answers: {@code GET [base]/CoverageEligibilityResponse/{id}} answers the response as it
 * was sent (its very bytes when asked in the format it was sent in, else re-encoded), and a search pages through the
 * answers by patient, created, request, outcome, determination and item-code.
 */
final class DeterminationProvider implements IResourceProvider {

    static final String TYPE = "CoverageEligibilityResponse";
    /** The search parameters, in the order the CapabilityStatement lists them. */
    static final List<String> PARAMETERS = List.of("patient", "created", "request", "outcome", RecordSearchParameters.DETERMINATION,
            RecordSearchParameters.ITEM_CODE);
    private static final String KEPT_ATTRIBUTE = DeterminationProvider.class.getName() + ".kept";
    private static final Set<String> KNOWN = Set.of("patient", "patient:identifier", "created", "request", "outcome",
            RecordSearchParameters.DETERMINATION, RecordSearchParameters.ITEM_CODE);

    private final RecordReading reading;
    private final FhirSettings settings;

    DeterminationProvider(RecordReading reading, FhirSettings settings) {
        this.reading = reading;
        this.settings = settings;
    }

    @Override
    public Class<CoverageEligibilityResponse> getResourceType() {
        return CoverageEligibilityResponse.class;
    }

    /** GET [base]/CoverageEligibilityResponse/{id}: the answer as it was sent. */
    @Read
    public CoverageEligibilityResponse read(@IdParam IdType id, HttpServletRequest request) {
        reading.check(request, TYPE);
        RecordedDetermination kept = reading.read().read(id.getIdPart())
                .orElseThrow(() -> RecordReading.notFound(TYPE, "no answer with the id '" + id.getIdPart() + "' is kept here"));
        request.setAttribute(RecordReading.ENTITY_ATTRIBUTE, kept.id());
        CoverageEligibilityResponse response = reading.parse(kept.response(), CoverageEligibilityResponse.class)
                .orElseThrow(() -> RecordReading.notFound(TYPE, RecordReading.notAResource(TYPE, kept.id()).getIssueFirstRep().getDiagnostics()));
        request.setAttribute(KEPT_ATTRIBUTE, kept.response());
        return response;
    }

    /** GET [base]/CoverageEligibilityResponse?...: one page of the kept answers, newest first. */
    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails details, HttpServletRequest request) {
        reading.check(request, TYPE);
        SearchCriteria criteria = SearchCriteria.of(details.getParameters(), KNOWN, Set.of("created"));
        DeterminationQuery query = DeterminationQuery.all(criteria.count()).page(criteria.offset(), criteria.count());
        String patient = criteria.value("patient");
        if (patient != null) {
            query = query.withPatientReference(patient.contains("/") ? patient : "Patient/" + patient);
        }
        String identifier = criteria.value("patient:identifier");
        if (identifier != null) {
            query = query.withPatientIdentifier(Identifier.parse(identifier));
        }
        if (!criteria.values("created").isEmpty()) {
            SearchCriteria.Period period = SearchCriteria.period("created", criteria.values("created"));
            query = query.createdBetween(period.from(), period.before());
        }
        String requested = criteria.value("request");
        if (requested != null) {
            query = query.withRequestReference("CoverageEligibilityRequest/"
                    + SearchCriteria.referenceTo("request", "CoverageEligibilityRequest", requested));
        }
        String outcome = criteria.value("outcome");
        if (outcome != null) {
            String code = SearchCriteria.tokenCode("outcome", outcome, "http://hl7.org/fhir/remittance-outcome");
            query = query.withProcessingOutcome(ProcessingOutcome.fromCode(code)
                    .orElseThrow(() -> FhirErrors.badRequest("outcome", "'" + code + "' is not an outcome (complete, partial or error)")));
        }
        String determination = criteria.value(RecordSearchParameters.DETERMINATION);
        if (determination != null) {
            String code = SearchCriteria.tokenCode(RecordSearchParameters.DETERMINATION, determination, settings.determinationCodeSystem());
            query = query.withLineOutcome(Outcome.fromCode(code).orElseThrow(() -> FhirErrors.badRequest(RecordSearchParameters.DETERMINATION,
                    "'" + code + "' is not a determination code (see " + settings.determinationCodeSystem() + ")")));
        }
        String itemCode = criteria.value(RecordSearchParameters.ITEM_CODE);
        if (itemCode != null) {
            query = query.withItemCode(SearchCriteria.tokenCode(RecordSearchParameters.ITEM_CODE, itemCode, null));
        }
        return reading.bundle(details.getFhirServerBase(), TYPE, criteria, reading.read().search(query),
                kept -> reading.parse(kept.response(), CoverageEligibilityResponse.class)
                        .<org.hl7.fhir.r4.model.Resource>map(r -> r).orElseGet(() -> RecordReading.notAResource(TYPE, kept.id())));
    }

    /** Sends a read's kept bytes themselves when the client asked for the format they were sent in. */
    static final class AsSent {

        /** Writes the kept bytes and stops HAPI from encoding the parsed copy; leaves every other answer alone. */
        @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
        public boolean send(RequestDetails details, HttpServletRequest request, HttpServletResponse response) {
            if (!(request.getAttribute(KEPT_ATTRIBUTE) instanceof SentResponse kept)) {
                return true;
            }
            RestfulServerUtils.ResponseEncoding asked = RestfulServerUtils.determineResponseEncodingNoDefault(details, null);
            EncodingEnum encoding = asked == null ? EncodingEnum.JSON : asked.getEncoding();
            boolean reshaped = details.getParameters().containsKey("_pretty") || details.getParameters().containsKey("_summary")
                    || details.getParameters().containsKey("_elements");
            if (reshaped || (encoding == EncodingEnum.XML) != RecordReading.xml(kept)) {
                return true;
            }
            try {
                response.setStatus(200);
                response.setContentType(kept.mediaType());
                response.getOutputStream().write(kept.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }
}
