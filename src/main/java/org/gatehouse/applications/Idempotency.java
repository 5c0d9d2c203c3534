package org.gatehouse.applications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} for create and submit: the first request with a key claims it in its own
 * transaction and does the work; a retry gets the application the first one produced.
 *
 * <p>The claim is an {@code INSERT … ON CONFLICT DO NOTHING} on the key's primary key. While the
 * first request's transaction is open, PostgreSQL makes a concurrent insert of the same key wait;
 * when the first commits, the retry's insert does nothing and it reads the result; when the first
 * rolls back (an error), the retry claims the key and does the work itself.
 */
@Component
class Idempotency {

    static final int KEY_CHARS_MAX = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims {@code key} for this request, or returns the application of the earlier request that
     * claimed it. Null key: no idempotency asked, nothing recorded.
     *
     * @throws ConflictException when the key was used for a different request
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<ApplicationId> claim(OrganizationId organization, String operation, String key, String request) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > KEY_CHARS_MAX || key.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("Idempotency-Key", "must be 1.." + KEY_CHARS_MAX + " printable characters");
        }
        String fingerprint = sha256(request);
        int claimed = jdbc.sql("""
                INSERT INTO idempotency_key (organization_id, operation, key, request_sha256, created_at)
                VALUES (:org, :operation, :key, :fingerprint, :now)
                ON CONFLICT DO NOTHING
                """)
                .param("org", organization.value())
                .param("operation", operation)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        Earlier earlier = jdbc.sql("""
                SELECT request_sha256, application_id FROM idempotency_key
                WHERE organization_id = :org AND operation = :operation AND key = :key
                """)
                .param("org", organization.value())
                .param("operation", operation)
                .param("key", key)
                .query((rs, row) -> new Earlier(rs.getString(1), rs.getObject(2, UUID.class)))
                .single();
        if (!earlier.fingerprint().equals(fingerprint) || earlier.application() == null) {
            throw new ConflictException("Idempotency-Key '" + key + "' was already used for a different request");
        }
        return Optional.of(new ApplicationId(earlier.application()));
    }

    /** Records what the request that claimed {@code key} produced, in its transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void complete(OrganizationId organization, String operation, String key, ApplicationId application) {
        if (key == null) {
            return;
        }
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

    private record Earlier(String fingerprint, UUID application) {}

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
