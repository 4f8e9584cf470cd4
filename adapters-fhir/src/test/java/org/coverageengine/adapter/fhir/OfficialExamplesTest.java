package org.coverageengine.adapter.fhir;

import static org.coverageengine.adapter.fhir.RunningServer.FHIR;
import static org.coverageengine.adapter.fhir.RunningServer.SETTINGS;
import static org.coverageengine.adapter.fhir.RunningServer.post;
import static org.coverageengine.adapter.fhir.RunningServer.postJson;
import static org.coverageengine.adapter.fhir.RunningServer.postXml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.coverageengine.domain.determination.PaymentTypology;
import org.coverageengine.domain.testing.SharedData;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official HL7 R4 CoverageEligibilityRequest examples and the Da Vinci PAS bundle's codes, answered over HTTP,
 * and every response validated against the R4 base definitions with HAPI's instance validator.
 */
class OfficialExamplesTest {

    static FhirValidator validator;

    @BeforeAll
    static void validator() {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR));
        validator = FHIR.newValidator();
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        validator.registerValidatorModule(module);
    }

    static void valid(CoverageEligibilityResponse response) {
        List<SingleValidationMessage> errors = validator.validateWithResult(response).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
        assertTrue(errors.isEmpty(), errors.stream().map(m -> m.getLocationString() + " " + m.getMessage()).collect(Collectors.joining("\n")));
    }

    static String example(String name) throws IOException {
        return Files.readString(SharedData.external("fhir-r4-examples/" + name));
    }

    @ParameterizedTest(name = "{0} is answered, not rejected, and the response validates")
    @ValueSource(strings = {"coverageeligibilityrequest-example.json", "coverageeligibilityrequest-example-2.json"})
    void officialExamples(String name) throws IOException {
        RunningServer.Reply reply = post("application/fhir+json", example(name));
        assertEquals(200, reply.status(), reply.body());
        CoverageEligibilityResponse response = reply.as(CoverageEligibilityResponse.class);
        CoverageEligibilityRequest request = FHIR.newJsonParser().parseResource(CoverageEligibilityRequest.class, example(name));
        assertEquals(request.getItem().size(), response.getInsuranceFirstRep().getItem().size());
        assertEquals("CoverageEligibilityRequest/" + request.getIdElement().getIdPart(), response.getRequest().getReference());
        assertTrue(response.getDisposition().contains("Coverage/9876B1 is not included"), response.getDisposition());
        valid(response);
    }

    @Test
    @DisplayName("the category-only item of example 2 is said to be not evaluated")
    void categoryOnlyItem() throws IOException {
        CoverageEligibilityResponse response = post("application/fhir+json", example("coverageeligibilityrequest-example-2.json"))
                .as(CoverageEligibilityResponse.class);
        var item = response.getInsuranceFirstRep().getItemFirstRep();
        assertEquals("69", item.getCategory().getCodingFirstRep().getCode());
        assertTrue(item.getDescription().startsWith("Not evaluated"), item.getDescription());
        assertTrue(response.getError().isEmpty());
    }

    @Test
    @DisplayName("the Da Vinci PAS bundle's codes (HCPCS E0424; J44.9, R09.02, E11.21) are answered no-policy without error")
    void priorAuthBundleCodes() throws IOException {
        Bundle pas = FHIR.newJsonParser().parseResource(Bundle.class,
                Files.readString(SharedData.external("davinci-pas/priorauth-ri-bundle-prior-auth.json")));
        CoverageEligibilityRequest request = new CoverageEligibilityRequest();
        request.setId("from-pas");
        request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        request.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.AUTHREQUIREMENTS);
        request.setPatient(new Reference("Patient/pat013"));
        request.setCreated(new java.util.Date());
        request.setInsurer(new Reference("Organization/org1001"));
        request.setServiced(new DateType("2025-03-10"));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("http://example.org/fhir/CoverageEligibilityRequest/from-pas").setResource(request);
        for (Bundle.BundleEntryComponent entry : pas.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof DeviceRequest device) {
                var item = request.addItem().setProductOrService(device.getCodeCodeableConcept().copy());
                for (Bundle.BundleEntryComponent other : pas.getEntry()) {
                    if (other.getResource() instanceof Condition condition) {
                        item.addDiagnosis().setDiagnosis(new Reference("Condition/" + condition.getIdElement().getIdPart()));
                    }
                }
            }
            if (!(resource instanceof org.hl7.fhir.r4.model.Claim)) {
                bundle.addEntry().setFullUrl(entry.getFullUrl()).setResource(resource);
            }
        }
        assertEquals(1, request.getItem().size());
        assertEquals(3, request.getItemFirstRep().getDiagnosis().size());
        RunningServer.Reply reply = postJson(bundle);
        assertEquals(200, reply.status(), reply.body());
        CoverageEligibilityResponse response = reply.as(CoverageEligibilityResponse.class);
        var item = response.getInsuranceFirstRep().getItemFirstRep();
        assertEquals("E0424", item.getProductOrService().getCodingFirstRep().getCode());
        assertEquals("no-policy", ((Coding) item.getExtensionByUrl(SETTINGS.determinationExtension()).getValue()).getCode());
        assertTrue(response.getError().isEmpty());
        assertEquals(Enumerations.RemittanceOutcome.COMPLETE, response.getOutcome());
        valid(response);
    }

    @ParameterizedTest(name = "response for {0} validates (JSON and XML)")
    @ValueSource(strings = {"61510:C71.1 95940:C71.1 95930:C71.1 95925:C71.1", "64483:M54.16 95940:M54.16", "S9090", "9594 95940:M51.36"})
    void responsesValidate(String lines) {
        CoverageEligibilityRequest request = Requests.request(lines.split(" "));
        valid(postJson(request).as(CoverageEligibilityResponse.class));
        valid(postXml(request).as(CoverageEligibilityResponse.class));
    }

    @Test
    @DisplayName("a request with a contained Coverage validates in its response")
    void containedCoverage() {
        var request = Requests.withCoverageType(Requests.request("S9090"), PaymentTypology.SOPT, "95");
        request.getItemFirstRep().addDiagnosis().setDiagnosis(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M51.26", null)));
        valid(postJson(request).as(CoverageEligibilityResponse.class));
    }

}
