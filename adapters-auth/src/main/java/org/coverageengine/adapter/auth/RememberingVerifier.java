package org.coverageengine.adapter.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers the tokens another verifier accepted, so that a client presenting the same token on every request (as
 * SMART backend clients do for its lifetime) pays for one signature check, not one per request.
 *
 * <p>A token is remembered until its {@code exp} and never longer than {@link #MAX_REMEMBERED}, the time the JWKS is
 * cached anyway: a key the issuer withdraws stops being trusted no later than without this cache. Rejections are never
 * remembered, so a token that is not yet valid is accepted once it is.
 */
final class RememberingVerifier implements AccessTokenVerifier {

    /** How many accepted tokens are remembered; the least recently used is forgotten first. */
    static final int MAX_TOKENS = 10_000;
    /** The longest a token is remembered, whatever its {@code exp}. */
    static final Duration MAX_REMEMBERED = Duration.ofMinutes(5);

    private record Remembered(VerifiedToken token, Instant until) {
    }

    private final AccessTokenVerifier checked;
    private final Clock clock;
    // Keyed by a digest, so the tokens themselves are not kept in memory.
    private final Map<String, Remembered> accepted = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > MAX_TOKENS;
        }
    };

    RememberingVerifier(AccessTokenVerifier checked, Clock clock) {
        this.checked = Objects.requireNonNull(checked, "checked");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TokenCheck verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return checked.verify(token);
        }
        String key = digest(token);
        Instant now = clock.instant();
        synchronized (accepted) {
            Remembered known = accepted.get(key);
            if (known != null) {
                if (now.isBefore(known.until())) {
                    return known.token();
                }
                accepted.remove(key);
            }
        }
        TokenCheck check = checked.verify(token);
        if (check instanceof VerifiedToken verified) {
            Instant until = verified.expiresAt().isBefore(now.plus(MAX_REMEMBERED)) ? verified.expiresAt() : now.plus(MAX_REMEMBERED);
            if (now.isBefore(until)) {
                synchronized (accepted) {
                    accepted.put(key, new Remembered(verified, until));
                }
            }
        }
        return check;
    }

    static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
