package org.coverageengine.adapter.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Validates RFC 9068 JWT access tokens locally: type, asymmetric signature by a key of the issuer's JWKS, issuer,
 * audience, validity times and {@code client_id}.
 */
public final class JwtAccessTokenVerifier implements AccessTokenVerifier {

    /** The signing algorithms accepted: asymmetric only, so a public key can never double as an HMAC secret. */
    public static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** An unknown {@code kid} makes the JWKS be fetched again, at most once in this interval. */
    public static final Duration JWKS_REFETCH_INTERVAL = Duration.ofSeconds(30);

    private static final Duration JWKS_CACHE_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_JWKS_BYTES = 512 * 1024;
    private static final String NO_MATCHING_KEY = "no key of the issuer's JWKS matches the token (kid, alg)";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    JwtAccessTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Clock clock) {
        // RFC 9068 names the type at+jwt; plain JWT is still what many authorization servers write.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new AccessTokenClaims(issuer, audience, clock));
    }

    /** A verifier reading the keys the settings name (a URL or a file), cached and re-read on an unknown key. */
    static JwtAccessTokenVerifier create(AuthSettings settings) {
        return new JwtAccessTokenVerifier(keySource(settings.jwks(), settings.networkTimeout(), JWKS_REFETCH_INTERVAL),
                settings.issuer(), settings.audience(), Clock.systemUTC());
    }

    static JWKSource<SecurityContext> keySource(String jwks, Duration timeout, Duration refetchInterval) {
        URL url;
        ResourceRetriever retriever;
        try {
            if (AuthSettings.isHttpUrl(jwks)) {
                url = URI.create(jwks.trim()).toURL();
                int millis = Math.toIntExact(timeout.toMillis());
                retriever = new DefaultResourceRetriever(millis, millis, MAX_JWKS_BYTES);
            } else {
                url = Path.of(jwks).toUri().toURL();
                retriever = new JwksFileRetriever(MAX_JWKS_BYTES);
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("auth: --auth-jwks " + jwks + " is not a usable location", e);
        }
        return JWKSourceBuilder.<SecurityContext>create(url, retriever)
                .cache(JWKS_CACHE_LIFETIME.toMillis(), timeout.toMillis())
                .refreshAheadCache(false)
                .rateLimited(refetchInterval.toMillis())
                .retrying(false)
                .outageTolerant(false)
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
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return TokenRejection.invalid("malformed token");
        }
        if (!(jwt instanceof SignedJWT)) {
            return TokenRejection.invalid("only signed tokens are accepted");
        }
        if (!ACCEPTED_ALGORITHMS.contains(((SignedJWT) jwt).getHeader().getAlgorithm())) {
            return TokenRejection.invalid("signing algorithm not accepted");
        }
        try {
            return AccessTokenClaims.toVerifiedToken(processor.process((SignedJWT) jwt, null));
        } catch (AccessTokenClaims.Rejected e) {
            return TokenRejection.invalid(e.getMessage());
        } catch (RateLimitReachedException e) {
            return TokenRejection.invalid(NO_MATCHING_KEY);
        } catch (KeySourceException e) {
            return TokenRejection.unavailable("the issuer's signing keys could not be read");
        } catch (BadJWSException e) {
            return TokenRejection.invalid("invalid signature");
        } catch (BadJOSEException e) {
            return TokenRejection.invalid(describe(e));
        } catch (JOSEException e) {
            return TokenRejection.invalid("invalid signature");
        }
    }

    // Nimbus's messages can quote header and claim values, so they are mapped to fixed words, never passed on.
    private static String describe(BadJOSEException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("typ")) {
            return "token type not accepted (typ must be at+jwt or JWT)";
        }
        if (message.contains("no matching key")) {
            return NO_MATCHING_KEY;
        }
        return "malformed token";
    }

    /** Reads a JWKS from a local file, at most a bounded number of bytes, for the same caching as a URL. */
    static final class JwksFileRetriever implements ResourceRetriever {
        private final int maxBytes;

        JwksFileRetriever(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public Resource retrieveResource(URL url) throws IOException {
            try (InputStream in = url.openStream()) {
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new IOException("JWKS file larger than " + maxBytes + " bytes");
                }
                return new Resource(
                        new String(bytes, StandardCharsets.UTF_8), "application/json");
            }
        }
    }

    /** Checks an access token's claims, with fixed messages safe to send back. */
    static final class AccessTokenClaims implements JWTClaimsSetVerifier<SecurityContext> {

        static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

        private final String issuer;
        private final String audience;
        private final Clock clock;

        AccessTokenClaims(String issuer, String audience, Clock clock) {
            this.issuer = issuer;
            this.audience = audience;
            this.clock = clock;
        }

        /** A claim check that failed; its message is one of this class's fixed phrases. */
        static final class Rejected extends BadJWTException {
            private static final long serialVersionUID = 1L;

            Rejected(String message) {
                super(message);
            }
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws Rejected {
            var now = clock.instant();
            if (claims.getExpirationTime() == null) {
                throw new Rejected("token has no expiry (exp)");
            }
            if (now.isAfter(claims.getExpirationTime().toInstant().plus(MAX_CLOCK_SKEW))) {
                throw new Rejected("token expired");
            }
            if (claims.getNotBeforeTime() != null
                    && now.plus(MAX_CLOCK_SKEW).isBefore(claims.getNotBeforeTime().toInstant())) {
                throw new Rejected("token not yet valid (nbf)");
            }
            if (claims.getIssueTime() != null && now.plus(MAX_CLOCK_SKEW).isBefore(claims.getIssueTime().toInstant())) {
                throw new Rejected("token issued in the future (iat)");
            }
            if (!issuer.equals(claims.getIssuer())) {
                throw new Rejected("wrong issuer");
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
                throw new Rejected("wrong audience");
            }
            String clientId = stringClaim(claims, "client_id");
            if (clientId == null || clientId.isBlank()) {
                throw new Rejected("token has no client_id");
            }
            stringClaim(claims, "sub");
            stringClaim(claims, "scope");
            try {
                claims.getStringListClaim("scp");
            } catch (ParseException e) {
                throw new Rejected("scp is not a list of strings");
            }
        }

        static VerifiedToken toVerifiedToken(JWTClaimsSet claims) throws Rejected {
            String clientId = stringClaim(claims, "client_id");
            String subject = stringClaim(claims, "sub");
            GrantedScopes scopes;
            try {
                var scp = claims.getStringListClaim("scp");
                scopes = scp != null && claims.getClaim("scope") == null
                        ? GrantedScopes.of(scp)
                        : GrantedScopes.parse(stringClaim(claims, "scope"));
            } catch (ParseException e) {
                throw new Rejected("scp is not a list of strings");
            }
            return new VerifiedToken(clientId, subject == null ? clientId : subject, scopes,
                    claims.getExpirationTime().toInstant());
        }

        private static String stringClaim(JWTClaimsSet claims, String name) throws Rejected {
            try {
                return claims.getStringClaim(name);
            } catch (ParseException e) {
                throw new Rejected(name + " is not a string");
            }
        }
    }
}
