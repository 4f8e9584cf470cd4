package org.coverageengine.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.engine.CodeLookup;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages over HTTP on the embedded default pack: headers, escaping, CSRF, and who sees the determinations. */
class WebPagesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSWORD = "correct horse battery staple";
    private static LoadedKnowledge knowledge;
    private static CoverageDeterminer determiner;
    private static WebPages.Sources sources;
    private static Server open;
    private static Server guarded;
    private static String openBase;
    private static String guardedBase;

    @BeforeAll
    static void start() throws Exception {
        InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
        knowledge = new LoadedKnowledge(store.empty());
        new KnowledgePublisher(store, knowledge).replaceWith(CsvPolicyPack.embeddedWith());
        determiner = new CoverageDeterminer(knowledge, Clock.systemUTC());
        PolicyDirectory policies = new PolicyDirectory(knowledge);
        RecordedDeterminations record = new FakeRecord(determiner);
        sources = new WebPages.Sources(new CodeLookup(knowledge), policies, determiner, () -> knowledge.get().edits(), FhirRendering.NONE,
                () -> new KnowledgeStatus(knowledge.get().version(), List.of("policies: 3"), List.of("pack/policies.csv:4:2: <b>bad</b>")),
                Optional.of(record));
        open = serve(new WebAccess(false, null));
        openBase = "http://127.0.0.1:" + ((ServerConnector) open.getConnectors()[0]).getLocalPort();
        Path users = Files.createTempFile("web-users", ".txt");
        Files.writeString(users, "# test users\n" + WebLogin.line("biller", PASSWORD.toCharArray()) + "\n");
        guarded = serve(new WebAccess(true, WebLogin.fromFile(users)));
        guardedBase = "http://127.0.0.1:" + ((ServerConnector) guarded.getConnectors()[0]).getLocalPort();
        Files.delete(users);
    }

    private static Server serve(WebAccess access) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(access), "/*", null);
        context.addServlet(new ServletHolder(new WebPages(sources, access)), "/");
        server.setHandler(context);
        server.start();
        return server;
    }

    @AfterAll
    static void stop() throws Exception {
        open.stop();
        guarded.stop();
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/?q=spinal+decompression", "/code/S9090", "/code/Z9999", "/try", "/policies", "/policies/0509", "/nowhere",
        "/static/style.css", "/static/copy.js", "/static/missing.txt", "/determinations"})
    void everyAnswerCarriesTheContentSecurityPolicyAndNosniff(String path) throws Exception {
        HttpResponse<String> response = get(openBase + path);
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.body()).doesNotContain("http://", "https://").as("no resource from elsewhere");
    }

    @Test
    void searchCountsEveryMatchNotOnlyThoseListed() throws Exception {
        int all = sources.lookUp().byKeyword("monitoring", 100_000).size();
        String body = get(openBase + "/?q=monitoring").body();
        assertThat(body).contains(all + " matches for \u201cmonitoring\u201d");
        assertThat(Pattern.compile("<li><a class=\"code\"").matcher(body).results().count()).isEqualTo(Math.min(all, CodePages.SHOWN));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/?q=%3Cscript%3Ealert(1)%3C/script%3E", "/code/%3Cscript%3E", "/policies/0509?q=%22%3E%3Cimg%20src%3Dx%3E",
        "/policies/%3Cb%3E"})
    void reflectedInputIsEscaped(String path) throws Exception {
        String body = get(openBase + path).body();
        assertThat(body).doesNotContain("<script>", "<img", "<b>");
    }

    @Test
    void loadErrorsAreShownEscaped() throws Exception {
        assertThat(get(openBase + "/policies").body()).contains("pack/policies.csv:4:2: &lt;b&gt;bad&lt;/b&gt;");
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(openBase + "/try"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", CsrfTokens.COOKIE + "=" + "a".repeat(43))
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + "b".repeat(43) + "&code1=95940")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("outcome-");
    }

    @Test
    void theFormWithItsTokenDecidesTheCraniotomyLines() throws Exception {
        HttpResponse<String> form = get(openBase + "/try");
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(form.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Strict");
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        String body = "csrf=" + token.group(1) + "&date=2025-03-10&lob=commercial&code1=61510&dx1=C71.1&code2=95940&units2=4&dx2=C71.1&code3=95930&dx3=C71.1"
                + "&attest=iom-performer-qualified";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(openBase + "/try"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("data-code=\"95940\"><h3>Line 2: <a href=\"/code/95940\">95940</a> <span class=\"outcome outcome-conditional\">",
                "data-code=\"95930\"><h3>Line 3: <a href=\"/code/95930\">95930</a> <span class=\"outcome outcome-not-covered\">",
                "<span class=\"met\">attested</span> <code>iom-performer-qualified</code>");
    }

    @Test
    void badFormInputIsAnsweredWithItsProblemNotAnError() throws Exception {
        HttpResponse<String> form = get(openBase + "/try");
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(openBase + "/try"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token.group(1) + "&date=2025-13-40&code1=95940&units1=-2")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Date of service: &#39;2025-13-40&#39; is not a date", "Line 1: units must be a whole number");
    }

    @Test
    void determinationsAreNeverServedWithoutALogin() throws Exception {
        assertThat(get(openBase + "/determinations").statusCode()).isEqualTo(404);
        assertThat(get(openBase + "/determinations/one").statusCode()).isEqualTo(404);
        assertThat(get(openBase + "/").body()).doesNotContain("href=\"/determinations\"");
    }

    @Test
    void withALoginEveryPageAsksForItAndTheRightPasswordOpensTheDeterminations() throws Exception {
        HttpResponse<String> anonymous = get(guardedBase + "/");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
        assertThat(get(guardedBase + "/determinations", "Authorization", basic("biller", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get(guardedBase + "/determinations", "Authorization", basic("nobody", PASSWORD)).statusCode()).isEqualTo(401);
        HttpResponse<String> page = get(guardedBase + "/determinations?code=95940", "Authorization", basic("biller", PASSWORD));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("1 determination", "<svg role=\"img\"", "outcome-conditional", "href=\"/determinations/d1\"");
        assertThat(get(guardedBase + "/determinations/d1", "Authorization", basic("biller", PASSWORD)).body())
                .contains("Determination d1", "outcome-not-covered");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Two recorded exchanges, kept in memory, standing in for the record the app wires. */
    private static final class FakeRecord implements RecordedDeterminations {
        private final List<Entry> entries;

        FakeRecord(CoverageDeterminer determiner) {
            CoverageRequest craniotomy = CoverageRequest.of(java.time.LocalDate.of(2025, 3, 10), LineOfBusiness.COMMERCIAL,
                    RequestedLine.of(1, "61510", "C71.1"), RequestedLine.of(2, "95940", "C71.1"), RequestedLine.of(3, "95930", "C71.1"));
            CoverageRequest decompression = CoverageRequest.of(java.time.LocalDate.of(2025, 3, 11), LineOfBusiness.COMMERCIAL,
                    RequestedLine.of(1, "S9090", "M51.16"));
            CoverageDecision first = determiner.determine(craniotomy);
            CoverageDecision second = determiner.determine(decompression);
            entries = List.of(new Entry("d2", Instant.parse("2025-03-11T10:00:00Z"), Duration.ofMillis(3), decompression, second),
                    new Entry("d1", Instant.parse("2025-03-10T09:00:00Z"), Duration.ofMillis(2), craniotomy, first));
        }

        @Override
        public List<Entry> find(Query query, int limit) {
            return entries.stream().filter(e -> query.code() == null
                    || e.decision().determinations().stream().anyMatch(d -> d.code().equals(query.code()))).limit(limit).toList();
        }

        @Override
        public Optional<Entry> byId(String id) {
            return entries.stream().filter(e -> e.id().equals(id)).findFirst();
        }
    }
}
