package org.coverageengine.adapter.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A hook request as CDS Hooks 2.0 defines it, checked for the fields every call needs: the hook (matching the service
 * called), its instance, the context with a patient, and optionally fhirServer with fhirAuthorization and prefetch.
 * Resources of the context and prefetch are indexed by {@code Type/id} and full URL so references can be followed.
 */
final class HookCall {

    private final CrdService service;
    private final String hookInstance;
    private final String fhirServer;
    private final String accessToken;
    private final ObjectNode context;
    private final JsonNode prefetch;
    private final JsonNode configuration;
    private final Map<String, ObjectNode> known = new HashMap<>();

    private HookCall(CrdService service, JsonNode body) {
        this.service = service;
        this.hookInstance = text(body, "hookInstance");
        this.fhirServer = body.hasNonNull("fhirServer") ? body.get("fhirServer").asText() : null;
        JsonNode authorization = body.path("fhirAuthorization");
        this.accessToken = authorization.hasNonNull("access_token") ? authorization.get("access_token").asText() : null;
        this.context = (ObjectNode) body.get("context");
        this.prefetch = body.path("prefetch");
        this.configuration = body.path("extension").path("davinci-crd.configuration");
        index(context);
        prefetch.forEach(this::index);
    }

    /** Reads a request to the service, or fails with 400 naming the field. */
    static HookCall read(CrdService service, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw HookFailure.badRequest("", "the request body must be a JSON object (a CDS Hooks request)");
        }
        String hook = text(body, "hook");
        if (!service.hook().equals(hook)) {
            throw HookFailure.badRequest("hook", "the service " + service.id() + " answers the hook '" + service.hook() + "', not '" + hook + "'");
        }
        text(body, "hookInstance");
        if (!body.path("context").isObject()) {
            throw HookFailure.badRequest("context", "the request needs a context object");
        }
        text(body.get("context"), "patientId", "context.patientId");
        if (body.hasNonNull("fhirAuthorization") && !body.get("fhirAuthorization").path("access_token").isTextual()) {
            throw HookFailure.badRequest("fhirAuthorization.access_token", "fhirAuthorization needs an access_token");
        }
        if (body.has("prefetch") && !body.get("prefetch").isObject() && !body.get("prefetch").isNull()) {
            throw HookFailure.badRequest("prefetch", "prefetch must be an object of prefetched resources");
        }
        return new HookCall(service, body);
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw HookFailure.badRequest(where, "the request needs " + where + " (a non-empty string)");
        }
        return value.asText();
    }

    private void index(JsonNode node) {
        if (node == null || !node.isContainerNode()) {
            return;
        }
        if (node.isObject() && node.path("resourceType").isTextual() && node.path("id").isTextual()) {
            known.putIfAbsent(node.get("resourceType").asText() + "/" + node.get("id").asText(), (ObjectNode) node);
        }
        if (node.isObject() && "Bundle".equals(node.path("resourceType").asText())) {
            for (JsonNode entry : node.path("entry")) {
                if (entry.path("resource").isObject()) {
                    if (entry.path("fullUrl").isTextual()) {
                        known.putIfAbsent(entry.get("fullUrl").asText(), (ObjectNode) entry.get("resource"));
                    }
                    index(entry.get("resource"));
                }
            }
        } else if (node.isObject() && node.has("draftOrders")) {
            index(node.get("draftOrders"));
        } else if (node.isObject() && node.has("appointments")) {
            index(node.get("appointments"));
        }
    }

    /** A resource the request carries, by reference ({@code Type/id}, an absolute URL ending so, or a full URL). */
    Optional<ObjectNode> resolve(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        ObjectNode exact = known.get(reference);
        if (exact != null) {
            return Optional.of(exact);
        }
        String[] parts = reference.split("/");
        if (parts.length >= 2) {
            return Optional.ofNullable(known.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]));
        }
        return Optional.empty();
    }

    CrdService service() {
        return service;
    }

    String hookInstance() {
        return hookInstance;
    }

    Optional<String> fhirServer() {
        return Optional.ofNullable(fhirServer);
    }

    Optional<String> accessToken() {
        return Optional.ofNullable(accessToken);
    }

    ObjectNode context() {
        return context;
    }

    String patientId() {
        return context.get("patientId").asText();
    }

    /** The prefetched value under a key; empty when absent or null (the EHR could not or did not fetch it). */
    Optional<JsonNode> prefetched(String key) {
        JsonNode value = prefetch.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** The client's setting of a configuration option (CRD davinci-crd.configuration), else the default given. */
    boolean option(String code, boolean otherwise) {
        JsonNode value = configuration.get(code);
        return value != null && value.isBoolean() ? value.asBoolean() : otherwise;
    }
}
