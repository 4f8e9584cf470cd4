package org.coverageengine.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coverageengine.adapter.auth.TestTokens.AUDIENCE;
import static org.coverageengine.adapter.auth.TestTokens.CLIENT;
import static org.coverageengine.adapter.auth.TestTokens.ISSUER;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrospectingTokenVerifierTest {

    static final Instant NOW = Instant.parse("2025-03-10T14:00:00Z");
    static final long EXP = NOW.getEpochSecond() + 300;

    private final MovableClock clock = new MovableClock();
    private LoopbackServer endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = new LoopbackServer(x -> active("system/CoverageEligibilityRequest.c", EXP));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void anActiveTokenIsVerifiedWithItsClientScopesAndExpiry() {
        TokenCheck check = verifier(null).verify("opaque-token-1");

        assertThat(check).isInstanceOf(VerifiedToken.class);
        VerifiedToken verified = (VerifiedToken) check;
        assertThat(verified.clientId()).isEqualTo(CLIENT);
        assertThat(verified.subject()).isEqualTo("svc-" + CLIENT);
        assertThat(verified.scopes().grant(RequiredAccess.submit())).isTrue();
        assertThat(verified.expiresAt()).isEqualTo(Instant.ofEpochSecond(EXP));
        assertThat(endpoint.last().method()).isEqualTo("POST");
        assertThat(endpoint.last().contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(endpoint.last().body()).startsWith("token=opaque-token-1");
    }

    @Test
    void theTokenIsFormEncodedAndTheServerAuthenticatesWithItsOwnCredentials() {
        verifier(new AuthSettings.IntrospectionClient("coverage-rs", "s3cret:&=")).verify("a+b/c=");

        assertThat(URLDecoder.decode(endpoint.last().body(), StandardCharsets.UTF_8)).startsWith("token=a+b/c=&");
        assertThat(endpoint.last().authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("coverage-rs:s3cret%3A%26%3D".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anActiveTokenIsAskedAboutOnceUntilItExpires() {
        IntrospectingTokenVerifier verifier = verifier(null);

        assertThat(verifier.verify("opaque-token-1")).isInstanceOf(VerifiedToken.class);
        clock.now = NOW.plusSeconds(299);
        assertThat(verifier.verify("opaque-token-1")).isInstanceOf(VerifiedToken.class);
        assertThat(endpoint.calls()).isEqualTo(1);

        endpoint.answer(x -> new LoopbackServer.Answer(200, "{\"active\":false}"));
        clock.now = NOW.plusSeconds(300);
        assertThat(verifier.verify("opaque-token-1")).isEqualTo(TokenRejection.invalid("token not active"));
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void anInactiveTokenIsRefusedAndAskedAboutAgain() {
        endpoint.answer(x -> new LoopbackServer.Answer(200, "{\"active\":false}"));
        IntrospectingTokenVerifier verifier = verifier(null);

        assertThat(verifier.verify("revoked")).isEqualTo(TokenRejection.invalid("token not active"));
        assertThat(verifier.verify("revoked")).isEqualTo(TokenRejection.invalid("token not active"));
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong issuer          | {"active":true,"client_id":"c","exp":%d,"iss":"https://evil.example","scope":"system/*.c"} | wrong issuer
            wrong audience        | {"active":true,"client_id":"c","exp":%d,"aud":["https://other.example"],"scope":"system/*.c"} | wrong audience
            no client_id          | {"active":true,"exp":%d,"scope":"system/*.c"} | token has no client_id
            expired               | {"active":true,"client_id":"c","exp":%d0,"scope":"system/*.c"} | token expired
            no exp                | {"active":true,"client_id":"c","scope":"system/*.c","x":%d} | token has no expiry (exp)
            active as a string    | {"active":"true","client_id":"c","exp":%d} | token not active
            """)
    void refusesWhatTheAnswerDoesNotSupport(String name, String answer, String reason) {
        long exp = name.equals("expired") ? 0 : EXP;
        endpoint.answer(x -> new LoopbackServer.Answer(200, answer.replace("%d0", "0").replace("%d", Long.toString(exp))));

        assertThat(verifier(null).verify("opaque-token-1")).isEqualTo(TokenRejection.invalid(reason));
    }

    @Test
    void acceptsTheConfiguredAudienceAmongOthers() {
        endpoint.answer(x -> new LoopbackServer.Answer(200, "{\"active\":true,\"client_id\":\"c\",\"exp\":" + EXP
                + ",\"iss\":\"" + ISSUER + "\",\"aud\":[\"x\",\"" + AUDIENCE + "\"],\"scope\":\"system/*.rs\"}"));

        assertThat(verifier(null).verify("t")).isInstanceOf(VerifiedToken.class);
    }

    @ParameterizedTest(name = "endpoint answering {0}")
    @CsvSource({"500,{}", "401,{}", "200,not json"})
    void aFailingEndpointIsTheVerifiersFault(int status, String body) {
        endpoint.answer(x -> new LoopbackServer.Answer(status, body));

        TokenCheck check = verifier(null).verify("opaque-token-1");

        assertThat(check).isInstanceOf(TokenRejection.class);
        assertThat(((TokenRejection) check).kind()).isEqualTo(TokenRejection.Kind.VERIFIER_UNAVAILABLE);
    }

    @Test
    void anEndpointThatIsDownIsTheVerifiersFault() {
        String url = endpoint.url("/introspect");
        endpoint.close();

        TokenCheck check = new IntrospectingTokenVerifier(AuthSettings.introspection(URI.create(url), null, null,
                URI.create("https://auth.payer.example/token"), null), clock).verify("t");

        assertThat(check).isEqualTo(TokenRejection.unavailable("the introspection endpoint could not be reached"));
    }

    @Test
    void aTooLargeTokenIsNotSent() {
        assertThat(verifier(null).verify("a".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS + 1)))
                .isEqualTo(TokenRejection.invalid("token too large"));
        assertThat(endpoint.calls()).isZero();
    }

    private IntrospectingTokenVerifier verifier(AuthSettings.IntrospectionClient client) {
        return new IntrospectingTokenVerifier(AuthSettings.introspection(URI.create(endpoint.url("/introspect")),
                ISSUER, AUDIENCE, URI.create("https://auth.payer.example/token"), client), clock);
    }

    private static LoopbackServer.Answer active(String scope, long exp) {
        return new LoopbackServer.Answer(200, "{\"active\":true,\"client_id\":\"" + CLIENT + "\",\"sub\":\"svc-" + CLIENT
                + "\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"scope\":\"" + scope + "\",\"exp\":" + exp + "}");
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
