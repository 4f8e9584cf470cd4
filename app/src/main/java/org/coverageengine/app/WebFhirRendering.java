package org.coverageengine.app;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.FhirExchange;
import org.coverageengine.adapter.fhir.FhirRequestWriter;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.adapter.web.FhirRendering;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;

/** The web pages' FHIR text: the request written by the FHIR adapter, answered by the same exchange $submit runs. */
final class WebFhirRendering implements FhirRendering {

    private final FhirRequestWriter writer;
    private final FhirExchange exchange;

    WebFhirRendering(FhirSettings settings, DetermineCoverage determine, DescribePolicies policies) {
        this.writer = new FhirRequestWriter(CoverageFhirServer.fhirContext(), settings);
        this.exchange = new FhirExchange(CoverageFhirServer.fhirContext(), settings, determine, policies);
    }

    @Override
    public Exchange render(CoverageRequest request) {
        String body = writer.json(request);
        String response;
        try {
            response = CoverageFhirServer.fhirContext().newJsonParser().setPrettyPrint(true)
                    .encodeResourceToString(exchange.answer(body, EncodingEnum.JSON));
        } catch (BaseServerResponseException e) {
            response = "The FHIR endpoint refuses this request (HTTP " + e.getStatusCode() + "): " + e.getMessage();
        }
        return new Exchange(body, response);
    }
}
