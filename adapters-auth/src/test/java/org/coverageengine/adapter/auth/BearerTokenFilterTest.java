package org.coverageengine.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coverageengine.adapter.auth.TestTokens.AUDIENCE;
import static org.coverageengine.adapter.auth.TestTokens.CLIENT;
import static org.coverageengine.adapter.auth.TestTokens.EC;
import static org.coverageengine.adapter.auth.TestTokens.ISSUER;
import static org.coverageengine.adapter.auth.TestTokens.RSA;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The filter in a real servlet container on 127.0.0.1, asked over HTTP as a client would. */
class BearerTokenFilterTest {

    static final String REALM = "https://coverage.payer.example/fhir";
    static final String SUBMIT = "/fhir/CoverageEligibilityRequest/$submit";
    static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    static Server server;
    static String base;
    static LoopbackServer issuer;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static volatile AccessTokenVerifier current;

    @BeforeAll
    static void start() throws Exception {
        issuer = new LoopbackServer(x -> new LoopbackServer.Answer(200, TestTokens.jwks(RSA, EC)));
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        // Larger than the token limit, so the filter's own limit is what a client meets.
        config.setRequestHeaderSize(64 * 1024);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new BearerTokenFilter(token -> current.verify(token), REALM, "/fhir")),
                "/fhir/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Echo()), "/fhir/*");
        context.addServlet(new ServletHolder(new SmartConfigurationServlet(
                URI.create("https://auth.payer.example/realms/coverage/token"))), "/fhir/.well-known/smart-configuration");
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        issuer.close();
    }

    @BeforeEach
    void freshVerifier() {
        issuer.answer(x -> new LoopbackServer.Answer(200, TestTokens.jwks(RSA, EC)));
        current = JwtAccessTokenVerifier.create(AuthSettings.jwt(issuer.url("/jwks"), ISSUER, AUDIENCE,
                URI.create("https://auth.payer.example/realms/coverage/token")));
    }

    static Stream<Arguments> admitted() {
        return Stream.of(
                admitted("SMART v2 create scope, RS384", SUBMIT, n -> TestTokens.token(n, c -> c)),
                admitted("SMART v2 cruds on every type, ES384", SUBMIT, n -> TestTokens.sign(EC, JWSAlgorithm.ES384,
                        JOSEObjectType.JWT, TestTokens.claims(n).claim("scope", "system/*.cruds").build())),
                admitted("SMART v1 .write", SUBMIT, n -> TestTokens.token(n,
                        c -> c.claim("scope", "system/CoverageEligibilityRequest.write"))),
                admitted("system/*.cud", SUBMIT, n -> TestTokens.token(n, c -> c.claim("scope", "system/*.cud"))),
                admitted("$submit at the system level", "/fhir/$submit", n -> TestTokens.token(n, c -> c)),
                admitted("read-only scope reading", "/fhir/CoverageEligibilityRequest/1",
                        n -> TestTokens.token(n, c -> c.claim("scope", "system/CoverageEligibilityRequest.rs"))),
                admitted("SMART v2 .rs reading a kept answer", "/fhir/CoverageEligibilityResponse/3f1c",
                        n -> TestTokens.token(n, c -> c.claim("scope", "system/CoverageEligibilityResponse.rs"))),
                admitted("SMART v1 .read searching kept answers", "/fhir/CoverageEligibilityResponse?patient=Patient/1",
                        n -> TestTokens.token(n, c -> c.claim("scope", "system/CoverageEligibilityResponse.read"))),
                admitted("SMART v2 .rs searching the audit trail", "/fhir/AuditEvent?outcome=4",
                        n -> TestTokens.token(n, c -> c.claim("scope", "system/AuditEvent.rs"))),
                admitted("SMART v1 .read reading an audit event", "/fhir/AuditEvent/9",
                        n -> TestTokens.token(n, c -> c.claim("scope", "system/AuditEvent.read"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("admitted")
    void validTokensWithTheScopeAreLetThroughWithTheClientNamed(String path, Function<Instant, String> token)
            throws Exception {
        HttpResponse<String> response = send(path.endsWith("$submit") ? "POST" : "GET", path,
                "Bearer " + token.apply(Instant.now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("client=" + CLIENT + " subject=" + CLIENT);
    }

    static Stream<Arguments> invalidTokens() {
        return Stream.of(
                invalid("expired", n -> TestTokens.token(n, c -> c.expirationTime(Date.from(n.minusSeconds(120)))),
                        "token expired"),
                invalid("not yet valid", n -> TestTokens.token(n, c -> c.notBeforeTime(Date.from(n.plusSeconds(300)))),
                        "token not yet valid (nbf)"),
                invalid("wrong issuer", n -> TestTokens.token(n, c -> c.issuer("https://evil.example")), "wrong issuer"),
                invalid("wrong audience", n -> TestTokens.token(n, c -> c.audience("https://evil.example/fhir")),
                        "wrong audience"),
                invalid("foreign key", n -> TestTokens.sign(TestTokens.FOREIGN_SAME_KID, JWSAlgorithm.RS384, AT_JWT,
                        TestTokens.claims(n).build()), "invalid signature"),
                invalid("alg none", TestTokens::unsigned, "only signed tokens are accepted"),
                invalid("HS256 keyed with the public key", TestTokens::hs256WithPublicKey,
                        "signing algorithm not accepted"),
                invalid("garbage", n -> "garbage", "malformed token"),
                invalid("not a b64token", n -> "a\"b", "malformed token"),
                invalid("too large", n -> "a".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS + 1), "token too large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void invalidTokensAre401InvalidTokenWithAShortReason(Function<Instant, String> token, String reason)
            throws Exception {
        String presented = token.apply(Instant.now());

        HttpResponse<String> response = send("POST", SUBMIT, "Bearer " + presented);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains(
                "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + reason + "\"");
        assertRefusal(response, "login", presented);
    }

    @Test
    void noTokenIs401WithABareChallenge() throws Exception {
        HttpResponse<String> response = send("POST", SUBMIT, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"" + REALM + "\"");
        assertRefusal(response, "login", null);
    }

    @Test
    void anotherSchemeIsNoToken() throws Exception {
        HttpResponse<String> response = send("POST", SUBMIT, "Basic YWxhZGRpbjpvcGVuc2VzYW1l");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"" + REALM + "\"");
    }

    static Stream<Arguments> insufficient() {
        return Stream.of(
                Arguments.of(Named.of("read-only scope", "system/CoverageEligibilityRequest.rs")),
                Arguments.of(Named.of("v1 read-only scope", "system/CoverageEligibilityRequest.read")),
                Arguments.of(Named.of("no resource scope", "openid fhirUser")),
                Arguments.of(Named.of("another type", "system/Patient.c")),
                Arguments.of(Named.of("patient context", "patient/CoverageEligibilityRequest.c")),
                Arguments.of(Named.of("constrained scope", "system/CoverageEligibilityRequest.c?x=y")),
                Arguments.of(Named.of("out-of-order permissions", "system/CoverageEligibilityRequest.dc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insufficient")
    void aValidTokenWithoutTheScopeIs403InsufficientScope(String scope) throws Exception {
        HttpResponse<String> response = send("POST", SUBMIT,
                "Bearer " + TestTokens.token(Instant.now(), c -> c.claim("scope", scope)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"" + REALM
                + "\", error=\"insufficient_scope\", error_description=\"the token's scopes do not grant this request\""
                + ", scope=\"system/CoverageEligibilityRequest.c\"");
        assertRefusal(response, "forbidden", null);
    }

    static Stream<Arguments> readsRefused() {
        return Stream.of(
                Arguments.of("submitting is not reading", "/fhir/CoverageEligibilityResponse/1", "system/CoverageEligibilityRequest.c",
                        "system/CoverageEligibilityResponse.rs"),
                Arguments.of("read without search", "/fhir/CoverageEligibilityResponse/1", "system/CoverageEligibilityResponse.r",
                        "system/CoverageEligibilityResponse.rs"),
                Arguments.of("the answers' scope does not open the audit trail", "/fhir/AuditEvent", "system/CoverageEligibilityResponse.rs",
                        "system/AuditEvent.rs"),
                Arguments.of("the audit trail's scope does not open the answers", "/fhir/CoverageEligibilityResponse?outcome=complete",
                        "system/AuditEvent.read", "system/CoverageEligibilityResponse.rs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readsRefused")
    void readingTheRecordNeedsTheReadScopeOfItsType(String name, String path, String scope, String needed) throws Exception {
        HttpResponse<String> response = send("GET", path, "Bearer " + TestTokens.token(Instant.now(), c -> c.claim("scope", scope)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .contains("error=\"insufficient_scope\"").endsWith("scope=\"" + needed + "\""));
    }

    @Test
    void anUnknownKidIsFetchedForOnceThenRefusedWithinTheInterval() throws Exception {
        var rotated = TestTokens.ec("ec-rotated");
        var again = TestTokens.rsa("rsa-rotated");
        send("POST", SUBMIT, "Bearer " + TestTokens.token(Instant.now(), c -> c));
        issuer.answer(x -> new LoopbackServer.Answer(200, TestTokens.jwks(RSA, EC, rotated, again)));
        int calls = issuer.calls();

        HttpResponse<String> first = send("POST", SUBMIT, "Bearer " + TestTokens.sign(rotated, JWSAlgorithm.ES384,
                AT_JWT, TestTokens.claims(Instant.now()).build()));
        HttpResponse<String> second = send("POST", SUBMIT, "Bearer " + TestTokens.sign(TestTokens.rsa("rsa-unknown"),
                JWSAlgorithm.RS384, AT_JWT, TestTokens.claims(Instant.now()).build()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(second.headers().firstValue("WWW-Authenticate")).get().asString()
                .contains("no key of the issuer's JWKS matches the token (kid, alg)");
        assertThat(issuer.calls()).isEqualTo(calls + 1);
    }

    @Test
    void keysThatCannotBeFetchedAre503NotTheClientsFault() throws Exception {
        issuer.answer(x -> new LoopbackServer.Answer(503, "{}"));

        HttpResponse<String> response = send("POST", SUBMIT, "Bearer " + TestTokens.token(Instant.now(), c -> c));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertRefusal(response, "transient", null);
    }

    @Test
    void twoAuthorizationHeadersAre400InvalidRequest() throws Exception {
        String token = TestTokens.token(Instant.now(), c -> c);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + SUBMIT))
                .header("Authorization", "Bearer " + token).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_request");
    }

    @ParameterizedTest(name = "{0} {1} is open")
    @MethodSource("openRequests")
    void theCapabilityStatementAndSmartConfigurationAreOpen(String method, String path) throws Exception {
        assertThat(send(method, path, null).statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> openRequests() {
        return Stream.of(Arguments.of("GET", "/fhir/metadata"), Arguments.of("GET", "/fhir/.well-known/smart-configuration"));
    }

    @ParameterizedTest(name = "{0} {1} needs a token")
    @MethodSource("closedRequests")
    void everythingElseNeedsAToken(String method, String path) throws Exception {
        assertThat(send(method, path, null).statusCode()).isEqualTo(401);
    }

    static Stream<Arguments> closedRequests() {
        return Stream.of(Arguments.of("OPTIONS", "/fhir/metadata"), Arguments.of("OPTIONS", "/fhir"),
                Arguments.of("OPTIONS", SUBMIT), Arguments.of("POST", "/fhir/metadata"),
                Arguments.of("GET", "/fhir/CoverageEligibilityRequest"), Arguments.of("GET", "/fhir"),
                Arguments.of("GET", "/fhir/metadata/../CoverageEligibilityRequest"),
                Arguments.of("POST", "/fhir/.well-known/smart-configuration"));
    }

    @Test
    void theSmartConfigurationDescribesBackendServices() throws Exception {
        HttpResponse<String> response = send("GET", "/fhir/.well-known/smart-configuration", null);

        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        Map<String, Object> document = JSONObjectUtils.parse(response.body());
        assertThat(document).containsEntry("token_endpoint", "https://auth.payer.example/realms/coverage/token")
                .containsEntry("grant_types_supported", List.of("client_credentials"))
                .containsEntry("token_endpoint_auth_methods_supported", List.of("private_key_jwt"))
                .containsEntry("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"))
                .containsEntry("capabilities",
                        List.of("client-confidential-asymmetric", "permission-v1", "permission-v2"));
        @SuppressWarnings("unchecked")
        List<String> scopes = (List<String>) document.get("scopes_supported");
        assertThat(scopes).allSatisfy(scope -> assertThat(SmartScope.parse(scope)).isPresent())
                .anySatisfy(scope -> assertThat(GrantedScopes.parse(scope).grant(RequiredAccess.submit())).isTrue());
    }

    private static void assertRefusal(HttpResponse<String> response, String issueType, String token) throws Exception {
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/fhir+json");
        Map<String, Object> outcome = JSONObjectUtils.parse(response.body());
        assertThat(outcome).containsEntry("resourceType", "OperationOutcome");
        @SuppressWarnings("unchecked")
        Map<String, Object> issue = ((List<Map<String, Object>>) outcome.get("issue")).get(0);
        assertThat(issue).containsEntry("severity", "error").containsEntry("code", issueType);
        if (token != null && token.length() > 8) {
            String head = token.substring(0, 8);
            assertThat(response.body()).doesNotContain(head);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).doesNotContain(head);
        }
    }

    private static HttpResponse<String> send(String method, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Arguments admitted(String name, String path, Function<Instant, String> token) {
        return Arguments.of(Named.of(name, path), token);
    }

    private static Arguments invalid(String name, Function<Instant, String> token, String reason) {
        return Arguments.of(Named.of(name, token), reason);
    }

    /** Stands for the FHIR server behind the filter: answers 200 naming the client the filter recorded. */
    static final class Echo extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(200);
            response.getWriter().write("client=" + request.getAttribute(BearerTokenFilter.CLIENT_ATTRIBUTE)
                    + " subject=" + request.getAttribute(BearerTokenFilter.SUBJECT_ATTRIBUTE));
        }
    }
}
