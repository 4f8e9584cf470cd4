package org.coverageengine.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.coverageengine.adapter.memory.InMemoryDeterminationRecord;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.DeterminationLedger;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SearchParameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading the record over FHIR: a kept answer reads back as it was sent, searches page and filter on each parameter,
 * every request (reads, searches and refusals included) is an R4 AuditEvent, and without tokens only local clients read.
 */
class RecordReadOverHttpTest {

    private static final DeterminationLedger LEDGER = DeterminationLedger.keepingIn(new InMemoryDeterminationRecord(), Clock.systemUTC());
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A patient only this test class's answers name, so searches by it count exactly what the test sent. */
    private static final String PATIENT = "Patient/read-" + UUID.randomUUID();
    private static final String MEMBER = "member-" + UUID.randomUUID();
    private static CoverageFhirServer server;
    /** The same endpoint as seen from another machine: a filter makes every request look as if it came from 192.0.2.7. */
    private static CoverageFhirServer remoteView;
    private static final List<String> sent = new ArrayList<>();
    private static Instant before;

    @BeforeAll
    static void start() throws Exception {
        server = server(EndpointAdditions.NONE).start();
        Filter remote = (request, response, chain) -> chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
            @Override
            public String getRemoteAddr() {
                return "192.0.2.7";
            }
        }, response);
        remoteView = server(EndpointAdditions.NONE.withFilter(remote)).start();
        before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            CoverageEligibilityRequest request = Requests.request(i % 2 == 0 ? "95940:C71.1" : "97110");
            request.setId("read-req-" + i);
            request.setPatient(new Reference(PATIENT).setIdentifier(new Identifier().setSystem("urn:member").setValue(MEMBER)));
            Reply reply = post(server, RunningServer.FHIR.newJsonParser().encodeResourceToString(request));
            assertThat(reply.status()).isEqualTo(200);
            sent.add(reply.body());
        }
    }

    private static CoverageFhirServer server(EndpointAdditions additions) {
        return new CoverageFhirServer("127.0.0.1", 0, RunningServer.SETTINGS, ServerLimits.DEFAULTS, additions,
                new CoverageDeterminer(RunningServer.KNOWLEDGE, Clock.systemUTC()), new PolicyDirectory(RunningServer.KNOWLEDGE), LEDGER,
                LEDGER, ReadAccess.LOOPBACK_ONLY);
    }

    @AfterAll
    static void stop() {
        server.close();
        remoteView.close();
    }

    record Reply(int status, String contentType, String body) {
        <T extends org.hl7.fhir.instance.model.api.IBaseResource> T as(Class<T> type) {
            return contentType != null && contentType.contains("xml") ? RunningServer.FHIR.newXmlParser().parseResource(type, body)
                    : RunningServer.FHIR.newJsonParser().parseResource(type, body);
        }
    }

    private static Reply post(CoverageFhirServer on, String json) {
        return send(HttpRequest.newBuilder(URI.create(on.baseUrl() + "/CoverageEligibilityRequest/$submit"))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Reply get(CoverageFhirServer on, String pathAndQuery, String accept) {
        String url = pathAndQuery.startsWith("http") ? pathAndQuery : on.baseUrl() + pathAndQuery;
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build());
    }

    private static Reply get(String pathAndQuery) {
        return get(server, pathAndQuery, "application/fhir+json");
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

    private static String idOf(String response) {
        return RunningServer.FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, response).getIdElement().getIdPart();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Bundle search(String query) {
        Reply reply = get("/CoverageEligibilityResponse?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.as(Bundle.class);
    }

    @Test
    void readsBackTheVeryBytesSentInTheFormatTheyWereSentIn() {
        String body = sent.get(0);
        Reply read = get("/CoverageEligibilityResponse/" + idOf(body));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(body);
    }

    @Test
    void readsAnXmlAnswerBackAsXmlBytesAndAsTheSameContentInJson() {
        String xml = RunningServer.FHIR.newXmlParser().encodeResourceToString(Requests.request("95940:C71.1"));
        Reply answered = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/CoverageEligibilityRequest/$submit"))
                .header("Content-Type", "application/fhir+xml").header("Accept", "application/fhir+xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build());
        assertThat(answered.status()).isEqualTo(200);
        CoverageEligibilityResponse sentResponse = answered.as(CoverageEligibilityResponse.class);
        String id = sentResponse.getIdElement().getIdPart();

        Reply asXml = get(server, "/CoverageEligibilityResponse/" + id, "application/fhir+xml");
        assertThat(asXml.body()).isEqualTo(answered.body());
        Reply asJson = get(server, "/CoverageEligibilityResponse/" + id, "application/fhir+json");
        assertThat(asJson.contentType()).contains("json");
        assertThat(asJson.as(CoverageEligibilityResponse.class).equalsDeep(sentResponse)).isTrue();
    }

    @Test
    void anUnknownIdIsA404OperationOutcome() {
        Reply reply = get("/CoverageEligibilityResponse/" + UUID.randomUUID());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.as(OperationOutcome.class).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void pagesThroughTheMatchesWithTotalAndNextAndPreviousLinks() {
        Bundle first = search("patient=" + q(PATIENT) + "&_count=2");
        assertThat(first.getTotal()).isEqualTo(5);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getLink("previous")).isNull();
        List<String> ids = new ArrayList<>();
        Bundle page = first;
        while (true) {
            page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
            if (page.getLink("next") == null) {
                break;
            }
            Reply next = get(server, page.getLink("next").getUrl(), "application/fhir+json");
            assertThat(next.status()).isEqualTo(200);
            page = next.as(Bundle.class);
            assertThat(page.getLink("previous")).isNotNull();
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(sent.stream().map(RecordReadOverHttpTest::idOf).toList());
    }

    static Stream<Arguments> criteria() {
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        return Stream.of(
                Arguments.of("patient by literal reference", "", 5),
                Arguments.of("patient by identifier", "&patient:identifier=" + q("urn:member|" + MEMBER), 5),
                Arguments.of("identifier in another system", "&patient:identifier=" + q("urn:other|" + MEMBER), 0),
                Arguments.of("created since a moment before", "&created=ge" + q(DateTimeTexts.of(Instant.now().minusSeconds(3600))), 5),
                Arguments.of("created before tomorrow and after yesterday", "&created=lt" + tomorrow + "&created=gt2000-01-01", 5),
                Arguments.of("created on a day long ago", "&created=eq2000-01-01", 0),
                Arguments.of("the request answered", "&request=CoverageEligibilityRequest/read-req-1", 1),
                Arguments.of("processing outcome complete", "&outcome=complete", 5),
                Arguments.of("processing outcome error", "&outcome=error", 0),
                Arguments.of("item code", "&item-code=97110", 2),
                Arguments.of("item code with a system", "&item-code=" + q("http://www.ama-assn.org/go/cpt|95940"), 3),
                Arguments.of("item code never asked", "&item-code=99999", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("criteria")
    void filtersOnEachSearchParameter(String name, String more, int expected) {
        assertThat(search("patient=" + q(PATIENT) + more).getTotal()).isEqualTo(expected);
    }

    @Test
    void findsAnswersByTheDeterminationOfAnItem() {
        CoverageEligibilityResponse answer = RunningServer.FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, sent.get(1));
        String code = ((Coding) answer.getInsuranceFirstRep().getItemFirstRep().getExtensionByUrl(RunningServer.SETTINGS.determinationExtension())
                .getValue()).getCode();
        Bundle found = search("patient=" + q(PATIENT) + "&determination=" + q(RunningServer.SETTINGS.determinationCodeSystem() + "|" + code));
        assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(idOf(sent.get(1)));
        assertThat(found.getEntry()).allSatisfy(e -> assertThat(((CoverageEligibilityResponse) e.getResource()).getInsuranceFirstRep().getItem())
                .anySatisfy(item -> assertThat(((Coding) item.getExtensionByUrl(RunningServer.SETTINGS.determinationExtension()).getValue())
                        .getCode()).isEqualTo(code)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/CoverageEligibilityResponse?colour=blue", "/CoverageEligibilityResponse?created=2025-13-45",
            "/CoverageEligibilityResponse?created=sa2025-01-01", "/CoverageEligibilityResponse?created=2025-01-01T10:00:00",
            "/CoverageEligibilityResponse?outcome=maybe", "/CoverageEligibilityResponse?determination=perhaps",
            "/CoverageEligibilityResponse?determination=" + "http%3A%2F%2Felsewhere%7Cnot-covered",
            "/CoverageEligibilityResponse?_count=-1", "/CoverageEligibilityResponse?_count=5000",
            "/CoverageEligibilityResponse?patient:type=x", "/CoverageEligibilityResponse?request=Patient/1",
            "/AuditEvent?outcome=2", "/AuditEvent?date=tomorrow", "/AuditEvent?who=me"})
    void aBadSearchIsA400NamingTheParameter(String path) {
        Reply reply = get(path);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        OperationOutcome outcome = reply.as(OperationOutcome.class);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank().doesNotContain("Exception").doesNotContain("HAPI-");
    }

    @Test
    void auditsTheSubmitAsAnR4AuditEventAboutTheDetermination() {
        String id = idOf(sent.get(0));
        Bundle events = auditSearch("entity=CoverageEligibilityResponse/" + id + "&subtype=operation");
        assertThat(events.getTotal()).isEqualTo(1);
        AuditEvent event = (AuditEvent) events.getEntryFirstRep().getResource();
        assertThat(event.getType().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/audit-event-type");
        assertThat(event.getType().getCode()).isEqualTo("rest");
        assertThat(event.getSubtypeFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/restful-interaction");
        assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("operation");
        assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
        assertThat(event.getRecorded()).isNotNull();
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(event.getAgentFirstRep().getRequestor()).isTrue();
        assertThat(event.getSource().getObserver().getDisplay()).isEqualTo(CoverageRestfulServer.SOFTWARE);
        assertThat(event.getEntity()).anySatisfy(e -> assertThat(e.getWhat().getReference()).isEqualTo("CoverageEligibilityResponse/" + id));

        Reply read = get("/AuditEvent/" + event.getIdElement().getIdPart());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.as(AuditEvent.class).getSubtypeFirstRep().getCode()).isEqualTo("operation");
    }

    @Test
    void auditsARefusedSubmitWithTheMinorFailureOutcome() {
        int refusedBefore = auditSearch("outcome=4&subtype=operation&_count=0").getTotal();
        assertThat(post(server, "{\"resourceType\":\"Patient\"}").status()).isEqualTo(400);
        Bundle refused = auditSearch("outcome=4&subtype=operation&_count=1");
        assertThat(refused.getTotal()).isEqualTo(refusedBefore + 1);
        AuditEvent event = (AuditEvent) refused.getEntryFirstRep().getResource();
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
        assertThat(event.getOutcomeDesc()).isEqualTo("HTTP 400");
    }

    @Test
    void auditsReadsAndSearchesThemselves() {
        String id = idOf(sent.get(2));
        assertThat(get("/CoverageEligibilityResponse/" + id).status()).isEqualTo(200);
        Bundle reads = auditSearch("entity=" + id + "&subtype=read");
        assertThat(reads.getTotal()).isGreaterThanOrEqualTo(1);
        AuditEvent read = (AuditEvent) reads.getEntryFirstRep().getResource();
        assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);

        int searches = auditSearch("subtype=search-type&_count=0").getTotal();
        search("patient=" + q(PATIENT) + "&_count=1");
        assertThat(auditSearch("subtype=search-type&_count=0").getTotal()).isGreaterThanOrEqualTo(searches + 2);
    }

    @Test
    void auditSearchByDateFindsNothingBeforeTheServerStarted() {
        assertThat(auditSearch("date=lt" + q(DateTimeTexts.of(before.minusSeconds(3600)))).getTotal()).isZero();
        assertThat(auditSearch("date=ge" + q(DateTimeTexts.of(before))).getTotal()).isGreaterThanOrEqualTo(5);
    }

    private static Bundle auditSearch(String query) {
        Reply reply = get("/AuditEvent?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.as(Bundle.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/CoverageEligibilityResponse", "/AuditEvent"})
    void withoutTokensAnotherMachineIsRefusedWith403(String path) {
        Reply search = get(remoteView, path, "application/fhir+json");
        assertThat(search.status()).isEqualTo(403);
        assertThat(search.as(OperationOutcome.class).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(get(remoteView, path + "/" + idOf(sent.get(0)), "application/fhir+json").status()).isEqualTo(403);
        // Answering is not reading the record: $submit still works from there.
        assertThat(post(remoteView, RunningServer.FHIR.newJsonParser().encodeResourceToString(Requests.request("97110"))).status())
                .isEqualTo(200);
    }

    @Test
    void publishesTheTwoSearchParametersAndListsThemInTheCapabilityStatement() {
        for (String code : List.of("determination", "item-code")) {
            Reply reply = get("/SearchParameter/CoverageEligibilityResponse-" + code);
            assertThat(reply.status()).isEqualTo(200);
            SearchParameter parameter = reply.as(SearchParameter.class);
            assertThat(parameter.getCode()).isEqualTo(code);
            assertThat(parameter.getBase()).extracting(b -> b.getValue()).containsExactly("CoverageEligibilityResponse");
            assertThat(parameter.getType().toCode()).isEqualTo("token");
        }
        CapabilityStatement statement = get("/metadata").as(CapabilityStatement.class);
        CapabilityStatement.CapabilityStatementRestResourceComponent responses = statement.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("CoverageEligibilityResponse")).findFirst().orElseThrow();
        assertThat(responses.getSearchParam()).extracting(p -> p.getName())
                .containsExactly("patient", "created", "request", "outcome", "determination", "item-code");
        assertThat(responses.getSearchParam()).filteredOn(p -> p.getName().equals("determination")).singleElement()
                .satisfies(p -> assertThat(p.getDefinition()).endsWith("/SearchParameter/CoverageEligibilityResponse-determination"));
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType()).contains("AuditEvent", "SearchParameter");
    }

    @Test
    void anAnswerGivenOverCdsHooksIsNamedButNotPassedOffAsACoverageEligibilityResponse() {
        String id = UUID.randomUUID().toString();
        String patient = "Patient/cds-" + UUID.randomUUID();
        LEDGER.keep(new org.coverageengine.domain.record.RecordedDetermination(id, Instant.now(), null,
                new org.coverageengine.domain.record.PartyReference(patient, null), List.of(), "ServiceRequest/sr-1", null, null, List.of(),
                List.of(), null, Duration.ofMillis(5), org.coverageengine.domain.record.ProcessingOutcome.COMPLETE,
                new org.coverageengine.domain.record.SentResponse("{\"cards\":[]}".getBytes(StandardCharsets.UTF_8), "application/json")));

        Reply read = get("/CoverageEligibilityResponse/" + id);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.as(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("answered over CDS Hooks");
        Bundle found = search("patient=" + q(patient));
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getEntryFirstRep().getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.OUTCOME);
        assertThat(found.getEntryFirstRep().getResource()).isInstanceOf(OperationOutcome.class);
    }

    /** FHIR instant texts for search values. */
    static final class DateTimeTexts {
        static String of(Instant instant) {
            return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }
    }
}
