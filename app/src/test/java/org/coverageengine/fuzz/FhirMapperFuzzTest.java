package org.coverageengine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.fhir.CodeSystemProvider;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.FhirExchange;
import org.coverageengine.adapter.fhir.FhirRequestReader;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.port.out.Knowledge;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;

/**
 * The $submit exchange on any text: an accepted request is answered with exactly one item per request item, in
 * order, each with an outcome from the determination CodeSystem; a refused one is a 4xx OperationOutcome naming
 * the element at fault; the command line's reader accepts exactly what the exchange accepts.
 */
class FhirMapperFuzzTest {

    static final FhirSettings SETTINGS = FhirSettings.DEFAULTS;
    static final Knowledge KNOWLEDGE = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(), 1);
    static final PolicyDirectory POLICIES = new PolicyDirectory(() -> KNOWLEDGE);
    static final FhirExchange EXCHANGE = new FhirExchange(CoverageFhirServer.fhirContext(), SETTINGS,
            new CoverageDeterminer(() -> KNOWLEDGE, Clock.systemUTC()), POLICIES);
    static final FhirRequestReader READER = new FhirRequestReader(SETTINGS);
    static final Set<String> OUTCOMES = new CodeSystemProvider(SETTINGS, POLICIES).read(new IdType("coverage-determination"))
            .getConcept().stream().map(CodeSystem.ConceptDefinitionComponent::getCode).collect(Collectors.toSet());
    /** A parser more lenient than the exchange's, to read back the request items an accepted body held. */
    static final FhirContext LENIENT = FhirContext.forR4Cached();

    @FuzzTest(maxDuration = "10m")
    void requests(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        EncodingEnum encoding = text.stripLeading().startsWith("<") ? EncodingEnum.XML : EncodingEnum.JSON;
        CoverageEligibilityResponse response;
        try {
            response = EXCHANGE.answer(text, encoding);
        } catch (BaseServerResponseException refused) {
            assertRefusal(refused);
            assertReaderRefuses(text);
            return;
        }
        READER.read(text);
        assertAnswers(requestIn(text, encoding), response);
    }

    private static void assertRefusal(BaseServerResponseException refused) {
        assertThat(refused.getStatusCode()).as("status of %s", refused.getMessage()).isBetween(400, 499);
        assertThat(refused.getOperationOutcome()).isInstanceOf(OperationOutcome.class);
        OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
        assertThat(outcome.getIssue()).hasSize(1);
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(issue.getDiagnostics()).isNotBlank();
        assertThat(issue.getExpression()).as("element path of: %s", issue.getDiagnostics()).isNotEmpty();
        assertThat(issue.getExpression().get(0).getValue()).isNotBlank();
    }

    private static void assertReaderRefuses(String text) {
        try {
            READER.read(text);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        throw new AssertionError("the command line's reader accepted a request the server refuses");
    }

    private static void assertAnswers(CoverageEligibilityRequest request, CoverageEligibilityResponse response) {
        assertThat(response.getInsurance()).hasSize(1);
        List<CoverageEligibilityResponse.ItemsComponent> items = response.getInsuranceFirstRep().getItem();
        assertThat(items).as("one response item per request item").hasSameSizeAs(request.getItem());
        for (int i = 0; i < items.size(); i++) {
            CoverageEligibilityRequest.DetailsComponent asked = request.getItem().get(i);
            CoverageEligibilityResponse.ItemsComponent answered = items.get(i);
            assertThat(answered.getProductOrService().equalsDeep(asked.getProductOrService())).as("item %s in order", i).isTrue();
            assertThat(answered.getCategory().equalsDeep(asked.getCategory())).as("item %s in order", i).isTrue();
            Extension determination = answered.getExtensionByUrl(SETTINGS.determinationExtension());
            assertThat(determination).as("item %s has a determination", i).isNotNull();
            Coding outcome = (Coding) determination.getValue();
            assertThat(outcome.getSystem()).isEqualTo(SETTINGS.determinationCodeSystem());
            assertThat(outcome.getCode()).isIn(OUTCOMES);
        }
    }

    /** The CoverageEligibilityRequest an accepted body held: itself, or in a Parameters and/or a Bundle. */
    private static CoverageEligibilityRequest requestIn(String text, EncodingEnum encoding) {
        IBaseResource body = (encoding == EncodingEnum.XML ? LENIENT.newXmlParser() : LENIENT.newJsonParser()).parseResource(text);
        if (body instanceof Parameters parameters) {
            body = parameters.getParameter().stream().map(Parameters.ParametersParameterComponent::getResource)
                    .filter(r -> r != null).findFirst().orElseThrow();
        }
        if (body instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                if (resource instanceof CoverageEligibilityRequest found) {
                    return found;
                }
            }
        }
        return (CoverageEligibilityRequest) body;
    }
}
