package org.coverageengine.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Plays the authorization server for the load benchmark: makes an RS384 key, writes its public JWKS and one access
 * token granting {@code $submit}, valid for the given seconds.
 *
 * <p>Usage: {@code BenchTokens JWKS_FILE TOKEN_FILE ISSUER AUDIENCE SECONDS}.
 */
public final class BenchTokens {

    private BenchTokens() {
    }

    public static void main(String[] args) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-" + UUID.randomUUID()).generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(args[2]).audience(args[3]).subject("bench-client")
                .claim("client_id", "bench-client").claim("scope", "system/CoverageEligibilityRequest.c")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(Long.parseLong(args[4]))))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        token.sign(new RSASSASigner(key));
        Files.writeString(Path.of(args[0]), new JWKSet(key).toPublicJWKSet().toString());
        Files.writeString(Path.of(args[1]), token.serialize());
    }
}
