package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.util.regex.Pattern;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;

/**
 * One $submit exchange without HTTP: parse the body, map it to the domain, determine coverage, map the answer back.
 * The HTTP operation delegates here; benchmarks call it directly to separate HAPI's cost from the engine's.
 */
public final class FhirExchange {

    private static final Pattern XML_DECLARATION = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

    private final FhirContext context;
    private final DetermineCoverage determineCoverage;
    private final RequestMapper requests;
    private final ResponseMapper responses;

    /** Creates the exchange over the domain's inbound ports. */
    public FhirExchange(FhirContext context, FhirSettings settings, DetermineCoverage determineCoverage, DescribePolicies policies) {
        this.context = context;
        this.determineCoverage = determineCoverage;
        this.requests = new RequestMapper(settings);
        this.responses = new ResponseMapper(settings, policies);
    }

    /** Answers a body already read and checked (media type, size, encoding); client errors are thrown as HAPI 4xx exceptions. */
    public CoverageEligibilityResponse answer(String body, EncodingEnum encoding) {
        return answer(body, encoding, java.util.UUID.randomUUID().toString()).response();
    }

    /** The answer under the given id, with what its record needs besides the bytes it will be sent as. */
    Answered answer(String body, EncodingEnum encoding, String id) {
        long started = System.nanoTime();
        IBaseResource resource = parse(body, encoding);
        MappedRequest mapped = requests.toDomain(resource);
        CoverageDecision decision = mapped.request() == null ? null : determineCoverage.determine(mapped.request());
        CoverageEligibilityResponse response = responses.toFhir(mapped, decision);
        response.setId(id);
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
        return new Answered(response, PendingRecord.of(id, response.getCreated().toInstant(), mapped, decision, response, took));
    }

    /** An answer and its record, pending the bytes. */
    record Answered(CoverageEligibilityResponse response, PendingRecord record) {
    }

    /** The HAPI parser configured as $submit uses it: invalid values are errors, unknown elements are ignored silently. */
    static IParser parser(FhirContext context, EncodingEnum encoding) {
        IParser parser = encoding == EncodingEnum.XML ? context.newXmlParser() : context.newJsonParser();
        LenientErrorHandler errors = new LenientErrorHandler(false);
        errors.setErrorOnInvalidValue(true);
        parser.setParserErrorHandler(errors);
        return parser;
    }

    private IBaseResource parse(String body, EncodingEnum encoding) {
        return parse(context, body, encoding);
    }

    /**
     * Parses a body; XML with a DOCTYPE or entity declaration and numbers out of {@link DecimalBounds} are refused
     * before the parser sees them (so nothing is ever resolved, read from disk or fetched, and no number costs more
     * than its length), and every parser failure, of whatever exception type, becomes a 400 naming the body.
     */
    static IBaseResource parse(FhirContext context, String body, EncodingEnum encoding) {
        if (encoding == EncodingEnum.XML && XML_DECLARATION.matcher(body).find()) {
            throw FhirErrors.badRequest("body", "XML with a DOCTYPE or entity declaration is not accepted (external entities are never resolved)");
        }
        DecimalBounds.check(body, encoding);
        try {
            return parser(context, encoding).parseResource(body);
        } catch (RuntimeException e) {
            // Parsers throw assorted runtime exceptions on hostile input (deep nesting, bad numbers); all are the client's.
            throw FhirErrors.badRequest("body", "the body is not a readable FHIR " + encoding.name() + " resource"
                    + (e.getMessage() == null ? "" : ": " + ErrorResponses.clientText(e.getMessage())));
        }
    }
}
