package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;

/** The HAPI plain server: registers the $submit operation and the discovery resources. */
final class CoverageRestfulServer extends RestfulServer {
    private static final long serialVersionUID = 1L;

    CoverageRestfulServer(FhirContext context, FhirSettings settings, DetermineCoverage determineCoverage, DescribePolicies policies) {
        super(context);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setResourceProviders(List.of(new SubmitOperation(context, settings, determineCoverage, policies),
                new CodeSystemProvider(settings, policies)));
        setServerConformanceProvider(new OperationDefinitionProvider(this));
        setServerName("Coverage Policy Engine");
        setImplementationDescription("Explained coverage determinations: CoverageEligibilityRequest/$submit");
    }
}
