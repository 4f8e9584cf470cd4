package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Test helper: one real HTTP server on a free loopback port over the embedded default pack, and a client for it. */
final class RunningServer {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final LoadedKnowledge KNOWLEDGE;
    static final CoverageFhirServer SERVER;
    static final FhirSettings SETTINGS = FhirSettings.DEFAULTS.withLimits(64 * 1024, 50);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        Knowledge knowledge = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(), 1);
        KNOWLEDGE = new LoadedKnowledge(knowledge);
        try {
            SERVER = new CoverageFhirServer("127.0.0.1", 0, SETTINGS, new CoverageDeterminer(KNOWLEDGE, Clock.systemUTC()),
                    new PolicyDirectory(KNOWLEDGE)).start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RunningServer() {
    }

    record Reply(int status, String contentType, String body) {
        <T extends IBaseResource> T as(Class<T> type) {
            return contentType != null && contentType.contains("xml") ? FHIR.newXmlParser().parseResource(type, body)
                    : FHIR.newJsonParser().parseResource(type, body);
        }
    }

    static Reply post(String path, String contentType, byte[] body) {
        return post(SERVER.baseUrl(), path, contentType, body);
    }

    static Reply post(String base, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    static Reply post(String contentType, String body) {
        return post("/CoverageEligibilityRequest/$submit", contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Reply postJson(IBaseResource resource) {
        return post("application/fhir+json", FHIR.newJsonParser().encodeResourceToString(resource));
    }

    static Reply postXml(IBaseResource resource) {
        return post("application/fhir+xml", FHIR.newXmlParser().encodeResourceToString(resource));
    }

    static Reply get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path)).header("Accept", accept).GET().build());
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
