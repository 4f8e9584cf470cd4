package org.coverageengine.adapter.fhir;

import static org.coverageengine.adapter.fhir.Requests.request;
import static org.coverageengine.adapter.fhir.RunningServer.FHIR;
import static org.coverageengine.adapter.fhir.RunningServer.post;
import static org.coverageengine.adapter.fhir.RunningServer.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The errors of the FHIR contract: status, an OperationOutcome, and a diagnostic naming what and where. */
class SubmitErrorsTest {

    static void fails(RunningServer.Reply reply, int status, String... diagnosticParts) {
        assertEquals(status, reply.status(), reply.body());
        OperationOutcome outcome = reply.as(OperationOutcome.class);
        String diagnostics = outcome.getIssueFirstRep().getDiagnostics();
        for (String part : diagnosticParts) {
            assertTrue(diagnostics.contains(part), "'" + part + "' in: " + diagnostics);
        }
        assertEquals(OperationOutcome.IssueSeverity.ERROR, outcome.getIssueFirstRep().getSeverity());
    }

    @Test
    void unparseableJson() {
        fails(post("application/fhir+json", "{\"resourceType\": \"CoverageEligibilityRequest\", \"item\": ["), 400, "body", "not a readable FHIR JSON");
    }

    @Test
    void unparseableXml() {
        fails(post("application/fhir+xml", "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><status value=\"active\"/>"), 400, "body");
    }

    @Test
    void wrongResourceType() {
        Patient patient = new Patient();
        patient.addName().setFamily("Canary");
        fails(postJson(patient), 400, "resourceType", "found Patient");
    }

    @Test
    void bundleWithoutRequest() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setResource(new Patient());
        fails(postJson(bundle), 400, "Bundle.entry", "exactly one CoverageEligibilityRequest, found 0");
    }

    @Test
    void bundleWithTwoRequests() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setResource(request("95940"));
        bundle.addEntry().setResource(request("95941"));
        fails(postJson(bundle), 400, "found 2");
    }

    @Test
    @DisplayName("a Condition reference the Bundle does not hold")
    void danglingBundleReference() {
        CoverageEligibilityRequest req = request("95940");
        req.getItemFirstRep().addDiagnosis().setDiagnosis(new Reference("Condition/missing"));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setResource(req);
        fails(postJson(bundle), 400, "Bundle.entry[0].resource.item[0].diagnosis[0].diagnosisReference", "Condition/missing");
    }

    @Test
    @DisplayName("a contained reference that is not contained")
    void danglingContainedReference() {
        CoverageEligibilityRequest req = request("95940");
        req.getItemFirstRep().addDiagnosis().setDiagnosis(new Reference("#nope"));
        fails(postJson(req), 400, "CoverageEligibilityRequest.item[0].diagnosis[0].diagnosisReference", "nope");
    }

    @Test
    void unsupportedMediaType() {
        fails(post("text/plain", "95940"), 415, "text/plain");
    }

    @Test
    void formEncodedIsUnsupported() {
        fails(post("application/x-www-form-urlencoded", "line=95940"), 415, "application/x-www-form-urlencoded");
    }

    @Test
    void missingContentType() {
        fails(post("/CoverageEligibilityRequest/$submit", null, "{}".getBytes(StandardCharsets.UTF_8)), 415, "Content-Type");
    }

    @Test
    @DisplayName("a body over the configured limit: 413")
    void bodyTooLarge() {
        CoverageEligibilityRequest req = request("95940");
        req.getItemFirstRep().getProductOrService().setText("x".repeat(70 * 1024));
        fails(postJson(req), 413, "limit");
    }

    @Test
    @DisplayName("more items than the configured limit: 413")
    void tooManyItems() {
        String[] lines = new String[51];
        java.util.Arrays.fill(lines, "95940");
        fails(postJson(request(lines)), 413, "item", "51 items", "limit is 50");
    }

    @Test
    @DisplayName("XML with an external entity is rejected and nothing is read")
    void externalEntity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><status value=\"&xxe;\"/></CoverageEligibilityRequest>";
        RunningServer.Reply reply = post("application/fhir+xml", xxe);
        fails(reply, 400, "DOCTYPE");
        assertTrue(!reply.body().contains("root:"), "no file content leaks");
    }

    @Test
    void fractionalQuantity() {
        CoverageEligibilityRequest req = request("95940");
        req.getItemFirstRep().getQuantity().setValue(1.5);
        fails(postJson(req), 400, "CoverageEligibilityRequest.item[0].quantity.value", "1.5");
    }

    @Test
    void negativeQuantity() {
        CoverageEligibilityRequest req = request("95940");
        req.getItemFirstRep().getQuantity().setValue(-2);
        fails(postJson(req), 400, "item[0].quantity.value");
    }

    @Test
    void partialDate() {
        String json = FHIR.newJsonParser().encodeResourceToString(request("95940")).replace("\"2025-03-10\"", "\"2025-03\"");
        fails(post("application/fhir+json", json), 400, "servicedDate", "full date");
    }

    @Test
    void badDate() {
        String json = FHIR.newJsonParser().encodeResourceToString(request("95940")).replace("\"2025-03-10\"", "\"10/03/2025\"");
        fails(post("application/fhir+json", json), 400, "body");
    }

    @ParameterizedTest(name = "servicedDate {0} is refused")
    @ValueSource(strings = {"2025-02-30", "2025-13-01", "2025-00-10", "0000-01-01"})
    void impossibleDate(String date) {
        String json = FHIR.newJsonParser().encodeResourceToString(request("95940")).replace("\"2025-03-10\"", "\"" + date + "\"");
        RunningServer.Reply reply = post("application/fhir+json", json);
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.body().contains("servicedDate") || reply.body().contains("body"), reply.body());
    }

    @ParameterizedTest(name = "servicedPeriod.start {0} is the date of service 2025-03-10")
    @ValueSource(strings = {"2025-03-10", "2025-03-10T08:30:00-05:00", "2025-03-10T23:59:59Z"})
    void dateOfServiceFromAPeriodStart(String start) {
        CoverageEligibilityRequest req = request("95940:C71.1");
        req.setServiced(new org.hl7.fhir.r4.model.Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(start)));
        RunningServer.Reply reply = postJson(req);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains("Date of service 2025-03-10"), reply.body());
    }

    @Test
    void invalidUtf8() {
        byte[] body = "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"act\u00ffve\"}".getBytes(StandardCharsets.ISO_8859_1);
        fails(post("/CoverageEligibilityRequest/$submit", "application/fhir+json", body), 400, "UTF-8");
    }

    @Test
    void emptyBody() {
        fails(post("application/fhir+json", ""), 400, "empty");
    }

    @Test
    @DisplayName("the server keeps answering after errors")
    void keepsAnswering() {
        post("application/fhir+json", "{{{{");
        assertEquals(200, postJson(request("95940:C71.1")).status());
    }
}
