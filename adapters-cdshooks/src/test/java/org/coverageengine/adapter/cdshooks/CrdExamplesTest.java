package org.coverageengine.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Da Vinci CRD 2.2.1 example hook requests, answered as CRD requires. */
class CrdExamplesTest {

    private static CdsServer server;

    @BeforeAll
    static void start() {
        server = new CdsServer(new CdsSettings("Acme Health Plan", Set.of(), Duration.ofSeconds(2), true, 1024 * 1024), null, HookRecorder.NONE);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ObjectNode example(String name) throws IOException {
        return (ObjectNode) CdsServer.JSON.readTree(Files.readString(SharedData.external("davinci-crd/" + name)));
    }

    @Test
    @DisplayName("CRDServiceRequest.json (prefetch given): one update system action per draft order, the order unchanged but for"
            + " coverage-information, no coverage card")
    void prefetchedExample() throws IOException {
        ObjectNode request = example("CRDServiceRequest.json");
        CdsServer.Reply reply = server.post("order-sign-crd", request.toString());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode actions = reply.json().get("systemActions");
        JsonNode orders = request.at("/context/draftOrders/entry");
        assertThat(actions).hasSize(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            JsonNode action = actions.get(i);
            assertThat(action.get("type").asText()).isEqualTo("update");
            assertThat(action.get("description").asText()).isNotBlank();
            ObjectNode updated = (ObjectNode) action.get("resource").deepCopy();
            List<JsonNode> info = CrdInvariants.coverageInformation(updated);
            assertThat(info).isNotEmpty();
            info.forEach(CrdInvariants::check);
            info.forEach(ci -> assertThat(CrdInvariants.values(ci, "date")).containsExactly(LocalDate.now().toString()));
            ((ArrayNode) updated.get("extension")).removeAll();
            updated.remove("extension");
            assertThat(updated).as("resp-37: nothing but coverage-information changed").isEqualTo(orders.get(i).get("resource"));
        }
        JsonNode first = actions.get(0).get("resource");
        assertThat(CrdInvariants.coverageInformation(first)).as("one repetition per billing option")
                .hasSize(first.at("/code/extension").size());
        assertThat(reply.json().get("cards").findValuesAsText("code")).doesNotContain("coverage-info");
        List<String> ids = actions.findValues("extension").stream().flatMap(e -> CrdInvariants.coverageInformation(
                CdsServer.JSON.createObjectNode().set("extension", e)).stream()).flatMap(ci -> CrdInvariants.values(ci,
                "coverage-assertion-id").stream()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("CRDServiceRequest3.json (no prefetch) with its FHIR server unreachable: 412 with an OperationOutcome")
    void unreachableFhirServer() throws IOException {
        ObjectNode request = example("CRDServiceRequest3.json");
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        request.put("fhirServer", "http://127.0.0.1:" + closed + "/fhir");

        CdsServer.Reply reply = server.post("order-sign-crd", request.toString());

        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.json().get("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(reply.json().at("/issue/0/diagnostics").asText()).contains("coverage prefetch is missing");
    }

    @Test
    @DisplayName("CRDServiceRequest3.json with fhirServer answering one Coverage: a system action on its CommunicationRequest,"
            + " queried with the granted token")
    void queriedCoverage() throws IOException {
        ObjectNode request = example("CRDServiceRequest3.json");
        AtomicReference<String> asked = new AtomicReference<>();
        AtomicReference<String> token = new AtomicReference<>();
        HttpServer fhir = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fhir.createContext("/fhir", exchange -> {
            asked.set(exchange.getRequestURI().toString());
            token.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Coverage\","
                    + "\"id\":\"cov-1\",\"status\":\"active\",\"type\":{\"coding\":[{\"system\":\"urn:oid:2.16.840.1.113883.3.221.5\","
                    + "\"code\":\"5\"}]},\"beneficiary\":{\"reference\":\"Patient/123\"},\"payor\":[{\"display\":\"Acme Health Plan\"}]}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fhir.start();
        try {
            request.put("fhirServer", "http://127.0.0.1:" + fhir.getAddress().getPort() + "/fhir");
            CdsServer.Reply reply = server.post("order-sign-crd", request.toString());

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(asked.get()).isEqualTo("/fhir/Coverage?patient=123&status=active");
            assertThat(token.get()).isEqualTo("Bearer some-opaque-fhir-access-token");
            JsonNode actions = reply.json().get("systemActions");
            assertThat(actions).hasSize(1);
            JsonNode resource = actions.get(0).get("resource");
            assertThat(resource.get("resourceType").asText()).isEqualTo("CommunicationRequest");
            List<JsonNode> info = CrdInvariants.coverageInformation(resource);
            assertThat(info).hasSize(1);
            CrdInvariants.check(info.get(0));
            assertThat(CrdInvariants.values(info.get(0), "covered")).containsExactly("conditional");
            assertThat(CrdInvariants.values(info.get(0), "info-needed")).containsExactly("detail-code");
            assertThat(info.get(0).toString()).contains("Coverage/cov-1");
        } finally {
            fhir.stop(0);
        }
    }
}
