package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationDefinition;

/** Serves the definition of $submit as this server implements it. */
public final class OperationDefinitionProvider implements IResourceProvider {

    static final String ID = "CoverageEligibilityRequest-submit";

    @Override
    public Class<OperationDefinition> getResourceType() {
        return OperationDefinition.class;
    }

    /** GET [base]/OperationDefinition/CoverageEligibilityRequest-submit. */
    @Read
    public OperationDefinition read(@IdParam IdType id) {
        if (!ID.equals(id.getIdPart())) {
            throw new ResourceNotFoundException("OperationDefinition/" + id.getIdPart() + " is not known here (try " + ID + ")");
        }
        return definition();
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
