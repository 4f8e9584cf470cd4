package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationDefinition;

/**
 * HAPI's CapabilityStatement provider, which also answers OperationDefinition reads: here it serves the
 * definition of $submit as this server implements it, under the id CoverageEligibilityRequest-submit.
 */
final class OperationDefinitionProvider extends ServerCapabilityStatementProvider {

    static final String ID = "CoverageEligibilityRequest-submit";

    OperationDefinitionProvider(RestfulServer server) {
        super(server);
    }

    @Override
    public IBaseResource readOperationDefinition(IIdType id, RequestDetails request) {
        if (ID.equals(id.getIdPart())) {
            return definition();
        }
        return super.readOperationDefinition(id, request);
    }

    static OperationDefinition definition() {
        OperationDefinition definition = new OperationDefinition();
        definition.setId(ID);
        definition.setUrl(SubmitOperation.CANONICAL);
        definition.setName("CoverageEligibilityRequestSubmit");
        definition.setTitle("Submit a CoverageEligibilityRequest for an explained coverage determination");
        definition.setStatus(Enumerations.PublicationStatus.ACTIVE);
        definition.setKind(OperationDefinition.OperationKind.OPERATION);
        definition.setCode("submit");
        definition.addResource("CoverageEligibilityRequest");
        definition.setSystem(false);
        definition.setType(true);
        definition.setInstance(false);
        definition.setAffectsState(false);
        definition.setDescription("Accepts a CoverageEligibilityRequest, a Bundle holding exactly one (with the Coverage and Condition "
                + "resources it references), or a Parameters with a 'resource' parameter holding either, in JSON or XML. Returns a "
                + "CoverageEligibilityResponse with one item per request item, in order, each carrying the coverage-determination extension.");
        definition.addParameter().setName("resource").setUse(OperationDefinition.OperationParameterUse.IN).setMin(1).setMax("1")
                .setType("Resource").setDocumentation("The CoverageEligibilityRequest, or a Bundle holding it.");
        definition.addParameter().setName("return").setUse(OperationDefinition.OperationParameterUse.OUT).setMin(1).setMax("1")
                .setType("CoverageEligibilityResponse").setDocumentation("The explained determinations.");
        return definition;
    }
}
