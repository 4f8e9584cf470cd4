package org.coverageengine.adapter.auth;

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
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Keys made for the tests and access tokens signed by them, as an authorization server would issue them. */
final class TestTokens {

    static final String ISSUER = "https://auth.payer.example/realms/coverage";
    static final String AUDIENCE = "https://coverage.payer.example/fhir";
    static final String CLIENT = "provider-gateway-17";
    static final String SUBMIT_SCOPE = "system/CoverageEligibilityRequest.c";

    static final RSAKey RSA = rsa("rsa-1");
    static final ECKey EC = ec("ec-1");
    /** A key the issuer never published, sharing the kid of the real RSA key. */
    static final RSAKey FOREIGN_SAME_KID = rsa("rsa-1");
    /** A key the issuer never published, under its own kid. */
    static final RSAKey FOREIGN = rsa("rsa-foreign");

    private TestTokens() {
    }

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_384).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWKS document of these keys. */
    static String jwks(JWK... keys) {
        return new JWKSet(Arrays.asList(keys)).toPublicJWKSet().toString();
    }

    /** Claims of a valid access token at this instant, for {@code $submit}. */
    static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(CLIENT)
                .claim("client_id", CLIENT)
                .claim("scope", SUBMIT_SCOPE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    static String token(Instant now, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(RSA, JWSAlgorithm.RS384, new JOSEObjectType("at+jwt"), change.apply(claims(now)).build());
    }

    static String sign(JWK key, JWSAlgorithm alg, JOSEObjectType typ, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(typ).build(), claims);
            jwt.sign(key instanceof ECKey ecKey ? new ECDSASigner(ecKey) : new RSASSASigner((RSAKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The algorithm-confusion attack: HS256 keyed with the issuer's public RSA key. */
    static String hs256WithPublicKey(Instant now) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(RSA.getKeyID())
                    .type(new JOSEObjectType("at+jwt")).build(), claims(now).build());
            jwt.sign(new MACSigner(RSA.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}). */
    static String unsigned(Instant now) {
        return new PlainJWT(claims(now).build()).serialize();
    }

    static List<String> scopes(String... scopes) {
        return List.of(scopes);
    }
}
