package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The $submit operation: parse the body, map it to the domain, determine coverage, map the answer back. */
public final class SubmitOperation implements IResourceProvider {

    /** The operation's canonical URL (IHE ITI-124). */
    public static final String CANONICAL = "http://hl7.org/fhir/OperationDefinition/CoverageEligibilityRequest-submit";
    private static final Logger LOG = LoggerFactory.getLogger(SubmitOperation.class);

    private final FhirContext context;
    private final FhirSettings settings;
    private final DetermineCoverage determineCoverage;
    private final RequestMapper requests;
    private final ResponseMapper responses;

    SubmitOperation(FhirContext context, FhirSettings settings, DetermineCoverage determineCoverage, DescribePolicies policies) {
        this.context = context;
        this.settings = settings;
        this.determineCoverage = determineCoverage;
        this.requests = new RequestMapper(settings);
        this.responses = new ResponseMapper(settings, policies);
    }

    @Override
    public Class<CoverageEligibilityRequest> getResourceType() {
        return CoverageEligibilityRequest.class;
    }

    /** POST [base]/CoverageEligibilityRequest/$submit with a request, a Bundle or a Parameters, in JSON or XML. */
    @Operation(name = "$submit", type = CoverageEligibilityRequest.class, manualRequest = true, idempotent = false, canonicalUrl = CANONICAL)
    public CoverageEligibilityResponse submit(HttpServletRequest servletRequest) {
        SubmitBody body = SubmitBody.read(servletRequest, settings);
        IBaseResource resource = parse(body);
        MappedRequest mapped = requests.toDomain(resource);
        CoverageDecision decision = mapped.request() == null ? null : determineCoverage.determine(mapped.request());
        if (LOG.isDebugEnabled()) {
            LOG.debug("$submit: {} items, {} lines evaluated", mapped.source().getItem().size(),
                    decision == null ? 0 : decision.determinations().size());
        }
        return responses.toFhir(mapped, decision);
    }

    private IBaseResource parse(SubmitBody body) {
        IParser parser = body.encoding() == EncodingEnum.XML ? context.newXmlParser() : context.newJsonParser();
        LenientErrorHandler errors = new LenientErrorHandler(false);
        errors.setErrorOnInvalidValue(true);
        parser.setParserErrorHandler(errors);
        try {
            return parser.parseResource(body.text());
        } catch (DataFormatException e) {
            throw FhirErrors.badRequest("body", "the body is not a readable FHIR " + body.encoding().name() + " resource: " + clean(e.getMessage()));
        } catch (RuntimeException e) {
            // Parsers throw assorted runtime exceptions on hostile input (deep nesting, bad numbers); all are the client's.
            throw FhirErrors.badRequest("body", "the body is not a readable FHIR " + body.encoding().name() + " resource: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + clean(e.getMessage())));
        }
    }

    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String text = message.replaceAll("HAPI-\\d+: ", "");
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
