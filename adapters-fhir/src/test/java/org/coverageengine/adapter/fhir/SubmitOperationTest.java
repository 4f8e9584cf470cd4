package org.coverageengine.adapter.fhir;

import static org.coverageengine.adapter.fhir.Requests.request;
import static org.coverageengine.adapter.fhir.Requests.withCoverageType;
import static org.coverageengine.adapter.fhir.RunningServer.SETTINGS;
import static org.coverageengine.adapter.fhir.RunningServer.postJson;
import static org.coverageengine.adapter.fhir.RunningServer.postXml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.domain.determination.PaymentTypology;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** $submit over real HTTP: the worked examples, every input form, and every field of the response table. */
class SubmitOperationTest {

    static CoverageEligibilityResponse ok(RunningServer.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.as(CoverageEligibilityResponse.class);
    }

    static List<CoverageEligibilityResponse.ItemsComponent> items(CoverageEligibilityResponse response) {
        return response.getInsuranceFirstRep().getItem();
    }

    static String outcome(CoverageEligibilityResponse.ItemsComponent item) {
        return ((Coding) item.getExtensionByUrl(SETTINGS.determinationExtension()).getValue()).getCode();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "63047:M48.061 95940:M48.061 | no-policy not-covered",
        "64483:M54.16 95940:M54.16 | no-policy not-covered",
        "61510:C71.1 95940:C71.1 95930:C71.1 | no-policy conditional not-covered",
        "95940:C71.1 | not-covered",
        "S3900:M54.50 | experimental"})
    @DisplayName("worked examples of coverage-rules.md, item by item in request order")
    void workedExamples(String lines, String outcomes) {
        CoverageEligibilityResponse response = ok(postJson(request(lines.strip().split(" "))));
        List<String> expected = List.of(outcomes.strip().split(" "));
        assertEquals(expected, items(response).stream().map(SubmitOperationTest::outcome).toList());
    }

    @Test
    @DisplayName("S9090 under Medicare (SOPT 1) is not covered")
    void spinalDecompressionMedicare() {
        CoverageEligibilityResponse response = ok(postJson(withCoverageType(request("S9090"), PaymentTypology.SOPT, "1")));
        assertEquals("not-covered", outcome(items(response).get(0)));
    }

    @Test
    @DisplayName("every field of the response table is filled")
    void responseFields() {
        CoverageEligibilityRequest req = request("61510:C71.1", "95940:C71.1", "95925:C71.1", "99213:J06.9");
        req.getItemFirstRep().addModifier(new CodeableConcept().addCoding(new Coding(null, "LT", null)));
        req.getItem().get(2).getQuantity().setValue(3);
        CoverageEligibilityResponse response = ok(postJson(req));
        assertEquals(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE, response.getStatus());
        assertEquals("CoverageEligibilityRequest/req-1", response.getRequest().getReference());
        assertEquals("Patient/example", response.getPatient().getReference());
        assertEquals("Organization/payer", response.getInsurer().getReference());
        assertEquals("auth-requirements", response.getPurpose().get(0).getValue().toCode());
        assertTrue(response.hasCreated());
        assertEquals(Enumerations.RemittanceOutcome.COMPLETE, response.getOutcome());
        assertTrue(response.getDisposition().contains("2 conditional"), response.getDisposition());
        String knowledgeVersion = response.getExtensionByUrl(SETTINGS.knowledgeVersionExtension()).getValue().primitiveValue();
        for (CsvPolicyPack pack : CsvPolicyPack.embedded()) {
            assertTrue(knowledgeVersion.contains(pack.describe()), knowledgeVersion);
        }

        List<CoverageEligibilityResponse.ItemsComponent> items = items(response);
        assertEquals(4, items.size());
        assertEquals("61510", items.get(0).getProductOrService().getCodingFirstRep().getCode());
        assertEquals("LT", items.get(0).getModifierFirstRep().getCodingFirstRep().getCode());
        var iom = items.get(1);
        assertEquals("conditional", outcome(iom));
        assertFalse(iom.getExcluded());
        assertTrue(iom.getName().startsWith("Continuous intraoperative neurophysiology monitoring"), iom.getName());
        assertTrue(iom.getDescription().contains("Policy 0509 (Intraoperative Monitoring)"), iom.getDescription());
        assertTrue(iom.getAuthorizationSupporting().size() >= 11);
        assertEquals(SETTINGS.criteriaCodeSystem(), iom.getAuthorizationSupportingFirstRep().getCodingFirstRep().getSystem());
        assertFalse(iom.hasAuthorizationRequired(), "policy 0509 does not require prior authorization");
        var baseline = items.get(2);
        assertEquals(1, baseline.getBenefitFirstRep().getAllowedUnsignedIntType().getValue());
        assertEquals(3, baseline.getBenefitFirstRep().getUsedUnsignedIntType().getValue());
        assertTrue(baseline.getDescription().contains("2 unit(s) above the limit"));
        var pain = items.get(3);
        assertEquals("no-policy", outcome(pain));
        assertFalse(pain.hasExcluded(), "excluded is absent for no-policy");
    }

    @Test
    @DisplayName("prior authorization and criteria for S9090 under workers' compensation (v3 WCBPOL)")
    void priorAuthorization() {
        var item = items(ok(postJson(withCoverageType(request("S9090"), PaymentTypology.ACT_CODE, "WCBPOL")))).get(0);
        assertEquals("conditional", outcome(item));
        assertTrue(item.getAuthorizationRequired());
        assertEquals(4, item.getAuthorizationSupporting().size());
    }

    @ParameterizedTest(name = "Coverage.type {0}|{1}: S9090 is {2}")
    @CsvSource({
        "urn:oid:2.16.840.1.113883.3.221.5, 1, not-covered",
        "urn:oid:2.16.840.1.113883.3.221.5, 121, not-covered",
        "urn:oid:2.16.840.1.113883.3.221.5, 111, no-policy",
        "https://nahdo.org/sopt, 2, no-policy",
        "urn:oid:2.16.840.1.113883.3.221.5, 511, experimental",
        "urn:oid:2.16.840.1.113883.3.221.5, 6, experimental",
        "urn:oid:2.16.840.1.113883.3.221.5, 71, experimental",
        "urn:oid:2.16.840.1.113883.3.221.5, 95, conditional",
        "urn:oid:2.16.840.1.113883.3.221.5, 96, conditional",
        "http://terminology.hl7.org/CodeSystem/v3-ActCode, AUTOPOL, conditional",
        "http://terminology.hl7.org/CodeSystem/v3-ActCode, EHCPOL, experimental"})
    void lineOfBusinessFromCoverageType(String system, String code, String expected) {
        assertEquals(expected, outcome(items(ok(postJson(withCoverageType(request("S9090"), system, code)))).get(0)));
    }

    @Test
    @DisplayName("no Coverage: COMMERCIAL assumed and said")
    void commercialAssumed() {
        CoverageEligibilityResponse response = ok(postJson(request("S9090")));
        assertTrue(response.getDisposition().contains("COMMERCIAL was assumed"), response.getDisposition());
    }

    @Test
    @DisplayName("date of service from servicedPeriod.start, else today (said)")
    void dateOfService() {
        CoverageEligibilityRequest req = request("64483:M54.16", "95940:M54.16");
        req.setServiced(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2024-09-14")));
        CoverageEligibilityResponse before = ok(postJson(req));
        assertEquals("no-policy", outcome(items(before).get(1)), "2024-09-14 is before policy 0509");
        req.setServiced(null);
        assertTrue(ok(postJson(req)).getDisposition().contains("today's date"));
    }

    @Test
    @DisplayName("the same request as XML")
    void xml() {
        CoverageEligibilityResponse response = ok(postXml(request("64483:M54.16", "95940:M54.16")));
        assertEquals("not-covered", outcome(items(response).get(1)));
    }

    @Test
    @DisplayName("a Bundle with the Coverage and Conditions as entries")
    void bundle() {
        CoverageEligibilityRequest req = request("63047", "95940");
        req.getItem().forEach(item -> item.addDiagnosis().setDiagnosis(new Reference("Condition/c1")));
        req.addInsurance().setCoverage(new Reference("urn:uuid:0b1c6c5e-8b57-4e86-9d3b-2b7ef1f1a001"));
        Condition condition = new Condition();
        condition.setId("c1");
        condition.setSubject(new Reference("Patient/example"));
        condition.setCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M48.061", null)));
        var coverage = withCoverageType(request(), PaymentTypology.SOPT, "5").getContained().get(0);
        coverage.setId((String) null);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("http://example.org/fhir/CoverageEligibilityRequest/req-1").setResource(req);
        bundle.addEntry().setFullUrl("http://example.org/fhir/Condition/c1").setResource(condition);
        bundle.addEntry().setFullUrl("urn:uuid:0b1c6c5e-8b57-4e86-9d3b-2b7ef1f1a001").setResource(coverage);
        CoverageEligibilityResponse response = ok(postJson(bundle));
        assertEquals("not-covered", outcome(items(response).get(1)), "rule 5 with the diagnosis from the bundled Condition");
        assertFalse(response.getDisposition().contains("assumed"), response.getDisposition());
    }

    @Test
    @DisplayName("a Parameters with a 'resource' parameter")
    void parameters() {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("resource").setResource(request("95940:C71.1"));
        assertEquals("not-covered", outcome(items(ok(postJson(parameters))).get(0)));
    }

    @Test
    @DisplayName("attestations: contained Observations coded from the criteria CodeSystem make the line covered")
    void attestations() {
        CoverageEligibilityRequest req = request("61510:C71.1", "95940:C71.1", "95926:C71.1");
        int n = 0;
        for (String code : List.of("iom-performer-qualified", "iom-interpreter-qualified", "iom-real-time-communication",
                "iom-risk-cranial-nerve")) {
            Observation observation = new Observation();
            observation.setId("att" + n);
            observation.setStatus(Observation.ObservationStatus.FINAL);
            observation.setCode(new CodeableConcept().addCoding(new Coding(SETTINGS.criteriaCodeSystem(), code, null)));
            observation.setValue(new BooleanType(true));
            req.addContained(observation);
            req.addSupportingInfo().setSequence(++n).setInformation(new Reference("#att" + (n - 1)));
        }
        List<CoverageEligibilityResponse.ItemsComponent> items = items(ok(postJson(req)));
        assertEquals("covered", outcome(items.get(1)));
        assertEquals("covered", outcome(items.get(2)), "the baseline study follows the IOM line");
    }

    @Test
    @DisplayName("invalid codes are answered item by item and listed in error; outcome partial")
    void invalidCodes() {
        CoverageEligibilityRequest req = request("61510:C71.1", "95940:M51.36", "9594");
        CoverageEligibilityResponse response = ok(postJson(req));
        assertEquals(Enumerations.RemittanceOutcome.PARTIAL, response.getOutcome());
        assertEquals(List.of("no-policy", "invalid", "invalid"), items(response).stream().map(SubmitOperationTest::outcome).toList());
        assertEquals(2, response.getError().size());
        assertTrue(response.getError().get(0).getCode().getText().contains("item[1]"));
        assertNull(items(response).get(1).getExcludedElement().getValue());
    }

    @Test
    @DisplayName("all lines invalid: outcome error")
    void allInvalid() {
        assertEquals(Enumerations.RemittanceOutcome.ERROR, ok(postJson(request("ABCDE"))).getOutcome());
    }

    @Test
    @DisplayName("an unknown code system makes the line invalid, naming the system")
    void unknownSystem() {
        CoverageEligibilityRequest req = request();
        req.addItem().setProductOrService(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "80146002", null)));
        var item = items(ok(postJson(req))).get(0);
        assertEquals("invalid", outcome(item));
        assertTrue(item.getDescription().contains("http://snomed.info/sct"));
    }
}
