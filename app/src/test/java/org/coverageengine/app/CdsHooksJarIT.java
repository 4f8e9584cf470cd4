package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar serving CDS Hooks beside /fhir, with the CDS client JWT check on, over HTTP. */
class CdsHooksJarIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static String jwt(ECKey key, String audience) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer("https://ehr.example.org").audience(audience).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(120))).jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new ECDSASigner(key));
        return "Bearer " + jwt.serialize();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("serve --cds-client: discovery and order-sign answer with a valid JWT, and 401 without one")
    void cdsHooksOverHttp(@TempDir Path dir) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_384).keyID("ehr-key").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        int port = ServeJarIT.freePort();
        String base = "http://127.0.0.1:" + port + "/cds-services";
        try (JarProcess jar = JarProcess.start("serve", "--port", String.valueOf(port), "--cds-client",
                "https://ehr.example.org=" + jwks, "--cds-public-url", base)) {
            assertThat(jar.awaitOutput("Started in", 60_000)).as(jar.out() + jar.err()).isTrue();
            assertThat(jar.out()).contains("Serving CDS Hooks (Da Vinci CRD 2.2.1) at " + base)
                    .as("calls are recorded, so nothing is said about retention").doesNotContain("not recorded");

            HttpResponse<String> discovery = send(HttpRequest.newBuilder(URI.create(base)).header("Authorization", jwt(key, base)));
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"order-sign-crd\"").contains("davinci-crd.version");

            assertThat(send(HttpRequest.newBuilder(URI.create(base))).statusCode()).isEqualTo(401);

            String body = Files.readString(SharedData.external("davinci-crd/CRDServiceRequest.json"));
            HttpResponse<String> signed = send(HttpRequest.newBuilder(URI.create(base + "/order-sign-crd"))
                    .header("Content-Type", "application/json").header("Authorization", jwt(key, base + "/order-sign-crd"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
            assertThat(signed.body()).contains("\"systemActions\"").contains("ext-coverage-information");

            // Each coverage-assertion id is a determination id in the record; the call is audited about the first.
            java.util.regex.Matcher assertion = java.util.regex.Pattern.compile(
                    "\"url\":\"coverage-assertion-id\",\"valueString\":\"([0-9a-f-]{36})\"").matcher(signed.body());
            List<String> ids = new java.util.ArrayList<>();
            while (assertion.find()) {
                ids.add(assertion.group(1));
            }
            assertThat(ids).isNotEmpty();
            String fhir = "http://127.0.0.1:" + port + "/fhir";
            HttpResponse<String> audited = send(HttpRequest.newBuilder(URI.create(fhir + "/AuditEvent?entity=" + ids.get(0)
                    + "&agent=" + java.net.URLEncoder.encode("https://ehr.example.org", java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(audited.statusCode()).as(audited.body()).isEqualTo(200);
            assertThat(audited.body()).contains("\"total\":1").contains("\"value\":\"https://ehr.example.org\"")
                    .contains("\"code\":\"operation\"");
            java.util.regex.Matcher query = java.util.regex.Pattern.compile("\"query\":\"([A-Za-z0-9+/=]+)\"").matcher(audited.body());
            assertThat(query.find()).isTrue();
            assertThat(new String(java.util.Base64.getDecoder().decode(query.group(1)), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("/cds-services/order-sign-crd").contains("hookInstance=");
            for (String id : ids) {
                HttpResponse<String> kept = send(HttpRequest.newBuilder(URI.create(fhir + "/CoverageEligibilityResponse/" + id)));
                assertThat(kept.statusCode()).as("kept, but not a CoverageEligibilityResponse").isEqualTo(404);
                assertThat(kept.body()).contains("was answered over CDS Hooks");
            }
        }
    }
}
