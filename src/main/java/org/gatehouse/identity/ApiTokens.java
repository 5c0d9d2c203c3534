package org.gatehouse.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gatehouse.trade.Paging;

/** Where API tokens are kept (implemented over SQL in {@code jdbc/}): their metadata and the SHA-256 of each secret, never the secret. */
public interface ApiTokens {

    void insert(ApiToken token, String secretSha256);

    Optional<ApiToken> find(TokenId id);

    Optional<ApiToken> findBySecretSha256(String sha256);

    /** The user's tokens, newest first. */
    List<ApiToken> listForUser(UserId user, Paging paging);

    /** Marks the token revoked at {@code now}; false if it was revoked already (the first time is kept). */
    boolean revoke(TokenId id, Instant now);

    /**
     * Records a use. Written at most once a minute per token, so that a busy client does not turn
     * every read into a write.
     */
    void touch(TokenId id, Instant now);
}
