package org.coverageengine.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Discovery, and hook calls this endpoint refuses: each a 4xx with an OperationOutcome naming what is wrong, never a 5xx. */
class BadHookInputTest {

    private static CdsServer server;

    @BeforeAll
    static void start() {
        server = new CdsServer(new CdsSettings("Acme Health Plan", Set.of("Acme Health Plan"), Duration.ofSeconds(2), true, 64 * 1024), null,
                HookRecorder.NONE);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("discovery: the four CRD services, each with davinci-crd.version 2.2.1, a boolean option per card type and the"
            + " coverage prefetch")
    void discovery() {
        CdsServer.Reply reply = server.get("", null);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode services = reply.json().get("services");
        assertThat(services.findValuesAsText("hook")).containsExactly("order-sign", "order-dispatch", "appointment-book", "order-select");
        for (JsonNode service : services) {
            assertThat(service.at("/extension/davinci-crd.version/0").asText()).isEqualTo("2.2.1");
            JsonNode option = service.at("/extension/davinci-crd.configuration-options/0");
            assertThat(option.get("type").asText()).isEqualTo("boolean");
            assertThat(option.get("code").asText()).isEqualTo("guideline");
            assertThat(service.at("/prefetch/coverage").asText()).isEqualTo("Coverage?patient={{context.patientId}}&status=active");
            assertThat(service.at("/prefetch/patient").asText()).isEqualTo("Patient/{{context.patientId}}");
        }
    }

    static Stream<Arguments> refusals() {
        ObjectNode wrongHook = Hooks.orderSign("95940:C71.1").put("hook", "order-select");
        ObjectNode noContext = Hooks.orderSign("95940:C71.1");
        noContext.remove("context");
        ObjectNode noPatient = Hooks.orderSign("95940:C71.1");
        noPatient.with("context").remove("patientId");
        ObjectNode noOrders = Hooks.orderSign("95940:C71.1");
        noOrders.with("context").remove("draftOrders");
        ObjectNode noCoverage = Hooks.orderSign("95940:C71.1");
        noCoverage.with("prefetch").set("coverage", Hooks.coverageBundle(0, "Acme Health Plan"));
        ObjectNode twoCoverages = Hooks.orderSign("95940:C71.1");
        twoCoverages.with("prefetch").set("coverage", Hooks.coverageBundle(2, "Acme Health Plan"));
        ObjectNode otherPayer = Hooks.orderSign("95940:C71.1");
        otherPayer.with("prefetch").set("coverage", Hooks.coverageBundle(1, "Another Plan"));
        ObjectNode noPrefetchNoServer = Hooks.orderSign("95940:C71.1");
        noPrefetchNoServer.remove("prefetch");
        ObjectNode badDate = Hooks.orderSign("95940:C71.1");
        badDate.with("context").with("draftOrders").withArray("entry").path(0).withObject("/resource").put("occurrenceDateTime", "2025-13-45");
        ObjectNode noId = Hooks.orderSign("95940:C71.1");
        noId.with("context").with("draftOrders").withArray("entry").path(0).withObject("/resource").remove("id");
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        return Stream.of(
                Arguments.of("not JSON", "order-sign-crd", "{\"hook\": ", 400, "not JSON"),
                Arguments.of("unknown service id", "no-such-service", "{}", 404, "no CDS service"),
                Arguments.of("hook not matching the service", "order-sign-crd", wrongHook.toString(), 400, "hook"),
                Arguments.of("missing context", "order-sign-crd", noContext.toString(), 400, "context"),
                Arguments.of("missing patientId", "order-sign-crd", noPatient.toString(), 400, "context.patientId"),
                Arguments.of("missing draftOrders", "order-sign-crd", noOrders.toString(), 400, "context.draftOrders"),
                Arguments.of("no Coverage", "order-sign-crd", noCoverage.toString(), 400, "no active Coverage"),
                Arguments.of("two Coverages", "order-sign-crd", twoCoverages.toString(), 400, "2 active Coverages"),
                Arguments.of("a payer not served", "order-sign-crd", otherPayer.toString(), 400, "Another Plan"),
                Arguments.of("no prefetch and no fhirServer", "order-sign-crd", noPrefetchNoServer.toString(), 412, "no fhirServer"),
                Arguments.of("an impossible date of service", "order-sign-crd", badDate.toString(), 400, "occurrenceDateTime"),
                Arguments.of("an order without id (CRD needs it to update)", "order-sign-crd", noId.toString(), 422, ".id"),
                Arguments.of("5,000-deep nesting", "order-sign-crd", deep, 400, "not JSON"),
                Arguments.of("a body over the limit", "order-sign-crd", "{\"x\":\"" + "a".repeat(70_000) + "\"}", 413, "larger"),
                Arguments.of("a JSON array", "order-sign-crd", "[]", 400, "JSON object"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("refusals")
    @DisplayName("refused with its status and an OperationOutcome")
    void refused(String name, String service, String body, int status, String says) {
        CdsServer.Reply reply = server.post(service, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonNode outcome = reply.json();
        assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.at("/issue/0/diagnostics").asText()).contains(says).doesNotContain("Exception").doesNotContain("com.fasterxml");
    }

    @Test
    @DisplayName("an order without clinical data (no diagnosis, no date) is answered 200 with coverage information (resp-41/42)")
    void missingClinicalData() {
        ObjectNode request = Hooks.orderSign("95940");
        request.with("context").with("draftOrders").withArray("entry").path(0).withObject("/resource").remove("occurrenceDateTime");
        CdsServer.Reply reply = server.post("order-sign-crd", request.toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        CrdInvariants.coverageInformation(reply.json().at("/systemActions/0/resource")).forEach(CrdInvariants::check);
    }
}
