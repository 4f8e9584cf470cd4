package org.coverageengine.adapter.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks opaque access tokens at the authorization server's RFC 7662 introspection endpoint, as SMART's
 * token-introspection page defines it, and remembers active tokens until their {@code exp}.
 */
public final class IntrospectingTokenVerifier implements AccessTokenVerifier {

    /** How many active tokens are remembered; the least recently used is forgotten first. */
    public static final int MAX_CACHED_TOKENS = 10_000;

    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    private final URI endpoint;
    private final String issuer;
    private final String audience;
    private final String authorization;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    // Keyed by a digest, so the tokens themselves are not kept in memory.
    private final Map<String, VerifiedToken> active = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VerifiedToken> eldest) {
            return size() > MAX_CACHED_TOKENS;
        }
    };

    IntrospectingTokenVerifier(AuthSettings settings) {
        this(settings, Clock.systemUTC());
    }

    IntrospectingTokenVerifier(AuthSettings settings, Clock clock) {
        this.endpoint = settings.introspectionUrl();
        this.issuer = settings.issuer();
        this.audience = settings.audience();
        AuthSettings.IntrospectionClient client = settings.introspectionClient();
        this.authorization = client == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (form(client.clientId()) + ":" + form(client.secret())).getBytes(StandardCharsets.UTF_8));
        this.timeout = settings.networkTimeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public TokenCheck verify(String token) {
        if (token == null || token.isEmpty()) {
            return TokenRejection.invalid("no token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            return TokenRejection.invalid("token too large");
        }
        String key = digest(token);
        Instant now = clock.instant();
        synchronized (active) {
            VerifiedToken known = active.get(key);
            if (known != null) {
                if (now.isBefore(known.expiresAt())) {
                    return known;
                }
                active.remove(key);
            }
        }
        TokenCheck check = introspect(token, now);
        if (check instanceof VerifiedToken verified && now.isBefore(verified.expiresAt())) {
            synchronized (active) {
                active.put(key, verified);
            }
        }
        return check;
    }

    private TokenCheck introspect(String token, Instant now) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "token=" + form(token) + "&token_type_hint=access_token", StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Map<String, Object> answer;
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (response.statusCode() != 200) {
                return TokenRejection.unavailable("the introspection endpoint answered " + response.statusCode());
            }
            if (body.length > MAX_ANSWER_BYTES) {
                return TokenRejection.unavailable("the introspection answer is too large");
            }
            answer = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return TokenRejection.unavailable("the introspection endpoint could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TokenRejection.unavailable("interrupted while introspecting");
        } catch (ParseException e) {
            return TokenRejection.unavailable("the introspection answer is not JSON");
        }
        return read(answer, now);
    }

    private TokenCheck read(Map<String, Object> answer, Instant now) {
        if (!Boolean.TRUE.equals(answer.get("active"))) {
            return TokenRejection.invalid("token not active");
        }
        if (!(answer.get("exp") instanceof Number exp)) {
            return TokenRejection.invalid("token has no expiry (exp)");
        }
        Instant expiresAt = Instant.ofEpochSecond(exp.longValue());
        if (now.isAfter(expiresAt.plus(MAX_CLOCK_SKEW))) {
            return TokenRejection.invalid("token expired");
        }
        // The endpoint is trusted; iss and aud are checked when it states them and the settings name them.
        if (issuer != null && answer.containsKey("iss") && !issuer.equals(answer.get("iss"))) {
            return TokenRejection.invalid("wrong issuer");
        }
        if (audience != null && answer.containsKey("aud") && !hasAudience(answer.get("aud"))) {
            return TokenRejection.invalid("wrong audience");
        }
        if (!(answer.get("client_id") instanceof String clientId) || clientId.isBlank()) {
            return TokenRejection.invalid("token has no client_id");
        }
        Object subject = answer.get("sub");
        Object scope = answer.get("scope");
        return new VerifiedToken(clientId, subject instanceof String s ? s : clientId,
                GrantedScopes.parse(scope instanceof String s ? s : null), expiresAt);
    }

    private boolean hasAudience(Object aud) {
        return aud instanceof Collection<?> values ? values.contains(audience) : audience.equals(aud);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
