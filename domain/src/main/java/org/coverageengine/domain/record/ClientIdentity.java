package org.coverageengine.domain.record;

import java.util.Objects;

/** Who asked: the OAuth client id and the token's subject, as the authorization server named them. */
public record ClientIdentity(String clientId, String subject) {

    /** A client needs at least its id; the subject may repeat it or be absent. */
    public ClientIdentity {
        Objects.requireNonNull(clientId, "clientId");
    }
}
