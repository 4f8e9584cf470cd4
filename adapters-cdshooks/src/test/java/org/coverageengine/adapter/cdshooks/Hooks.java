package org.coverageengine.adapter.cdshooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helper: hook requests built from orders written as {@code CODE:DIAGNOSIS}, with one commercial Coverage prefetched. */
final class Hooks {

    private Hooks() {
    }

    static ObjectNode coverageBundle(int coverages, String payer) {
        ObjectNode bundle = CdsServer.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        ArrayNode entries = bundle.putArray("entry");
        for (int i = 0; i < coverages; i++) {
            ObjectNode coverage = entries.addObject().putObject("resource").put("resourceType", "Coverage").put("id", "cov-" + i)
                    .put("status", "active");
            coverage.putObject("type").putArray("coding").addObject().put("system", "https://nahdo.org/sopt").put("code", "5");
            coverage.putObject("beneficiary").put("reference", "Patient/p1");
            coverage.putArray("payor").addObject().put("display", payer);
        }
        return bundle;
    }

    static ObjectNode serviceRequest(String id, String line) {
        String[] parts = line.split(":");
        ObjectNode order = CdsServer.JSON.createObjectNode().put("resourceType", "ServiceRequest").put("id", id).put("status", "draft")
                .put("intent", "order");
        order.putObject("code").putArray("coding").addObject().put("system", "http://www.ama-assn.org/go/cpt").put("code", parts[0]);
        order.putObject("subject").put("reference", "Patient/p1");
        order.put("occurrenceDateTime", "2025-03-10");
        for (int i = 1; i < parts.length; i++) {
            order.putArray("reasonCode").addObject().putArray("coding").addObject().put("system", "http://hl7.org/fhir/sid/icd-10-cm")
                    .put("code", parts[i]);
        }
        return order;
    }

    static ObjectNode orderSign(String... lines) {
        return request("order-sign", "draftOrders", lines);
    }

    static ObjectNode request(String hook, String field, String... lines) {
        ObjectNode request = CdsServer.JSON.createObjectNode().put("hook", hook).put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
        ObjectNode context = request.putObject("context").put("userId", "Practitioner/u1").put("patientId", "p1");
        ObjectNode bundle = context.putObject(field).put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        for (int i = 0; i < lines.length; i++) {
            entries.addObject().set("resource", serviceRequest("sr" + (i + 1), lines[i]));
        }
        request.putObject("prefetch").set("coverage", coverageBundle(1, "Acme Health Plan"));
        return request;
    }
}
