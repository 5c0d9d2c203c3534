package org.gatehouse.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends events to the audit chain inside the caller's transaction, so an event commits or rolls
 * back with the change it records. Call it last in the transaction: it holds the chain lock until commit.
 */
@Component
public class AuditLog {

    /** Canonical payloads above this size are refused: audit events describe changes, not documents. */
    public static final int PAYLOAD_BYTES_MAX = 64 * 1024;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records {@code entry} as the next event of the chain.
     *
     * @throws IllegalArgumentException if the payload holds a number that JSON canonicalization would
     *     change (an integer beyond ±2^53 − 1 or a non-finite double), a NUL character, or is too large
     * @throws org.springframework.transaction.IllegalTransactionStateException if no transaction is active
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent append(AuditEntry entry) {
        ObjectNode payload = json.valueToTree(entry.payload());
        if (!CanonicalJson.hasOnlyExactNumbers(payload)) {
            throw new IllegalArgumentException(
                    "audit payload numbers must be integers within ±(2^53 - 1) or finite doubles; send exact values as strings");
        }
        String payloadText = CanonicalJson.write(payload);
        if (payloadText.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("audit payload must not contain NUL characters");
        }
        if (payloadText.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_BYTES_MAX) {
            throw new IllegalArgumentException("audit payload exceeds " + PAYLOAD_BYTES_MAX + " bytes");
        }

        // The chain lock. Every appender locks the single head row, so appends are serialized: a
        // second transaction waits here until the first commits (then reads its new head) or rolls
        // back (then reads the unchanged head). Under READ COMMITTED, FOR UPDATE returns the newest
        // committed version after the wait, so two events can never share a predecessor (no fork)
        // and a rolled-back append leaves no gap. The lock is released at commit or rollback.
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();

        long seq = head.seq() + 1;
        Instant time = AuditChain.storedTime(clock.instant()); // read under the lock: times follow seq
        String document = AuditChain.document(
                seq, time, entry.actor(), entry.action(), entry.entityType(), entry.entityId(), payload);
        String hash = AuditChain.hash(head.hash(), document);

        jdbc.sql("""
                WITH appended AS (
                    INSERT INTO audit_event
                        (seq, occurred_at, actor, action, entity_type, entity_id, payload, prev_hash, hash)
                    VALUES (:seq, :time, :actor, :action, :entityType, :entityId, CAST(:payload AS jsonb), :prevHash, :hash)
                    RETURNING seq, hash)
                UPDATE audit_chain_head h SET last_seq = a.seq, last_hash = a.hash
                FROM appended a WHERE h.id = 1
                """)
                .param("seq", seq)
                .param("time", OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("entityType", entry.entityType())
                .param("entityId", entry.entityId())
                .param("payload", payloadText)
                .param("prevHash", head.hash())
                .param("hash", hash)
                .update();

        return new AuditEvent(
                seq, time, entry.actor(), entry.action(), entry.entityType(), entry.entityId(), payload, head.hash(), hash);
    }

    private record Head(long seq, String hash) {}
}
