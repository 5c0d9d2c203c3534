package org.gatehouse.identity;

import java.util.Objects;

/** A token just created, with its secret: the only time the secret exists outside its holder's hands. */
public record IssuedToken(ApiToken token, TokenSecret secret) {

    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }
}
