package org.coverageengine.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.determination.PaymentTypology;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.coverageengine.domain.testing.SharedData;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** NCCI reasons over $submit, shown the way policy reasons are: outcome extension, excluded, description, benefit. */
class NcciOverHttpTest {

    private static CoverageFhirServer server;

    @BeforeAll
    static void start() throws Exception {
        LoadedKnowledge knowledge = new LoadedKnowledge(KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(
                CodeFile.read(SharedData.external("ncci/ccipra-v322r0-f1.excerpt.txt"), ProgressListener.NONE),
                CodeFile.read(SharedData.external("ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv"), ProgressListener.NONE)), 1));
        server = new CoverageFhirServer("127.0.0.1", 0, RunningServer.SETTINGS, new CoverageDeterminer(knowledge, Clock.systemUTC()),
                new PolicyDirectory(knowledge)).start();
    }

    @AfterAll
    static void stop() {
        // Null when the NCCI excerpts are absent: the start was aborted with a message that says so, which a failing
        // stop would hide.
        if (server != null) {
            server.close();
        }
    }

    private static CoverageEligibilityResponse submit(String date, String... lines) {
        CoverageEligibilityRequest request = Requests.withCoverageType(Requests.request(), PaymentTypology.SOPT, "1");
        request.setServiced(new DateType(date));
        for (String line : lines) {
            String[] parts = line.split("x|-");
            CoverageEligibilityRequest.DetailsComponent item = request.addItem();
            item.setProductOrService(new CodeableConcept().addCoding(new Coding("http://www.ama-assn.org/go/cpt", parts[0], null)));
            if (line.contains("x")) {
                item.getQuantity().setValue(Integer.parseInt(line.replaceAll(".*x(\\d+).*", "$1")));
            }
            if (line.contains("-")) {
                item.addModifier(new CodeableConcept().addCoding(new Coding("http://www.ama-assn.org/go/cpt", line.replaceAll(".*-", ""), null)));
            }
        }
        RunningServer.Reply reply = RunningServer.post(server.baseUrl(), "/CoverageEligibilityRequest/$submit", "application/fhir+json",
                RunningServer.FHIR.newJsonParser().encodeResourceToString(request).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.as(CoverageEligibilityResponse.class);
    }

    private static String outcome(CoverageEligibilityResponse.ItemsComponent item) {
        Extension extension = item.getExtension().get(0);
        return ((Coding) extension.getValue()).getCode();
    }

    @Test
    void aBundledColumnTwoLineIsExcludedAndItsDescriptionNamesTheEdit() {
        List<CoverageEligibilityResponse.ItemsComponent> items = submit("2023-06-15", "0001A", "36591-59").getInsuranceFirstRep().getItem();
        assertThat(outcome(items.get(1))).isEqualTo("bundled");
        assertThat(items.get(1).getExcluded()).isTrue();
        assertThat(items.get(1).getDescription()).contains("NCCI PTP edit 0001A/36591", "modifier indicator 0",
                "Citations: NCCI PTP Medicare practitioner PTP table ccipra-v322r0-f1.excerpt.txt (version 2026-07-01)");
        assertThat(outcome(items.get(0))).isEqualTo("no-policy");
    }

    @Test
    void aModifierThatBypassesIsNamed() {
        CoverageEligibilityResponse.ItemsComponent item = submit("2023-06-15", "0001A", "96160-XU").getInsuranceFirstRep().getItem().get(1);
        assertThat(outcome(item)).isEqualTo("no-policy");
        assertThat(item.getDescription()).contains("modifier XU on line 2");
    }

    @Test
    void anMueDenialCarriesTheUnitsInItsBenefit() {
        CoverageEligibilityResponse response = submit("2026-08-01", "0009U", "0009Ux2");
        CoverageEligibilityResponse.ItemsComponent item = response.getInsuranceFirstRep().getItem().get(1);
        assertThat(outcome(item)).isEqualTo("not-covered");
        assertThat(item.getExcluded()).isTrue();
        assertThat(item.getBenefitFirstRep().getType().getText()).contains("NCCI MUE");
        assertThat(item.getBenefitFirstRep().getAllowedUnsignedIntType().getValue()).isEqualTo(2);
        assertThat(item.getBenefitFirstRep().getUsedUnsignedIntType().getValue()).isEqualTo(2);
        assertThat(item.getDescription()).contains("NCCI MUE for 0009U", "3 Date of Service Edit: Clinical");
    }

    @Test
    void theDispositionSaysWhenNoMueQuarterCoversTheDate() {
        assertThat(submit("2026-06-30", "0009Ux5").getDisposition()).contains("No NCCI MUE was applied");
    }
}
