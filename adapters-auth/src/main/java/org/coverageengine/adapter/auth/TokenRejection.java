package org.coverageengine.adapter.auth;

import java.util.Objects;

/**
 * Why a token was not accepted, in a few words fit for an {@code error_description}: never the token or its content.
 *
 * @param kind        whether the token is at fault or the verifier could not decide
 * @param description the short reason, printable ASCII only
 */
public record TokenRejection(Kind kind, String description) implements TokenCheck {

    /** Who is at fault. */
    public enum Kind {
        /** The token is malformed, forged, expired or meant for someone else: RFC 6750's {@code invalid_token}. */
        INVALID_TOKEN,
        /** The keys or the introspection endpoint could not be reached: the client is not at fault. */
        VERIFIER_UNAVAILABLE
    }

    public TokenRejection {
        Objects.requireNonNull(kind, "kind");
        if (!description.matches("[ -!#-\\[\\]-~]{1,200}")) {
            throw new IllegalArgumentException("a rejection's description must be short printable ASCII without quotes or backslashes");
        }
    }

    /** A rejection of the token itself. */
    public static TokenRejection invalid(String description) {
        return new TokenRejection(Kind.INVALID_TOKEN, description);
    }

    /** A rejection because the verifier could not check the token now. */
    public static TokenRejection unavailable(String description) {
        return new TokenRejection(Kind.VERIFIER_UNAVAILABLE, description);
    }
}
