package org.coverageengine.adapter.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Test helper: the CDS Hooks servlet on a loopback port over the embedded default pack, and a client for it. */
final class CdsServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LoadedKnowledge KNOWLEDGE = new LoadedKnowledge(KnowledgePublisher.assemble(new InMemoryKnowledgeStore(),
            CsvPolicyPack.embeddedWith(), 1));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Server jetty = new Server();
    private final ServerConnector connector = new ServerConnector(jetty);

    CdsServer(CdsSettings settings, CdsClientVerifier verifier, HookRecorder recorder) {
        this(settings, verifier, recorder, new PolicyDirectory(KNOWLEDGE));
    }

    CdsServer(CdsSettings settings, CdsClientVerifier verifier, HookRecorder recorder, org.coverageengine.domain.port.in.DescribePolicies policies) {
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new CdsHooksServlet(settings, null, verifier, recorder,
                new CoverageDeterminer(KNOWLEDGE, Clock.systemUTC()), policies, FhirContext.forR4Cached(), Clock.systemUTC())), "/cds-services/*");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/cds-services";
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Reply post(String service, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + "/" + service)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
