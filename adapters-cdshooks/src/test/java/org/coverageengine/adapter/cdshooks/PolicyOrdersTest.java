package org.coverageengine.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Orders for codes of policy 0509 (Intraoperative Monitoring) answered with the mapped coverage information. */
class PolicyOrdersTest {

    private static CdsServer server;

    @BeforeAll
    static void start() {
        server = new CdsServer(CdsSettings.DEFAULTS, null, HookRecorder.NONE);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** The covered value of each order's coverage information, in order, each checked against the CRD invariants. */
    private static List<JsonNode> answer(ObjectNode request, String service) {
        CdsServer.Reply reply = server.post(service, request.toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> infos = new ArrayList<>();
        for (JsonNode action : reply.json().get("systemActions")) {
            List<JsonNode> info = CrdInvariants.coverageInformation(action.get("resource"));
            assertThat(info).hasSize(1);
            CrdInvariants.check(info.get(0));
            infos.add(info.get(0));
        }
        return infos;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "61510:C71.1 95940:C71.1 | covered conditional",
        "61510:C71.1 95940:C71.1 95930:C71.1 | covered conditional not-covered",
        "63047:M48.061 95940:M48.061 | covered not-covered",
        "64483:M54.16 95940:M54.16 | covered not-covered",
        "S3900:M54.50 | not-covered",
        "9594X:C71.1 | not-covered"})
    @DisplayName("engine outcomes map to CRD covered values: no-policy -> covered, conditional -> conditional, not-covered,"
            + " experimental and invalid -> not-covered")
    void outcomes(String lines, String covered) {
        List<JsonNode> infos = answer(Hooks.orderSign(lines.strip().split(" ")), "order-sign-crd");
        assertThat(infos.stream().map(i -> CrdInvariants.values(i, "covered").get(0)).collect(Collectors.joining(" "))).isEqualTo(covered);
    }

    @Test
    @DisplayName("craniotomy with 95940: conditional, clinical documentation to retain, the policy's criteria as details")
    void craniotomyConditional() {
        JsonNode iom = answer(Hooks.orderSign("61510:C71.1", "95940:C71.1"), "order-sign-crd").get(1);
        assertThat(CrdInvariants.values(iom, "doc-needed")).containsExactly("clinical");
        assertThat(CrdInvariants.values(iom, "doc-purpose")).containsExactly("retain-doc");
        assertThat(CrdInvariants.values(iom, "info-needed")).containsExactly("OTH");
        assertThat(CrdInvariants.values(iom, "reason").get(0)).contains("0509");
        assertThat(iom.findValuesAsText("valueString")).anyMatch(s -> s.contains("IOM is performed by"));
        assertThat(iom.toString()).contains("\"billingCode\"").contains("95940");
    }

    @Test
    @DisplayName("95930 ordered with the craniotomy and 95940: not-covered with the reason and no pa-needed")
    void vepNotCovered() {
        JsonNode vep = answer(Hooks.orderSign("61510:C71.1", "95940:C71.1", "95930:C71.1"), "order-sign-crd").get(2);
        assertThat(CrdInvariants.values(vep, "covered")).containsExactly("not-covered");
        assertThat(CrdInvariants.values(vep, "pa-needed")).isEmpty();
        assertThat(CrdInvariants.values(vep, "reason").get(0)).isNotBlank();
    }

    @Test
    @DisplayName("lumbar spine procedure with diagnoses only in the lists: 95940 not-covered")
    void lumbarNotCovered() {
        JsonNode iom = answer(Hooks.orderSign("63047:M48.061", "95940:M48.061"), "order-sign-crd").get(1);
        assertThat(CrdInvariants.values(iom, "covered")).containsExactly("not-covered");
    }

    @Test
    @DisplayName("order-select (hook-19, hook-34): only the selected order, conditional without clinical or administrative documentation")
    void orderSelect() {
        ObjectNode request = Hooks.request("order-select", "draftOrders", "61510:C71.1", "95940:C71.1");
        request.with("context").putArray("selections").add("ServiceRequest/sr2");
        List<JsonNode> infos = answer(request, "order-select-crd");
        assertThat(infos).hasSize(1);
        assertThat(CrdInvariants.values(infos.get(0), "covered")).containsExactly("conditional");
        assertThat(CrdInvariants.values(infos.get(0), "doc-needed")).isEmpty();
        assertThat(CrdInvariants.values(infos.get(0), "doc-purpose")).isEmpty();
    }

    @Test
    @DisplayName("appointment-book: an Appointment based on a prefetched ServiceRequest is answered on the ServiceRequest")
    void appointmentOnServiceRequest() {
        ObjectNode request = Hooks.request("appointment-book", "appointments");
        ObjectNode appointment = CdsServer.JSON.createObjectNode().put("resourceType", "Appointment").put("id", "a1").put("status", "proposed");
        appointment.putArray("basedOn").addObject().put("reference", "ServiceRequest/sr9");
        request.with("context").with("appointments").withArray("entry").addObject().set("resource", appointment);
        ObjectNode serviceRequests = CdsServer.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        serviceRequests.putArray("entry").addObject().set("resource", Hooks.serviceRequest("sr9", "S3900:M54.50"));
        request.with("prefetch").set("serviceRequests", serviceRequests);

        CdsServer.Reply reply = server.post("appointment-book-crd", request.toString());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode resource = reply.json().at("/systemActions/0/resource");
        assertThat(resource.get("resourceType").asText() + "/" + resource.get("id").asText()).isEqualTo("ServiceRequest/sr9");
        assertThat(CrdInvariants.values(CrdInvariants.coverageInformation(resource).get(0), "covered")).containsExactly("not-covered");
    }
}
