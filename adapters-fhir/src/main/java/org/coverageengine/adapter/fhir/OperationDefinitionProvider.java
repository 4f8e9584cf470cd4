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
    private final RecordSearchParameters searchParameters;

    OperationDefinitionProvider(RestfulServer server, URI tokenEndpoint, RecordSearchParameters searchParameters) {
        super(server);
        this.tokenEndpoint = tokenEndpoint;
        this.searchParameters = searchParameters;
    }

    @Override
    protected void postProcess(FhirTerser terser, IBaseConformance conformance) {
        super.postProcess(terser, conformance);
        if (conformance instanceof CapabilityStatement statement) {
            describeSearches(statement);
        }
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

    /**
     * The record's searches take their parameters from the request as a whole (to refuse unknown ones with a clear
     * message), so HAPI cannot see them: they are listed here, the two of this server's own with their definitions.
     */
    private void describeSearches(CapabilityStatement statement) {
        for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : statement.getRestFirstRep().getResource()) {
            if (resource.getType().equals(DeterminationProvider.TYPE)) {
                resource.getSearchParam().clear();
                search(resource, "patient", Enumerations.SearchParamType.REFERENCE, null,
                        "The patient as the request referred to it (literal reference); patient:identifier=system|value for its identifier.");
                search(resource, "created", Enumerations.SearchParamType.DATE, null, "When the answer was made; prefixes eq, ge, gt, le, lt.");
                search(resource, "request", Enumerations.SearchParamType.REFERENCE, null, "The CoverageEligibilityRequest answered.");
                search(resource, "outcome", Enumerations.SearchParamType.TOKEN, null, "The processing outcome: complete, partial or error.");
                search(resource, RecordSearchParameters.DETERMINATION, Enumerations.SearchParamType.TOKEN,
                        searchParameters.url(RecordSearchParameters.DETERMINATION), "An item's coverage determination, e.g. not-covered.");
                search(resource, RecordSearchParameters.ITEM_CODE, Enumerations.SearchParamType.TOKEN,
                        searchParameters.url(RecordSearchParameters.ITEM_CODE), "An item's procedure or service code.");
            } else if (resource.getType().equals(AuditEventProvider.TYPE)) {
                resource.getSearchParam().clear();
                search(resource, "date", Enumerations.SearchParamType.DATE, null, "When the event was recorded; prefixes eq, ge, gt, le, lt.");
                search(resource, "entity", Enumerations.SearchParamType.REFERENCE, null, "The determination (CoverageEligibilityResponse) concerned.");
                search(resource, "agent", Enumerations.SearchParamType.REFERENCE, null, "The requesting client, by its OAuth client id.");
                search(resource, "subtype", Enumerations.SearchParamType.TOKEN, null, "The RESTful interaction, e.g. operation, read, search-type.");
                search(resource, "outcome", Enumerations.SearchParamType.TOKEN, null, "0 success, 4 refused (client error), 8 server failure.");
            }
        }
    }

    private static void search(CapabilityStatement.CapabilityStatementRestResourceComponent resource, String name,
            Enumerations.SearchParamType type, String definition, String documentation) {
        CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent parameter = resource.addSearchParam()
                .setName(name).setType(type).setDocumentation(documentation);
        if (definition != null) {
            parameter.setDefinition(definition);
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
