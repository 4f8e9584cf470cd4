package org.coverageengine.adapter.auth;

/** The answer of an {@link AccessTokenVerifier}: a verified token or a rejection. */
public sealed interface TokenCheck permits VerifiedToken, TokenRejection {
}
