package org.coverageengine.adapter.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token that passed every check: who presented it and what it allows.
 *
 * @param clientId  the OAuth client the token was issued to ({@code client_id})
 * @param subject   the token's {@code sub}; for a backend client usually its client id
 * @param scopes    the SMART resource scopes it carries
 * @param expiresAt when it stops being valid
 */
public record VerifiedToken(String clientId, String subject, GrantedScopes scopes, Instant expiresAt)
        implements TokenCheck {

    public VerifiedToken {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
