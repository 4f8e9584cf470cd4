package org.coverageengine.adapter.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.time.Clock;
import java.util.stream.Stream;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's FHIR context skips HAPI's search for resources to auto-contain when it encodes (a measured sixth of a
 * small exchange). That is only safe because responses never hold a reference to a resource object: these cases
 * prove the server's encoding is byte for byte what HAPI's default options produce, in JSON and XML, including for
 * requests whose references HAPI resolved to contained and bundled resources.
 */
class ServerEncodingTest {

    private static final FhirContext HAPI_DEFAULTS = FhirContext.forR4Cached();
    private static final FhirContext SERVER = CoverageFhirServer.fhirContext();
    private static final FhirExchange EXCHANGE = new FhirExchange(SERVER, FhirSettings.DEFAULTS,
            new CoverageDeterminer(RunningServer.KNOWLEDGE, Clock.systemUTC()), new PolicyDirectory(RunningServer.KNOWLEDGE));

    static Stream<Arguments> requests() {
        CoverageEligibilityRequest withCondition = Requests.request("63047", "95940");
        Condition condition = new Condition();
        condition.setId("dx1");
        condition.setCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M48.061", null)));
        withCondition.addContained(condition);
        withCondition.getItem().forEach(item -> item.addDiagnosis().setDiagnosis(new Reference("#dx1")));

        CoverageEligibilityRequest bundled = Requests.request("61510:C71.1", "95940");
        bundled.getItem().get(1).addDiagnosis().setDiagnosis(new Reference("Condition/c1"));
        Condition bundledCondition = new Condition();
        bundledCondition.setId("c1");
        bundledCondition.setCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "C71.1", null)));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("http://example.org/fhir/CoverageEligibilityRequest/req-1").setResource(bundled);
        bundle.addEntry().setFullUrl("http://example.org/fhir/Condition/c1").setResource(bundledCondition);

        CoverageEligibilityRequest categoryOnly = Requests.request("95940:C71.1");
        categoryOnly.addItem().setCategory(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/ex-benefitcategory", "30", null)));

        return Stream.of(
                Arguments.of("the craniotomy worked example", Requests.request("61510:C71.1", "95940:C71.1", "95925:C71.1", "95930:C71.1")),
                Arguments.of("a contained Coverage (Medicare Advantage)",
                        Requests.withCoverageType(Requests.request("S9090:M54.50"), "https://nahdo.org/sopt", "111")),
                Arguments.of("diagnoses by reference to a contained Condition", withCondition),
                Arguments.of("a Bundle with the Condition as an entry", bundle),
                Arguments.of("an item with only a benefit category", categoryOnly),
                Arguments.of("an invalid code", Requests.request("9594X:C71.1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void encodesExactlyAsHapisDefaultsDo(String name, Resource request) {
        for (EncodingEnum encoding : new EncodingEnum[] {EncodingEnum.JSON, EncodingEnum.XML}) {
            String body = encoding.newParser(HAPI_DEFAULTS).encodeResourceToString(request);
            // Two answers, each encoded once: HAPI remembers on a resource that it looked for resources to contain.
            CoverageEligibilityResponse forServer = EXCHANGE.answer(body, encoding);
            CoverageEligibilityResponse forDefaults = EXCHANGE.answer(body, encoding).setCreated(forServer.getCreated());
            // Every answer has an id of its own; only the encoding is compared.
            forDefaults.setId(forServer.getIdElement().getIdPart());
            String byServer = encoding.newParser(SERVER).encodeResourceToString(forServer);
            String byDefaults = encoding.newParser(HAPI_DEFAULTS).encodeResourceToString(forDefaults);
            assertEquals(byDefaults, byServer, name + " in " + encoding);
            assertFalse(byServer.contains("\"contained\"") || byServer.contains("<contained>"), "responses never contain resources: " + byServer);
            assertTrue(byServer.contains("CoverageEligibilityResponse"));
        }
    }

    @Test
    @DisplayName("the server's context, and only it, has auto-containment off; HAPI's shared context keeps its default")
    void settingStaysOnTheServersContext() {
        assertFalse(SERVER.getParserOptions().isAutoContainReferenceTargetsWithNoId());
        assertTrue(HAPI_DEFAULTS.getParserOptions().isAutoContainReferenceTargetsWithNoId());
    }
}
