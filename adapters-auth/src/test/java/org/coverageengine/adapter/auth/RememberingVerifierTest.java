package org.coverageengine.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Accepted tokens are remembered until their expiry (at most five minutes); rejections never are. */
class RememberingVerifierTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    /** A verifier that records what it was asked and answers as told. */
    private static final class Counting implements AccessTokenVerifier {
        final List<String> asked = new ArrayList<>();
        Function<String, TokenCheck> answer;

        Counting(Function<String, TokenCheck> answer) {
            this.answer = answer;
        }

        @Override
        public TokenCheck verify(String token) {
            asked.add(token);
            return answer.apply(token);
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static VerifiedToken valid(Instant expiresAt) {
        return new VerifiedToken("client", "client", GrantedScopes.parse("system/CoverageEligibilityRequest.c"), expiresAt);
    }

    @Test
    void anAcceptedTokenIsCheckedOnceUntilItExpires() {
        Counting checked = new Counting(token -> valid(NOW.plusSeconds(120)));
        MovableClock clock = new MovableClock();
        RememberingVerifier verifier = new RememberingVerifier(checked, clock);

        assertThat(verifier.verify("a.b.c")).isInstanceOf(VerifiedToken.class);
        clock.now = NOW.plusSeconds(119);
        assertThat(verifier.verify("a.b.c")).isInstanceOf(VerifiedToken.class);
        assertThat(checked.asked).hasSize(1);

        checked.answer = token -> TokenRejection.invalid("token expired");
        clock.now = NOW.plusSeconds(120);
        assertThat(verifier.verify("a.b.c")).as("at exp the token is checked again").isEqualTo(TokenRejection.invalid("token expired"));
        assertThat(checked.asked).hasSize(2);
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterFiveMinutesAsTheKeysAreReadAgain() {
        Counting checked = new Counting(token -> valid(NOW.plus(Duration.ofHours(8))));
        MovableClock clock = new MovableClock();
        RememberingVerifier verifier = new RememberingVerifier(checked, clock);

        verifier.verify("a.b.c");
        clock.now = NOW.plus(RememberingVerifier.MAX_REMEMBERED).minusSeconds(1);
        verifier.verify("a.b.c");
        assertThat(checked.asked).hasSize(1);
        clock.now = NOW.plus(RememberingVerifier.MAX_REMEMBERED);
        verifier.verify("a.b.c");
        assertThat(checked.asked).hasSize(2);
    }

    @Test
    void rejectionsAreNeverRemembered() {
        Counting checked = new Counting(token -> TokenRejection.invalid("token not yet valid (nbf)"));
        RememberingVerifier verifier = new RememberingVerifier(checked, new MovableClock());

        verifier.verify("a.b.c");
        checked.answer = token -> valid(NOW.plusSeconds(60));
        assertThat(verifier.verify("a.b.c")).as("valid once nbf has passed").isInstanceOf(VerifiedToken.class);
        assertThat(checked.asked).hasSize(2);
    }

    @Test
    void tokensAreRememberedApartAndBoundedInNumber() {
        Counting checked = new Counting(token -> valid(NOW.plusSeconds(120)));
        RememberingVerifier verifier = new RememberingVerifier(checked, new MovableClock());

        for (int i = 0; i <= RememberingVerifier.MAX_TOKENS; i++) {
            verifier.verify("token-" + i);
        }
        verifier.verify("token-" + RememberingVerifier.MAX_TOKENS);
        verifier.verify("token-0");
        assertThat(checked.asked).as("the most recent is remembered, the eldest was forgotten")
                .hasSize(RememberingVerifier.MAX_TOKENS + 2).endsWith("token-0");
    }
}
