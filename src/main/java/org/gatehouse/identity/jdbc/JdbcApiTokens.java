package org.gatehouse.identity.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.ApiToken;
import org.gatehouse.identity.ApiTokens;
import org.gatehouse.identity.TokenId;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.UserId;
import org.gatehouse.trade.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table: token metadata and the SHA-256 of each secret, never the secret. */
@Repository
class JdbcApiTokens implements ApiTokens {

    private static final String COLUMNS = "id, user_id, name, prefix, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;

    JdbcApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ApiToken token, String secretSha256) {
        jdbc.sql("""
                INSERT INTO api_token (id, user_id, name, secret_sha256, prefix, created_at, expires_at)
                VALUES (:id, :userId, :name, :sha256, :prefix, :createdAt, :expiresAt)
                """)
                .param("id", token.id().value())
                .param("userId", token.userId().value())
                .param("name", token.name().value())
                .param("sha256", secretSha256)
                .param("prefix", token.prefix())
                .param("createdAt", Times.at(token.createdAt()))
                .param("expiresAt", token.expiresAt() == null ? null : Times.at(token.expiresAt()))
                .update();
    }

    @Override
    public Optional<ApiToken> find(TokenId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = :id")
                .param("id", id.value())
                .query(JdbcApiTokens::map)
                .optional();
    }

    @Override
    public Optional<ApiToken> findBySecretSha256(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE secret_sha256 = :sha256")
                .param("sha256", sha256)
                .query(JdbcApiTokens::map)
                .optional();
    }

    /** The user's tokens, newest first. */
    @Override
    public List<ApiToken> listForUser(UserId user, Paging paging) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE user_id = :userId"
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("userId", user.value())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(JdbcApiTokens::map)
                .list();
    }

    /** Marks the token revoked at {@code now}; false if it was revoked already (the first time is kept). */
    @Override
    public boolean revoke(TokenId id, Instant now) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                        .param("now", Times.at(now))
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /**
     * Records a use. Written at most once a minute per token, so that a busy client does not turn
     * every read into a write.
     */
    @Override
    public void touch(TokenId id, Instant now) {
        jdbc.sql("""
                UPDATE api_token SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute')
                """).param("now", Times.at(now)).param("id", id.value()).update();
    }

    static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                new TokenId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)),
                new TokenName(rs.getString("name")),
                rs.getString("prefix"),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "expires_at"),
                Times.instant(rs, "revoked_at"),
                Times.instant(rs, "last_used_at"));
    }
}
