package org.coverageengine.adapter.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads from the EHR's FHIR server named in the hook call ({@code fhirServer}) with the access token it granted
 * ({@code fhirAuthorization}), within the configured timeout. Used only when prefetch did not carry the data.
 */
final class FhirQueries {

    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;

    FhirQueries(ObjectMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The active Coverages of the patient, as a searchset Bundle; fails with 412 when the query is not possible or fails. */
    JsonNode activeCoverages(HookCall call) {
        String base = call.fhirServer().orElseThrow(() -> HookFailure.preconditionFailed("prefetch.coverage",
                "the coverage prefetch is missing and the request names no fhirServer to query"));
        String query = "Coverage?patient=" + URLEncoder.encode(call.patientId(), StandardCharsets.UTF_8) + "&status=active";
        return get(call, base, query).orElseThrow(() -> HookFailure.preconditionFailed("prefetch.coverage",
                "the coverage prefetch is missing and GET " + query + " on fhirServer did not answer a Bundle"));
    }

    /** A resource by reference from fhirServer, or empty when there is no server or it does not answer one. */
    Optional<ObjectNode> read(HookCall call, String reference) {
        if (call.fhirServer().isEmpty() || reference == null || reference.contains("://") || reference.startsWith("#")) {
            return Optional.empty();
        }
        return get(call, call.fhirServer().get(), reference).filter(JsonNode::isObject).map(ObjectNode.class::cast);
    }

    private Optional<JsonNode> get(HookCall call, String base, String relative) {
        URI uri;
        try {
            uri = URI.create((base.endsWith("/") ? base : base + "/") + relative);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/fhir+json").GET();
        call.accessToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200 || answer.body().length > MAX_ANSWER_BYTES) {
                return Optional.empty();
            }
            return Optional.of(json.readTree(answer.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
