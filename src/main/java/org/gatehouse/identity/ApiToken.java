package org.gatehouse.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as it can be shown after creation: everything but the secret.
 *
 * @param prefix the secret's first characters, to tell tokens apart
 * @param expiresAt when it stops working by itself; null: never
 * @param revokedAt when an admin revoked it; null: not revoked
 * @param lastUsedAt when it last authenticated a request (updated at most once a minute); null: never
 */
public record ApiToken(
        TokenId id,
        UserId userId,
        TokenName name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether it authenticates requests at {@code now} (its user must be enabled too). */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
