package org.coverageengine.adapter.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CDS Hooks discovery document: one service per {@link CrdService}, each with CRD's standard prefetch for its hook,
 * the CRD version it implements (dev-1) and one boolean configuration option per card type it may return (dev-5).
 */
final class Discovery {

    static final String CRD_VERSION = "2.2.1";
    static final String POLICY_CARDS = "guideline";

    private Discovery() {
    }

    static ObjectNode document(ObjectMapper json) {
        JsonNode prefetch = prefetchTemplates(json);
        ObjectNode root = json.createObjectNode();
        ArrayNode services = root.putArray("services");
        for (CrdService service : CrdService.values()) {
            ObjectNode entry = services.addObject();
            entry.put("hook", service.hook());
            entry.put("id", service.id());
            entry.put("title", "Coverage requirements (" + service.hook() + ")");
            entry.put("description", "Da Vinci CRD coverage information for the " + (service == CrdService.APPOINTMENT_BOOK ? "orders booked"
                    : service == CrdService.ORDER_DISPATCH ? "orders dispatched" : service == CrdService.ORDER_SELECT ? "orders selected"
                    : "orders about to be signed") + ": covered or not, prior authorization, documentation, with the policy cited.");
            entry.set("prefetch", prefetch.get(service.hook()).deepCopy());
            ObjectNode extension = entry.putObject("extension");
            extension.putArray("davinci-crd.version").add(CRD_VERSION);
            ObjectNode option = extension.putArray("davinci-crd.configuration-options").addObject();
            option.put("code", POLICY_CARDS);
            option.put("type", "boolean");
            option.put("name", "Policy references");
            option.put("description", "One External Reference card per payer policy cited in the coverage information, linking to the policy.");
            option.put("default", true);
        }
        return root;
    }

    private static JsonNode prefetchTemplates(ObjectMapper json) {
        try (InputStream in = Discovery.class.getResourceAsStream("crd-prefetch.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the CRD prefetch templates are missing from the jar", e);
        }
    }
}
