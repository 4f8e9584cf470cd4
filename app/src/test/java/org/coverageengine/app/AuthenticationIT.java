package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded jar as a SMART Backend Services resource server over real HTTP(S) on loopback: access tokens signed by
 * keys this test makes, checked against a JWKS file (and a JWKS served from a loopback URL for key rotation), the
 * RFC 6750 answers, discovery, TLS with a certificate the test generates, and the warning an open server prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationIT {

    private static final String ISSUER = "https://auth.payer.example/realms/coverage";
    private static final String AUDIENCE = "https://coverage.payer.example/fhir";
    private static final String TOKEN_ENDPOINT = "https://auth.payer.example/realms/coverage/protocol/openid-connect/token";
    private static final String CLIENT = "provider-gateway-17";
    private static final String SUBMIT = "/CoverageEligibilityRequest/$submit";
    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    private static final String TLS_PASSWORD = "test-only-" + UUID.randomUUID();

    private static final RSAKey RSA = rsa("rsa-1");
    private static final ECKey EC = ec("ec-1");
    /** A key the issuer never published, under the kid of its real key. */
    private static final RSAKey FOREIGN = rsa("rsa-1");

    @TempDir
    static Path dir;

    private JarProcess fileJwks;
    private JarProcess urlJwksTls;
    private JarProcess open;
    private HttpServer issuer;
    private final AtomicReference<String> publishedKeys = new AtomicReference<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private String plainBase;
    private String tlsBase;
    private HttpClient plain;
    private HttpClient tls;
    private SSLContext trustingTheTestCertificate;
    private byte[] submitBody;

    @BeforeAll
    void serve() throws Exception {
        submitBody = Files.readAllBytes(Path.of("../docs/examples/request-craniotomy.json"));
        Path jwksFile = Files.writeString(dir.resolve("jwks.json"), jwks(RSA, EC));
        issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        publishedKeys.set(jwks(RSA));
        issuer.createContext("/certs", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = publishedKeys.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
        Path keystore = generateKeystore();

        int plainPort = loopbackPort();
        int tlsPort = loopbackPort();
        fileJwks = JarProcess.start("serve", "--port", String.valueOf(plainPort), "--auth-jwks", jwksFile.toString(),
                "--auth-issuer", ISSUER, "--auth-audience", AUDIENCE, "--auth-token-endpoint", TOKEN_ENDPOINT);
        urlJwksTls = JarProcess.start(Map.of("CPE_TLS_KEYSTORE_PASSWORD", TLS_PASSWORD), "serve", "--port", String.valueOf(tlsPort),
                "--auth-jwks", "http://127.0.0.1:" + issuer.getAddress().getPort() + "/certs", "--auth-issuer", ISSUER,
                "--auth-audience", AUDIENCE, "--auth-token-endpoint", TOKEN_ENDPOINT, "--tls-keystore", keystore.toString(),
                "--read-timeout", "2", "--idle-timeout", "30");
        // Bound to every address, but nothing here connects to it: only its warning is read.
        open = JarProcess.start("serve", "--host", "0.0.0.0", "--port", "0");
        plainBase = "http://127.0.0.1:" + plainPort + "/fhir";
        tlsBase = "https://127.0.0.1:" + tlsPort + "/fhir";

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, TLS_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trustingTheTestCertificate = SSLContext.getInstance("TLS");
        trustingTheTestCertificate.init(null, trust.getTrustManagers(), null);
        plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        tls = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(trustingTheTestCertificate).build();
        for (JarProcess jar : List.of(fileJwks, urlJwksTls)) {
            assertThat(jar.awaitOutput("Started in", 60_000)).as(jar.out() + jar.err()).isTrue();
        }
    }

    @AfterAll
    void stop() throws IOException {
        for (JarProcess jar : Arrays.asList(fileJwks, urlJwksTls, open)) {
            if (jar != null) {
                jar.close();
            }
        }
        if (issuer != null) {
            issuer.stop(0);
        }
    }

    // --- tokens, as an authorization server issues them ---

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_384).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(JWK... keys) {
        return new JWKSet(Arrays.asList(keys)).toPublicJWKSet().toString();
    }

    private static JWTClaimsSet.Builder claims(String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(CLIENT).claim("client_id", CLIENT)
                .claim("scope", scope).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
    }

    private static String sign(JWK key, JWSAlgorithm alg, JOSEObjectType typ, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(typ).build(), claims);
            jwt.sign(key instanceof ECKey ecKey ? new ECDSASigner(ecKey) : new RSASSASigner((RSAKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String scope, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(RSA, JWSAlgorithm.RS384, AT_JWT, change.apply(claims(scope)).build());
    }

    private static String hs256WithThePublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(RSA.getKeyID()).type(AT_JWT).build(),
                    claims("system/CoverageEligibilityRequest.c").build());
            jwt.sign(new MACSigner(RSA.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date in(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    // --- HTTP ---

    private static int loopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> submit(HttpClient client, String base, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + SUBMIT)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofByteArray(submitBody));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path generateKeystore() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", TLS_PASSWORD, "-keypass", TLS_PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as(output).isTrue();
        return keystore;
    }

    private static void assertOperationOutcome(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
        assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    // --- the cases ---

    static Stream<Arguments> grantingTokens() {
        return Stream.of(
                Arguments.of("SMART v2 create on the type", token("system/CoverageEligibilityRequest.c", c -> c)),
                Arguments.of("SMART v2 cruds on every type", token("system/*.cruds", c -> c)),
                Arguments.of("SMART v1 write on the type", token("system/CoverageEligibilityRequest.write", c -> c)),
                Arguments.of("SMART v1 all on every type, beside other scopes", token("openid system/Patient.read system/*.*", c -> c)),
                Arguments.of("scp array instead of scope", token(null, c -> c.claim("scp", List.of("system/CoverageEligibilityRequest.c")))),
                Arguments.of("ES384, typ JWT", sign(EC, JWSAlgorithm.ES384, JOSEObjectType.JWT, claims("system/CoverageEligibilityRequest.c").build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grantingTokens")
    @DisplayName("a valid token whose scopes grant create on CoverageEligibilityRequest gets the determination")
    void grantingTokensGetTheDetermination(String name, String token) throws Exception {
        HttpResponse<String> answer = submit(plain, plainBase, "Bearer " + token);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"resourceType\":\"CoverageEligibilityResponse\"").contains("coverage-determination");
    }

    static Stream<Arguments> invalidTokens() {
        String submitScope = "system/CoverageEligibilityRequest.c";
        return Stream.of(
                Arguments.of("expired", token(submitScope, c -> c.issueTime(in(-900)).notBeforeTime(in(-900)).expirationTime(in(-600))),
                        "token expired"),
                Arguments.of("not yet valid", token(submitScope, c -> c.notBeforeTime(in(600)).expirationTime(in(900))),
                        "token not yet valid (nbf)"),
                Arguments.of("wrong issuer", token(submitScope, c -> c.issuer(ISSUER + "/")), "wrong issuer"),
                Arguments.of("wrong audience", token(submitScope, c -> c.audience("https://other.payer.example/fhir")), "wrong audience"),
                Arguments.of("signed by a foreign key under the issuer's kid", sign(FOREIGN, JWSAlgorithm.RS384, AT_JWT,
                        claims(submitScope).build()), "invalid signature"),
                Arguments.of("alg none", new PlainJWT(claims(submitScope).build()).serialize(), "only signed tokens are accepted"),
                Arguments.of("HS256 keyed with the issuer's public key", hs256WithThePublicKey(), "signing algorithm not accepted"),
                Arguments.of("garbage", "bm90IGEgdG9rZW4", "malformed token"),
                Arguments.of("no client_id", token(submitScope, c -> c.claim("client_id", null)), "token has no client_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    @DisplayName("a bad token is 401 invalid_token with a short description and an OperationOutcome, echoing nothing of it")
    void invalidTokensAre401(String name, String token, String description) throws Exception {
        HttpResponse<String> answer = submit(plain, plainBase, "Bearer " + token);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer realm=\"" + AUDIENCE + "\", error=\"invalid_token\", error_description=\"" + description + "\"");
        assertOperationOutcome(answer);
        String[] parts = token.split("\\.");
        String echoed = parts.length > 1 ? parts[1] : token;
        assertThat(answer.body() + answer.headers().map()).doesNotContain(echoed);
        assertThat(fileJwks.err()).doesNotContain(echoed);
    }

    @Test
    @DisplayName("no token is 401 with a bare Bearer challenge naming the realm")
    void noTokenIs401() throws Exception {
        for (String authorization : new String[] {null, "Basic cHJvdmlkZXI6c2VjcmV0"}) {
            HttpResponse<String> answer = submit(plain, plainBase, authorization);

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"" + AUDIENCE + "\"");
            assertOperationOutcome(answer);
        }
    }

    static Stream<Arguments> insufficientScopes() {
        return Stream.of(
                Arguments.of("missing scope", token(null, c -> c)),
                Arguments.of("read-only v2", token("system/CoverageEligibilityRequest.rs", c -> c)),
                Arguments.of("read-only v1", token("system/CoverageEligibilityRequest.read system/*.read", c -> c)),
                Arguments.of("create on another type", token("system/Patient.c", c -> c)),
                Arguments.of("patient context", token("patient/CoverageEligibilityRequest.c", c -> c)),
                Arguments.of("constrained", token("system/CoverageEligibilityRequest.c?status=active", c -> c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insufficientScopes")
    @DisplayName("a valid token without create on CoverageEligibilityRequest is 403 insufficient_scope naming the scope needed")
    void insufficientScopesAre403(String name, String token) throws Exception {
        HttpResponse<String> answer = submit(plain, plainBase, "Bearer " + token);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .startsWith("Bearer realm=\"" + AUDIENCE + "\", error=\"insufficient_scope\"")
                .endsWith("scope=\"system/CoverageEligibilityRequest.c\""));
        assertOperationOutcome(answer);
    }

    @Test
    @DisplayName("the SMART configuration and the CapabilityStatement are open; the CapabilityStatement declares SMART-on-FHIR")
    void discoveryIsOpen() throws Exception {
        HttpResponse<String> smart = get(plain, plainBase + "/.well-known/smart-configuration");
        assertThat(smart.statusCode()).isEqualTo(200);
        assertThat(smart.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(smart.body()).contains("\"token_endpoint\":\"" + TOKEN_ENDPOINT + "\"")
                .contains("\"grant_types_supported\":[\"client_credentials\"]")
                .contains("\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\"]")
                .contains("\"token_endpoint_auth_signing_alg_values_supported\":[\"RS384\",\"ES384\"]")
                .contains("\"client-confidential-asymmetric\"", "\"permission-v1\"", "\"permission-v2\"")
                .contains("\"scopes_supported\":[").contains("system/CoverageEligibilityRequest.c");

        HttpResponse<String> metadata = get(plain, plainBase + "/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"resourceType\":\"CapabilityStatement\"")
                .contains("http://terminology.hl7.org/CodeSystem/restful-security-service").contains("\"SMART-on-FHIR\"")
                .contains("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris").contains(TOKEN_ENDPOINT);

        assertThat(get(plain, plainBase + "/CodeSystem/coverage-determination").statusCode())
                .as("other reads need a token").isEqualTo(401);
    }

    @Test
    @DisplayName("over HTTPS: the printed base URL is https, TLS 1.2+ is negotiated, tokens are checked, metadata is open")
    void tls() throws Exception {
        assertThat(urlJwksTls.out()).contains("serving FHIR R4 at https://127.0.0.1:");
        assertThat(get(tls, tlsBase + "/metadata").statusCode()).isEqualTo(200);
        HttpResponse<String> answer = submit(tls, tlsBase, "Bearer " + token("system/CoverageEligibilityRequest.c", c -> c));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.sslSession()).hasValueSatisfying(session -> assertThat(session.getProtocol()).isIn("TLSv1.2", "TLSv1.3"));
        assertThat(submit(tls, tlsBase, null).statusCode()).isEqualTo(401);

        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(untrusting, tlsBase + "/metadata"))
                .as("a client that does not trust the certificate is not served").isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("over HTTPS the read timeout still closes a connection whose headers never finish")
    void tlsKeepsTheReadTimeout() throws Exception {
        int port = URI.create(tlsBase).getPort();
        try (SSLSocket socket = (SSLSocket) trustingTheTestCertificate.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.startHandshake();
            socket.getOutputStream().write(("POST /fhir" + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long started = System.nanoTime();
            byte[] rest = socket.getInputStream().readAllBytes();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).as("closed by the 2 s read timeout, not the 30 s idle timeout (read: %s)",
                    new String(rest, StandardCharsets.ISO_8859_1)).isBetween(1_000L, 6_000L);
        }
    }

    @Test
    @DisplayName("a key rotated in under a new kid is found by fetching the JWKS from its URL again, at most once per 30 s")
    void unknownKidRefetchesTheJwks() throws Exception {
        RSAKey rotated = rsa("rsa-2");
        ECKey rotatedAgain = ec("ec-3");
        String scope = "system/CoverageEligibilityRequest.c";
        assertThat(submit(tls, tlsBase, "Bearer " + token(scope, c -> c)).statusCode()).isEqualTo(200);
        int fetches = jwksFetches.get();
        assertThat(fetches).isEqualTo(1);

        publishedKeys.set(jwks(RSA, rotated));
        HttpResponse<String> answer = submit(tls, tlsBase, "Bearer " + sign(rotated, JWSAlgorithm.RS384, AT_JWT, claims(scope).build()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(jwksFetches.get()).isEqualTo(fetches + 1);

        publishedKeys.set(jwks(RSA, rotated, rotatedAgain));
        answer = submit(tls, tlsBase, "Bearer " + sign(rotatedAgain, JWSAlgorithm.ES384, AT_JWT, claims(scope).build()));
        assertThat(answer.statusCode()).as("a second unknown kid within 30 s is not fetched for").isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .contains("error_description=\"no key of the issuer's JWKS matches the token (kid, alg)\""));
        assertThat(jwksFetches.get()).isEqualTo(fetches + 1);
    }

    @Test
    @DisplayName("without authentication on a non-loopback address, serve prints a one-line warning")
    void openServerOnTheNetworkWarns() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!open.err().contains("WARNING") && open.process.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        List<String> warnings = open.err().lines().filter(line -> line.contains("WARNING")).toList();
        assertThat(warnings).singleElement().satisfies(line -> assertThat(line)
                .startsWith("WARNING: no authentication and listening on 0.0.0.0, which is not a loopback address"));
        assertThat(fileJwks.err() + urlJwksTls.err()).doesNotContain("WARNING");
    }

    private HttpResponse<String> read(String pathAndQuery, String scope) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(plainBase + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/fhir+json");
        if (scope != null) {
            request.header("Authorization", "Bearer " + token(scope, c -> c));
        }
        return plain.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("reading the record needs system/CoverageEligibilityResponse.rs (v1 .read); the audit trail system/AuditEvent.rs")
    void readingTheRecordNeedsItsReadScopes() throws Exception {
        HttpResponse<String> answer = submit(plain, plainBase, "Bearer " + token("system/CoverageEligibilityRequest.c", c -> c));
        assertThat(answer.statusCode()).isEqualTo(200);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer.body());
        assertThat(id.find()).isTrue();
        String path = "/CoverageEligibilityResponse/" + id.group(1);

        for (String scope : List.of("system/CoverageEligibilityResponse.rs", "system/CoverageEligibilityResponse.read", "system/*.rs")) {
            HttpResponse<String> read = read(path, scope);
            assertThat(read.statusCode()).as(scope).isEqualTo(200);
            assertThat(read.body()).as("the answer as it was sent").isEqualTo(answer.body());
        }
        HttpResponse<String> submitter = read(path, "system/CoverageEligibilityRequest.c");
        assertThat(submitter.statusCode()).isEqualTo(403);
        assertThat(submitter.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .endsWith("scope=\"system/CoverageEligibilityResponse.rs\""));
        assertThat(read(path, null).statusCode()).isEqualTo(401);
        assertThat(read("/AuditEvent", "system/CoverageEligibilityResponse.rs").statusCode()).isEqualTo(403);

        // The submit is audited with the client who made it; the refused reads are audited as minor failures.
        HttpResponse<String> submits = read("/AuditEvent?entity=" + id.group(1) + "&subtype=operation", "system/AuditEvent.rs");
        assertThat(submits.statusCode()).as(submits.body()).isEqualTo(200);
        assertThat(submits.body()).contains("\"total\":1").contains("\"value\":\"" + CLIENT + "\"").contains("\"requestor\":true");
        HttpResponse<String> refused = read("/AuditEvent?outcome=4&subtype=read&_count=50", "system/AuditEvent.read");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("\"outcomeDesc\":\"HTTP 401\"").contains("\"outcomeDesc\":\"HTTP 403\"");
    }
}
