package org.coverageengine.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CDS client JWT on every call, discovery included, checked as CDS Hooks "Trusting CDS Clients" requires. */
class ClientJwtTest {

    private static final String ISSUER = "https://ehr.example.org";
    private static ECKey key;
    private static ECKey otherKey;
    private static CdsServer server;

    @TempDir
    static Path folder;

    @BeforeAll
    static void start() throws Exception {
        key = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").keyUse(KeyUse.SIGNATURE).generate();
        otherKey = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").keyUse(KeyUse.SIGNATURE).generate();
        Path jwks = folder.resolve("ehr-jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        CdsClientVerifier verifier = new CdsClientVerifier(List.of(new CdsClientVerifier.TrustedClient(ISSUER, jwks.toString())),
                CdsClientVerifier.DEFAULT_ALGORITHMS, Clock.systemUTC());
        server = new CdsServer(CdsSettings.DEFAULTS, verifier, HookRecorder.NONE);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String token(UnaryOperator<JWSHeader.Builder> header, UnaryOperator<JWTClaimsSet.Builder> claims, ECKey signer)
            throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(ISSUER).audience(server.base()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(240))).jwtID(UUID.randomUUID().toString());
        SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).keyID("ehr-1")).build(),
                claims.apply(set).build());
        jwt.sign(new ECDSASigner(signer));
        return "Bearer " + jwt.serialize();
    }

    @Test
    @DisplayName("a valid JWT opens discovery; the same jti a second time is refused")
    void validThenReplayed() throws Exception {
        String authorization = token(h -> h, c -> c, key);
        assertThat(server.get("", authorization).status()).isEqualTo(200);
        CdsServer.Reply replay = server.get("", authorization);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body()).contains("jti was already used");
    }

    @Test
    @DisplayName("a service call needs the service's URL as audience")
    void serviceAudience() throws Exception {
        String body = Hooks.orderSign("95940:C71.1").toString();
        String good = token(h -> h, c -> c.audience(server.base() + "/order-sign-crd"), key);
        CdsServer.Reply ok = CdsServer.send(java.net.http.HttpRequest.newBuilder(URI.create(server.base() + "/order-sign-crd"))
                .header("Content-Type", "application/json").header("Authorization", good).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }

    static Stream<Arguments> refused() throws Exception {
        PlainJWT none = new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(ISSUER)
                .audience("x").jwtID("n").build());
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID("ehr-1").build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).jwtID("h").build());
        hmac.sign(new MACSigner(new byte[32]));
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("no Authorization header", null, "Authorization: Bearer"),
                Arguments.of("alg none", "Bearer " + none.serialize(), "not a signed JWT"),
                Arguments.of("alg HS256", "Bearer " + hmac.serialize(), "not accepted"),
                Arguments.of("ES256 outside the allow-list", token(h -> new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                        .keyID("ehr-1"), c -> c, key256()), "not accepted"),
                Arguments.of("no kid", token(h -> h.keyID(null), c -> c, key), "kid"),
                Arguments.of("typ not JWT", token(h -> h.type(new JOSEObjectType("at+jwt")), c -> c, key), "typ"),
                Arguments.of("untrusted issuer", token(h -> h, c -> c.issuer("https://other.example"), key), "not a trusted"),
                Arguments.of("jku not allow-listed", token(h -> h.jwkURL(URI.create("https://attacker.example/jwks")), c -> c, key), "jku"),
                Arguments.of("signed by another key", token(h -> h, c -> c, otherKey), "not signed by a key"),
                Arguments.of("audience of another endpoint", token(h -> h, c -> c.audience("https://elsewhere.example/cds-services"), key), "audience"),
                Arguments.of("expired", token(h -> h, c -> c.issueTime(Date.from(now.minusSeconds(900))).expirationTime(Date.from(now.minusSeconds(600))),
                        key), "expired"),
                Arguments.of("issued in the future", token(h -> h, c -> c.issueTime(Date.from(now.plusSeconds(600))), key), "future"),
                Arguments.of("valid for an hour", token(h -> h, c -> c.expirationTime(Date.from(now.plusSeconds(3600))), key), "5 minutes"),
                Arguments.of("no jti", token(h -> h, c -> c.jwtID(null), key), "jti"));
    }

    private static ECKey key256() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID("ehr-1").generate();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    @DisplayName("refused with 401, an OperationOutcome and WWW-Authenticate")
    void refusedTokens(String name, String authorization, String says) {
        CdsServer.Reply reply = server.get("", authorization);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().at("/issue/0/diagnostics").asText()).contains(says);
    }
}
