package org.coverageengine.adapter.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks the JWT a CDS client sends with every call, as CDS Hooks ("Trusting CDS Clients") defines it: {@code typ}
 * JWT, a {@code kid}, an asymmetric {@code alg} of the allow-list, signed by a key of the issuer's configured JWKS,
 * {@code iss} a trusted client, {@code jku} only when it is that client's configured JWKS URL, {@code aud} the URL
 * called, {@code exp} and {@code iat} within a small skew, and a {@code jti} not seen before from that issuer.
 */
public final class CdsClientVerifier {

    /** The algorithms CDS Hooks recommends; others may be allowed explicitly, but never {@code none} or HMAC. */
    public static final Set<JWSAlgorithm> DEFAULT_ALGORITHMS = Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);

    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration LONGEST_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final int MAX_REMEMBERED = 200_000;

    /** A trusted CDS client: its issuer and where its public keys are (a JWKS URL or file). */
    public record TrustedClient(String issuer, String jwks) {
    }

    private final Map<String, JWKSource<SecurityContext>> keys;
    private final Map<String, String> jwksUrls;
    private final Set<JWSAlgorithm> algorithms;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /** A verifier for the clients given, accepting the algorithms given (asymmetric ones only). */
    public CdsClientVerifier(List<TrustedClient> clients, Set<JWSAlgorithm> algorithms, Clock clock) {
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted CDS client is needed");
        }
        for (JWSAlgorithm alg : algorithms) {
            if (!JWSAlgorithm.Family.SIGNATURE.contains(alg)) {
                throw new IllegalArgumentException("the algorithm " + alg + " is not asymmetric; CDS clients must sign with a private key");
            }
        }
        this.keys = clients.stream().collect(Collectors.toUnmodifiableMap(TrustedClient::issuer, c -> keySource(c.jwks())));
        this.jwksUrls = clients.stream().filter(c -> isUrl(c.jwks())).collect(Collectors.toUnmodifiableMap(TrustedClient::issuer,
                TrustedClient::jwks));
        this.algorithms = Set.copyOf(algorithms);
        this.clock = clock;
    }

    private static boolean isUrl(String location) {
        return location.startsWith("https://") || location.startsWith("http://");
    }

    private static JWKSource<SecurityContext> keySource(String location) {
        try {
            if (isUrl(location)) {
                return JWKSourceBuilder.<SecurityContext>create(URI.create(location).toURL(), new DefaultResourceRetriever(2_000, 2_000, 512 * 1024))
                        .cache(Duration.ofMinutes(5).toMillis(), 2_000).rateLimited(30_000).retrying(false).build();
            }
            return new ImmutableJWKSet<>(JWKSet.load(Path.of(location).toFile()));
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the JWKS " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The issuer of a valid token for the URL called; otherwise a {@link HookFailure} with status 401. */
    String verify(String authorization, String audience) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("a CDS Hooks call needs an Authorization: Bearer header with the CDS client's JWT");
        }
        String token = authorization.substring(7).strip();
        if (token.length() > MAX_TOKEN_CHARS) {
            throw unauthorized("the JWT is too large");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw unauthorized("the bearer token is not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!JOSEObjectType.JWT.equals(header.getType())) {
            throw unauthorized("the JWT header needs typ JWT");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw unauthorized("the JWT header needs a kid");
        }
        if (!algorithms.contains(header.getAlgorithm())) {
            throw unauthorized("the JWT algorithm " + header.getAlgorithm() + " is not accepted (accepted: "
                    + algorithms.stream().map(JWSAlgorithm::getName).sorted().collect(Collectors.joining(", ")) + ")");
        }
        String issuer = claims.getIssuer();
        JWKSource<SecurityContext> source = issuer == null ? null : keys.get(issuer);
        if (source == null) {
            throw unauthorized("the issuer is not a trusted CDS client");
        }
        if (header.getJWKURL() != null && !header.getJWKURL().toString().equals(jwksUrls.get(issuer))) {
            throw unauthorized("the jku is not the JWKS URL configured for this client");
        }
        checkSignature(jwt, source);
        if (claims.getAudience().stream().noneMatch(a -> sameUrl(a, audience))) {
            throw unauthorized("the JWT audience is not this endpoint (" + audience + ")");
        }
        Instant now = clock.instant();
        Instant exp = instant(claims.getExpirationTime(), "exp");
        Instant iat = instant(claims.getIssueTime(), "iat");
        if (exp.plus(SKEW).isBefore(now)) {
            throw unauthorized("the JWT has expired");
        }
        if (iat.minus(SKEW).isAfter(now) || exp.isAfter(now.plus(LONGEST_LIFETIME).plus(SKEW))) {
            throw unauthorized("the JWT is issued in the future or valid for more than 5 minutes");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw unauthorized("the JWT needs a jti");
        }
        remember(issuer + " " + jti, exp.plus(SKEW), now);
        return issuer;
    }

    private void checkSignature(SignedJWT jwt, JWKSource<SecurityContext> source) {
        try {
            JWKMatcher matcher = new JWKMatcher.Builder().keyID(jwt.getHeader().getKeyID()).algorithms(jwt.getHeader().getAlgorithm(), null)
                    .keyUses(KeyUse.SIGNATURE, null).build();
            for (JWK jwk : source.get(new JWKSelector(matcher), null)) {
                Key key = jwk.isPrivate() ? null : switch (jwk.getKeyType().getValue()) {
                    case "RSA" -> jwk.toRSAKey().toPublicKey();
                    case "EC" -> jwk.toECKey().toPublicKey();
                    default -> null;
                };
                if (key != null) {
                    JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), key);
                    if (jwt.verify(verifier)) {
                        return;
                    }
                }
            }
        } catch (JOSEException e) {
            throw unauthorized("the JWT signature cannot be checked against the client's keys");
        }
        throw unauthorized("the JWT is not signed by a key of the client's JWKS (kid, alg)");
    }

    private void remember(String key, Instant until, Instant now) {
        if (seen.size() > MAX_REMEMBERED) {
            seen.values().removeIf(expiry -> expiry.isBefore(now));
        }
        if (seen.size() > MAX_REMEMBERED) {
            throw new HookFailure(503, "", "too many calls to remember for replay protection; retry shortly");
        }
        Instant earlier = seen.putIfAbsent(key, until);
        if (earlier != null && earlier.isAfter(now)) {
            throw unauthorized("the JWT's jti was already used");
        }
        if (earlier != null) {
            seen.put(key, until);
        }
    }

    private static Instant instant(Date date, String claim) {
        if (date == null) {
            throw unauthorized("the JWT needs " + claim);
        }
        return date.toInstant();
    }

    private static boolean sameUrl(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static HookFailure unauthorized(String what) {
        return new HookFailure(401, "Authorization", what);
    }
}
