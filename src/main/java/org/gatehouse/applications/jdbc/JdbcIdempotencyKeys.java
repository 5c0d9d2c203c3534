package org.gatehouse.applications.jdbc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.applications.IdempotencyKeys;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_key} table. A claim is {@code INSERT … ON CONFLICT DO NOTHING} on the key's primary key, so
 * a concurrent claim of the same key waits for the first transaction to end (see {@link IdempotencyKeys}).
 */
@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcIdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Earlier> claim(OrganizationId organization, String operation, String key, String requestSha256) {
        int claimed = jdbc.sql("""
                INSERT INTO idempotency_key (organization_id, operation, key, request_sha256, created_at)
                VALUES (:org, :operation, :key, :fingerprint, :now)
                ON CONFLICT DO NOTHING
                """)
                .param("org", organization.value())
                .param("operation", operation)
                .param("key", key)
                .param("fingerprint", requestSha256)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                SELECT request_sha256, application_id FROM idempotency_key
                WHERE organization_id = :org AND operation = :operation AND key = :key
                """)
                .param("org", organization.value())
                .param("operation", operation)
                .param("key", key)
                .query((rs, row) -> {
                    UUID application = rs.getObject(2, UUID.class);
                    return new Earlier(rs.getString(1), application == null ? null : new ApplicationId(application));
                })
                .single());
    }

    @Override
    public void complete(OrganizationId organization, String operation, String key, ApplicationId application) {
        jdbc.sql("""
                UPDATE idempotency_key SET application_id = :application
                WHERE organization_id = :org AND operation = :operation AND key = :key
                """)
                .param("application", application.value())
                .param("org", organization.value())
                .param("operation", operation)
                .param("key", key)
                .update();
    }
}
