package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import ca.uhn.fhir.util.FhirTerser;
import java.net.URI;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.UriType;

/**
 * HAPI's CapabilityStatement provider, which also answers OperationDefinition reads: here it serves the
 * definition of $submit as this server implements it, under the id CoverageEligibilityRequest-submit, and, when
 * access tokens are required, declares SMART-on-FHIR security with the token endpoint.
 */
final class OperationDefinitionProvider extends ServerCapabilityStatementProvider {

    static final String ID = "CoverageEligibilityRequest-submit";
    /** The SMART App Launch extension naming the OAuth endpoints in {@code rest.security}. */
    static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    static final String SECURITY_SERVICES = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    private final URI tokenEndpoint;

    OperationDefinitionProvider(RestfulServer server, URI tokenEndpoint) {
        super(server);
        this.tokenEndpoint = tokenEndpoint;
    }

    @Override
    protected void postProcess(FhirTerser terser, IBaseConformance conformance) {
        super.postProcess(terser, conformance);
        if (tokenEndpoint != null && conformance instanceof CapabilityStatement statement) {
            CapabilityStatement.CapabilityStatementRestSecurityComponent security = new CapabilityStatement.CapabilityStatementRestSecurityComponent();
            security.addService(new CodeableConcept().addCoding(new Coding(SECURITY_SERVICES, "SMART-on-FHIR",
                    "SMART-on-FHIR")).setText("SMART Backend Services: OAuth 2 client credentials with a signed JWT assertion"));
            Extension oauthUris = new Extension(OAUTH_URIS);
            oauthUris.addExtension(new Extension("token", new UriType(tokenEndpoint.toString())));
            security.addExtension(oauthUris);
            security.setDescription("Send an access token from the token endpoint as Authorization: Bearer <token>; $submit needs "
                    + "system/CoverageEligibilityRequest.c (or .write). See .well-known/smart-configuration.");
            statement.getRestFirstRep().setSecurity(security);
        }
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
