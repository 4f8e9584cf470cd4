package org.coverageengine.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coverageengine.adapter.auth.TestTokens.AUDIENCE;
import static org.coverageengine.adapter.auth.TestTokens.CLIENT;
import static org.coverageengine.adapter.auth.TestTokens.EC;
import static org.coverageengine.adapter.auth.TestTokens.ISSUER;
import static org.coverageengine.adapter.auth.TestTokens.RSA;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JwtAccessTokenVerifierTest {

    static final Instant NOW = Instant.parse("2025-03-10T14:00:00Z");
    static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    @TempDir
    static Path dir;
    static JwtAccessTokenVerifier verifier;

    @BeforeAll
    static void publishKeys() throws IOException {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestTokens.jwks(RSA, EC));
        verifier = new JwtAccessTokenVerifier(
                JwtAccessTokenVerifier.keySource(jwks.toString(), Duration.ofSeconds(2), Duration.ofSeconds(30)),
                ISSUER, AUDIENCE, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Tokens the issuer could have issued, in each accepted shape. */
    static Stream<Arguments> validTokens() {
        return Stream.of(
                named("RS384, at+jwt, SMART v2 scope", n -> TestTokens.token(n, c -> c)),
                named("ES384, typ JWT", n -> TestTokens.sign(EC, JWSAlgorithm.ES384, JOSEObjectType.JWT,
                        TestTokens.claims(n).build())),
                named("PS256", n -> TestTokens.sign(RSA, JWSAlgorithm.PS256, AT_JWT, TestTokens.claims(n).build())),
                named("RS256, typ application/at+jwt", n -> TestTokens.sign(RSA, JWSAlgorithm.RS256,
                        new JOSEObjectType("application/at+jwt"), TestTokens.claims(n).build())),
                named("SMART v1 scope .write", n -> TestTokens.token(n,
                        c -> c.claim("scope", "system/CoverageEligibilityRequest.write"))),
                named("scp array", n -> TestTokens.token(n,
                        c -> c.claim("scope", null).claim("scp", List.of("openid", "system/*.cud")))),
                named("aud array containing the audience", n -> TestTokens.token(n,
                        c -> c.audience(List.of("https://other.example", AUDIENCE)))),
                named("expired 30 s ago, within the 60 s skew", n -> TestTokens.token(n,
                        c -> c.expirationTime(Date.from(n.minusSeconds(30))))),
                named("nbf 30 s ahead, within the skew", n -> TestTokens.token(n,
                        c -> c.notBeforeTime(Date.from(n.plusSeconds(30))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validTokens")
    void acceptsValidTokens(Function<Instant, String> token) {
        TokenCheck check = verifier.verify(token.apply(NOW));

        assertThat(check).isInstanceOf(VerifiedToken.class);
        VerifiedToken verified = (VerifiedToken) check;
        assertThat(verified.clientId()).isEqualTo(CLIENT);
        assertThat(verified.subject()).isEqualTo(CLIENT);
        assertThat(verified.scopes().grant(RequiredAccess.submit())).isTrue();
        assertThat(verified.expiresAt()).isAfter(NOW.minusSeconds(61));
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                refused("expired", n -> TestTokens.token(n, c -> c.expirationTime(Date.from(n.minusSeconds(120)))),
                        "token expired"),
                refused("not yet valid", n -> TestTokens.token(n, c -> c.notBeforeTime(Date.from(n.plusSeconds(120)))),
                        "token not yet valid (nbf)"),
                refused("issued in the future", n -> TestTokens.token(n, c -> c.issueTime(Date.from(n.plusSeconds(600)))),
                        "token issued in the future (iat)"),
                refused("no exp", n -> TestTokens.token(n, c -> c.expirationTime(null)), "token has no expiry (exp)"),
                refused("wrong issuer", n -> TestTokens.token(n, c -> c.issuer("https://evil.example/realms/coverage")),
                        "wrong issuer"),
                refused("issuer differing only by a trailing slash", n -> TestTokens.token(n, c -> c.issuer(ISSUER + "/")),
                        "wrong issuer"),
                refused("wrong audience", n -> TestTokens.token(n, c -> c.audience("https://other.example/fhir")),
                        "wrong audience"),
                refused("no audience", n -> TestTokens.token(n, c -> c.audience((String) null)), "wrong audience"),
                refused("no client_id", n -> TestTokens.token(n, c -> c.claim("client_id", null)),
                        "token has no client_id"),
                refused("client_id not a string", n -> TestTokens.token(n, c -> c.claim("client_id", 42)),
                        "client_id is not a string"),
                refused("foreign key under the issuer's kid", n -> TestTokens.sign(TestTokens.FOREIGN_SAME_KID,
                        JWSAlgorithm.RS384, AT_JWT, TestTokens.claims(n).build()), "invalid signature"),
                refused("foreign key under its own kid", n -> TestTokens.sign(TestTokens.FOREIGN,
                        JWSAlgorithm.RS384, AT_JWT, TestTokens.claims(n).build()),
                        "no key of the issuer's JWKS matches the token (kid, alg)"),
                refused("alg none", TestTokens::unsigned, "only signed tokens are accepted"),
                refused("HS256 keyed with the public key", TestTokens::hs256WithPublicKey,
                        "signing algorithm not accepted"),
                refused("RS384 header on an EC key", n -> TestTokens.sign(EC, JWSAlgorithm.ES384, AT_JWT,
                        TestTokens.claims(n).build()).replaceFirst("^[^.]+", Base64URL.encode(
                        "{\"alg\":\"RS384\",\"kid\":\"ec-1\",\"typ\":\"at+jwt\"}").toString()),
                        "no key of the issuer's JWKS matches the token (kid, alg)"),
                refused("typ JOSE", n -> TestTokens.sign(RSA, JWSAlgorithm.RS384, JOSEObjectType.JOSE,
                        TestTokens.claims(n).build()), "token type not accepted (typ must be at+jwt or JWT)"),
                refused("no typ", n -> TestTokens.sign(RSA, JWSAlgorithm.RS384, null, TestTokens.claims(n).build()),
                        "token type not accepted (typ must be at+jwt or JWT)"),
                refused("garbage", n -> "not-a-token", "malformed token"),
                refused("three dots of garbage", n -> "eyJ.eyJ.abc", "malformed token"),
                refused("signature cut off", n -> TestTokens.token(n, c -> c).replaceFirst("\\.[^.]+$", "."),
                        "malformed token"),
                refused("claims altered after signing", n -> alterClaims(TestTokens.token(n, c -> c)),
                        "invalid signature"),
                refused("too large", n -> TestTokens.token(n, c -> c.claim("pad", "x".repeat(17_000))),
                        "token too large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesWithAShortReasonThatEchoesNothing(Function<Instant, String> token, String reason) {
        String presented = token.apply(NOW);

        TokenCheck check = verifier.verify(presented);

        assertThat(check).isEqualTo(TokenRejection.invalid(reason));
        assertThat(reason).doesNotContain("evil").doesNotContain(presented.substring(0, Math.min(12, presented.length())));
    }

    @Test
    void unknownKidFetchesTheJwksAgainButAtMostOncePerInterval() throws IOException {
        var later = TestTokens.rsa("rsa-2");
        var latest = TestTokens.ec("ec-3");
        try (var issuer = new LoopbackServer(x -> new LoopbackServer.Answer(200, TestTokens.jwks(RSA)))) {
            var remote = verifierOf(issuer, Duration.ofSeconds(30));
            assertThat(remote.verify(TestTokens.token(NOW, c -> c))).isInstanceOf(VerifiedToken.class);
            assertThat(issuer.calls()).isEqualTo(1);

            issuer.answer(x -> new LoopbackServer.Answer(200, TestTokens.jwks(RSA, later)));
            assertThat(remote.verify(TestTokens.sign(later, JWSAlgorithm.RS384, AT_JWT, TestTokens.claims(NOW).build())))
                    .as("a key rotated in is found by fetching the JWKS again").isInstanceOf(VerifiedToken.class);
            assertThat(issuer.calls()).isEqualTo(2);

            issuer.answer(x -> new LoopbackServer.Answer(200, TestTokens.jwks(RSA, later, latest)));
            assertThat(remote.verify(TestTokens.sign(latest, JWSAlgorithm.ES384, AT_JWT, TestTokens.claims(NOW).build())))
                    .as("a second unknown kid within 30 s is not fetched for")
                    .isEqualTo(TokenRejection.invalid("no key of the issuer's JWKS matches the token (kid, alg)"));
            assertThat(remote.verify(TestTokens.sign(TestTokens.FOREIGN, JWSAlgorithm.RS384, AT_JWT,
                    TestTokens.claims(NOW).build()))).isInstanceOf(TokenRejection.class);
            assertThat(issuer.calls()).isEqualTo(2);
        }
    }

    @Test
    void unknownKidFetchesAgainOnceTheIntervalHasPassed() throws Exception {
        var later = TestTokens.ec("ec-2");
        try (var issuer = new LoopbackServer(x -> new LoopbackServer.Answer(200, TestTokens.jwks(RSA)))) {
            var remote = verifierOf(issuer, Duration.ofMillis(300));
            String rotated = TestTokens.sign(later, JWSAlgorithm.ES384, AT_JWT, TestTokens.claims(NOW).build());
            assertThat(remote.verify(TestTokens.token(NOW, c -> c))).isInstanceOf(VerifiedToken.class);
            assertThat(remote.verify(rotated)).isInstanceOf(TokenRejection.class);
            assertThat(remote.verify(rotated)).isInstanceOf(TokenRejection.class);
            int calls = issuer.calls();

            issuer.answer(x -> new LoopbackServer.Answer(200, TestTokens.jwks(RSA, later)));
            Thread.sleep(400);

            assertThat(remote.verify(rotated)).isInstanceOf(VerifiedToken.class);
            assertThat(issuer.calls()).isEqualTo(calls + 1);
        }
    }

    @Test
    void anUnreachableJwksIsTheVerifiersFaultNotTheClients() throws IOException {
        try (var issuer = new LoopbackServer(x -> new LoopbackServer.Answer(500, "{}"))) {
            assertThat(verifierOf(issuer, Duration.ofSeconds(30)).verify(TestTokens.token(NOW, c -> c)))
                    .isEqualTo(TokenRejection.unavailable("the issuer's signing keys could not be read"));
        }
    }

    @Test
    void theFactoryReadsAJwksFileNamedInTheSettings() throws IOException {
        Path jwks = Files.writeString(dir.resolve("factory-jwks.json"), TestTokens.jwks(EC));
        AccessTokenVerifier fromSettings = AccessTokenVerifier.from(
                AuthSettings.jwt(jwks.toString(), ISSUER, AUDIENCE, URI.create("https://auth.payer.example/token")));

        TokenCheck check = fromSettings.verify(TestTokens.sign(EC, JWSAlgorithm.ES384, AT_JWT,
                TestTokens.claims(Instant.now()).build()));

        assertThat(check).isInstanceOf(VerifiedToken.class);
    }

    private static String alterClaims(String token) {
        String[] parts = token.split("\\.");
        String claims = Base64URL.from(parts[1]).decodeToString()
                .replace("system/CoverageEligibilityRequest.c", "system/*.cruds");
        return parts[0] + "." + Base64URL.encode(claims) + "." + parts[2];
    }

    private static JwtAccessTokenVerifier verifierOf(LoopbackServer issuer, Duration refetchInterval) {
        return new JwtAccessTokenVerifier(
                JwtAccessTokenVerifier.keySource(issuer.url("/jwks"), Duration.ofSeconds(2), refetchInterval),
                ISSUER, AUDIENCE, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Arguments named(String name, Function<Instant, String> token) {
        return Arguments.of(Named.of(name, token));
    }

    private static Arguments refused(String name, Function<Instant, String> token, String reason) {
        return Arguments.of(Named.of(name, token), reason);
    }
}
