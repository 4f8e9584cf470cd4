package org.coverageengine.adapter.auth;

/** Checks a bearer access token presented to this resource server. */
public interface AccessTokenVerifier {

    /** The largest token accepted; larger ones are refused before any parsing. */
    int MAX_TOKEN_CHARS = 16 * 1024;

    /** Checks the token (the bearer credential as sent, without the {@code Bearer } prefix); never throws for bad input. */
    TokenCheck verify(String token);

    /**
     * Builds the verifier the settings describe: local JWT validation (accepted tokens remembered, see
     * {@link RememberingVerifier}), or introspection (which remembers them itself).
     */
    static AccessTokenVerifier from(AuthSettings settings) {
        return settings.introspectionUrl() != null
                ? new IntrospectingTokenVerifier(settings)
                : new RememberingVerifier(JwtAccessTokenVerifier.create(settings), java.time.Clock.systemUTC());
    }
}
