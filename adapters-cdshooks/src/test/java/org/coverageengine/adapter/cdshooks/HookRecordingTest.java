package org.coverageengine.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import org.coverageengine.domain.record.RecordUnavailableException;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What each answered call hands to the recorder (CRD found-11, found-37): the exchange and every assertion it made. */
class HookRecordingTest {

    private static final List<HookRecorder.HookExchange> RECORDED = new CopyOnWriteArrayList<>();
    private static CdsServer server;

    @BeforeAll
    static void start() {
        server = new CdsServer(CdsSettings.DEFAULTS, null, RECORDED::add);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void handsOverTheCallTheAnswerAndOneAssertionPerCoverageAssertionId() throws Exception {
        ObjectNode request = (ObjectNode) CdsServer.JSON.readTree(Files.readString(SharedData.external("davinci-crd/CRDServiceRequest.json")));
        CdsServer.Reply reply = server.post("order-sign-crd", request.toString());
        assertThat(reply.status()).isEqualTo(200);

        HookRecorder.HookExchange exchange = RECORDED.stream().filter(e -> e.hookInstance().equals(request.get("hookInstance").asText()))
                .findFirst().orElseThrow();
        assertThat(exchange.serviceId()).isEqualTo("order-sign-crd");
        assertThat(exchange.hook()).isEqualTo("order-sign");
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.answerJson()).isEqualTo(reply.body());
        assertThat(exchange.patientId()).isEqualTo(request.at("/context/patientId").asText());

        List<String> answered = reply.json().findValues("extension").stream()
                .flatMap(e -> CrdInvariants.coverageInformation(CdsServer.JSON.createObjectNode().set("extension", e)).stream())
                .flatMap(ci -> CrdInvariants.values(ci, "coverage-assertion-id").stream()).toList();
        assertThat(exchange.assertionIds()).containsExactlyInAnyOrderElementsOf(answered);
        for (HookRecorder.Assertion assertion : exchange.assertions()) {
            assertThat(assertion.order()).as("the order answered").contains("/");
            if (assertion.code() != null) {
                assertThat(assertion.determination()).as("a billing code the engine decided on").isNotNull();
                assertThat(assertion.determination().code()).isEqualTo(assertion.code());
                assertThat(assertion.knowledgeVersion()).isNotBlank();
            }
        }
        JsonNode first = reply.json().at("/systemActions/0/resource");
        assertThat(exchange.assertions()).anySatisfy(a -> assertThat(a.order()).endsWith(first.get("id").asText()));
    }

    @ParameterizedTest(name = "recorder failing with {0} -> {1}")
    @CsvSource({"unavailable, 503, transient", "defect, 500, exception"})
    void anAnswerThatCannotBeRecordedIsNotSent(String failure, int status, String issueCode) throws Exception {
        HookRecorder failing = exchange -> {
            throw failure.equals("unavailable")
                    ? new RecordUnavailableException("the database is down", Duration.ofSeconds(2), null)
                    : new IllegalStateException("a defect");
        };
        try (CdsServer refusing = new CdsServer(CdsSettings.DEFAULTS, null, failing)) {
            String request = Files.readString(SharedData.external("davinci-crd/CRDServiceRequest.json"));
            CdsServer.Reply reply = refusing.post("order-sign-crd", request);

            assertThat(reply.status()).isEqualTo(status);
            assertThat(reply.json().at("/resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(reply.json().at("/issue/0/code").asText()).isEqualTo(issueCode);
            assertThat(reply.json().at("/issue/0/diagnostics").asText()).contains("could not be recorded, so it was not sent");
            assertThat(reply.body()).doesNotContain("coverage-assertion-id").doesNotContain("systemActions");
        }
    }
}
