package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.determination.CoverageRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads a CoverageEligibilityRequest (or a Bundle or Parameters holding one) from a file's text into the domain's
 * request, for callers outside HTTP such as the command line. Errors name the element path.
 */
public final class FhirRequestReader {

    private final FhirContext context = FhirContext.forR4Cached();
    private final RequestMapper mapper;

    /** Creates a reader; the settings give the criteria CodeSystem used for attestations and the item limit. */
    public FhirRequestReader(FhirSettings settings) {
        this.mapper = new RequestMapper(settings);
    }

    /** What the request file says: the domain request (empty when no item has a code) and the mapping's notices. */
    public record Read(Optional<CoverageRequest> request, List<String> notices) {
    }

    /** Parses JSON or XML (told apart by the first non-blank character); throws IllegalArgumentException saying what and where. */
    public Read read(String text) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("<") && (trimmed.contains("<!DOCTYPE") || trimmed.contains("<!ENTITY"))) {
            throw new IllegalArgumentException("XML with a DOCTYPE or entity declaration is not accepted");
        }
        IBaseResource resource;
        EncodingEnum encoding = trimmed.startsWith("<") ? EncodingEnum.XML : EncodingEnum.JSON;
        try {
            DecimalBounds.check(text, encoding);
            resource = FhirExchange.parse(context, text, encoding);
        } catch (BaseServerResponseException e) {
            // Includes HAPI's own runtime failures on hostile input (a Jazzer finding: an empty JSON key).
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try {
            MappedRequest mapped = mapper.toDomain(resource);
            return new Read(Optional.ofNullable(mapped.request()), mapped.notices());
        } catch (BaseServerResponseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
