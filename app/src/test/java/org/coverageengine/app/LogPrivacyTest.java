package org.coverageengine.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Requests carrying canary patient names, identifiers and diagnoses, on success and error paths, against the real
 * server with the shipped logging configuration: none of the canaries may appear in any log event at INFO or above.
 */
class LogPrivacyTest {

    static final String NAME = "Zebulon Canaryfield";
    static final String MRN = "MRN-CANARY-7731";
    static final String BIRTH = "1931-07-19";
    static final String DX1 = "C71.1";
    static final String DX2 = "G93.5";
    static final List<String> CANARIES = List.of(NAME, "Canaryfield", MRN, BIRTH, DX1, DX2, "C711", "G935");

    static String request(String quantity, String conditionReference, String date) {
        return "{\"resourceType\":\"CoverageEligibilityRequest\",\"id\":\"" + MRN + "\",\"status\":\"active\",\"purpose\":[\"validation\"],"
                + "\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"pat\",\"identifier\":[{\"system\":\"urn:mrn\",\"value\":\"" + MRN + "\"}],"
                + "\"name\":[{\"text\":\"" + NAME + "\"}],\"birthDate\":\"" + BIRTH + "\"},"
                + "{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"#pat\"},\"code\":{\"coding\":[{\"system\":"
                + "\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"" + DX2 + "\"}],\"text\":\"" + NAME + " tumour\"}}],"
                + "\"patient\":{\"reference\":\"#pat\",\"display\":\"" + NAME + "\"},\"created\":\"2025-03-01\","
                + "\"insurer\":{\"reference\":\"Organization/1\"},\"servicedDate\":\"" + date + "\",\"item\":["
                + "{\"productOrService\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"61510\"}]},"
                + "\"diagnosis\":[{\"diagnosisCodeableConcept\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"" + DX1 + "\"}]}}]},"
                + "{\"productOrService\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"95940\"}]},\"quantity\":{\"value\":" + quantity + "},"
                + "\"diagnosis\":[{\"diagnosisReference\":{\"reference\":\"" + conditionReference + "\"}}]}]}";
    }

    @Test
    void noPatientDataInLogsAtInfoOrAbove() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        LoadedKnowledge knowledge = new LoadedKnowledge(KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(), 1));
        List<Integer> statuses = new ArrayList<>();
        try (CoverageFhirServer server = new CoverageFhirServer("127.0.0.1", 0, FhirSettings.DEFAULTS,
                new CoverageDeterminer(knowledge, Clock.systemUTC()), new PolicyDirectory(knowledge)).start()) {
            HttpClient client = HttpClient.newHttpClient();
            String submit = server.baseUrl() + "/CoverageEligibilityRequest/$submit";
            List<String[]> cases = List.of(
                    new String[] {"application/fhir+json", request("1", "#c", "2025-03-10")},
                    new String[] {"application/fhir+json", request("-1", "#c", "2025-03-10")},
                    new String[] {"application/fhir+json", request("1", "Condition/" + MRN, "2025-03-10")},
                    new String[] {"application/fhir+json", request("1", "#c", BIRTH.replace("-07-", "-13-"))},
                    new String[] {"application/fhir+json", request("1", "#c", "2025-03-10").substring(0, 400)},
                    new String[] {"text/plain", NAME + " " + MRN + " " + DX1},
                    new String[] {"application/fhir+xml", "<!DOCTYPE x [<!ENTITY n \"" + NAME + "\">]><CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\">"
                            + "<id value=\"" + MRN + "\"/></CoverageEligibilityRequest>"},
                    new String[] {"application/fhir+json", "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"" + NAME + "\"}],\"birthDate\":\"" + BIRTH + "\"}"},
                    new String[] {"application/fhir+json", request("1", "#c", "2025-03-10").replace("\"61510\"", "\"" + MRN + "\"")});
            for (String[] c : cases) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(submit)).header("Content-Type", c[0])
                        .POST(HttpRequest.BodyPublishers.ofString(c[1], StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                statuses.add(response.statusCode());
            }
            statuses.add(client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/CodeSystem/" + MRN)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            statuses.add(client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/Patient/" + MRN)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            root.detachAppender(captured);
        }
        assertTrue(statuses.contains(200) && statuses.contains(400) && statuses.contains(415) && statuses.contains(404), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s < 500), statuses.toString());
        for (ILoggingEvent event : captured.list) {
            if (!event.getLevel().isGreaterOrEqual(Level.INFO)) {
                continue;
            }
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String canary : CANARIES) {
                assertFalse(text.contains(canary), "log event at " + event.getLevel() + " from " + event.getLoggerName() + " contains '" + canary
                        + "': " + text);
            }
        }
    }
}
