package org.coverageengine.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.coverageengine.adapter.memory.InMemoryDeterminationRecord;
import org.coverageengine.domain.engine.DeterminationLedger;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request refused with 503 because the server already works on as many requests as it may is still a request: it is
 * audited (AuditEvent outcome 8, no requestor known yet, no entity), like the requests the endpoint itself refuses.
 */
class OverloadAuditTest {

    private final InMemoryDeterminationRecord record = new InMemoryDeterminationRecord();
    private final CountDownLatch working = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Server jetty;
    private String base;

    @BeforeEach
    void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        Handler busy = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                working.countDown();
                release.await(10, TimeUnit.SECONDS);
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        };
        AnswerRecorder recorder = new AnswerRecorder(FhirContext.forR4Cached(),
                DeterminationLedger.keepingIn(record, Clock.systemUTC()), CoverageRestfulServer.SOFTWARE);
        jetty.setHandler(new OverloadHandler(busy, 1, 1, Duration.ofMillis(200), recorder));
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        jetty.stop();
    }

    @ParameterizedTest(name = "{0} {1} -> audited as {2}")
    @CsvSource({
            "POST, /fhir/CoverageEligibilityRequest/$submit, operation, E",
            "GET, /fhir/CoverageEligibilityResponse/abc, read, R",
            "GET, /fhir/AuditEvent?entity=abc, search-type, E"})
    void aRequestRefusedForOverloadIsAudited(String method, String pathAndQuery, String subtype, String action) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> holding = client.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/fhir/metadata")).build(), HttpResponse.BodyHandlers.ofString());
        waitUntilWorking();
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        List<AuditRecord> audits = record.searchAudit(AuditQuery.all(10)).items();
        assertThat(audits).singleElement().satisfies(audit -> {
            assertThat(audit.subtype()).isEqualTo(subtype);
            assertThat(audit.action()).isEqualTo(action);
            assertThat(audit.outcome()).isEqualTo(AuditOutcome.SERIOUS_FAILURE);
            assertThat(audit.httpStatus()).isEqualTo(503);
            assertThat(audit.requestor()).isNull();
            assertThat(audit.determinationId()).isNull();
            assertThat(audit.query()).isEqualTo(method + " " + pathAndQuery);
        });
        release.countDown();
        assertThat(holding.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/cds-services/coverage-requirements-order-sign", "/web/search?q=x", "/fhirish"})
    void refusalsOutsideTheFhirEndpointAreNotAuditedAsFhirInteractions(String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/fhir/metadata")).build(), HttpResponse.BodyHandlers.ofString());
        waitUntilWorking();
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(record.searchAudit(AuditQuery.all(10)).items()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void withRecordingOffARefusalHasNothingToAuditAndIsNotCountedAsUnaudited() {
        AnswerRecorder off = new AnswerRecorder(FhirContext.forR4Cached(), DeterminationLedger.off(), CoverageRestfulServer.SOFTWARE);
        assertThat(off.auditOverloadRefusal("POST", "/fhir/CoverageEligibilityRequest/$submit", null, 503)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aRecordThatCannotTakeTheAuditSaysSo() {
        RecordingOverHttpTest.SwitchableRecord lost = new RecordingOverHttpTest.SwitchableRecord();
        lost.down = true;
        AnswerRecorder recorder = new AnswerRecorder(FhirContext.forR4Cached(), DeterminationLedger.keepingIn(lost, Clock.systemUTC()),
                CoverageRestfulServer.SOFTWARE);
        assertThat(recorder.auditOverloadRefusal("GET", "/fhir/AuditEvent", "entity=x", 503)).isFalse();
    }

    /** Until the first request holds the only permit (the handler is then waiting on the latch). */
    private void waitUntilWorking() throws InterruptedException {
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
