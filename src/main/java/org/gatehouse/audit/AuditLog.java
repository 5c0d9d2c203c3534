package org.gatehouse.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends events to the audit chain inside the caller's transaction, so an event commits or rolls
 * back with the change it records. Call it last in the transaction: it holds the chain lock until
 * commit. A transaction that records several changes appends them together with {@link #appendAll}.
 */
@Component
public class AuditLog {

    /** Canonical payloads above this size are refused: audit events describe changes, not documents. */
    public static final int PAYLOAD_BYTES_MAX = 64 * 1024;

    /** Events appended by one call; a bound on the statement size and on the time the lock is held. */
    public static final int BATCH_EVENTS_MAX = 10_000;

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
        return appendAll(List.of(entry)).getFirst();
    }

    /**
     * Records {@code entries}, in order, as the next events of the chain, with one lock and one insert.
     *
     * @throws IllegalArgumentException as {@link #append}, or for more than {@link #BATCH_EVENTS_MAX} entries
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditEvent> appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty() || entries.size() > BATCH_EVENTS_MAX) {
            throw new IllegalArgumentException(
                    "append 1.." + BATCH_EVENTS_MAX + " events at once, got " + entries.size());
        }
        List<ObjectNode> payloads = new ArrayList<>(entries.size());
        List<String> canonicalPayloads = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            ObjectNode payload = json.valueToTree(entry.payload());
            payloads.add(payload);
            canonicalPayloads.add(canonical(payload));
        }

        // The chain lock. Every appender locks the single head row, so appends are serialized: a
        // second transaction waits here until the first commits (then reads its new head) or rolls
        // back (then reads the unchanged head). Under READ COMMITTED, FOR UPDATE returns the newest
        // committed version after the wait, so two events never share a predecessor (no fork) and a
        // rolled-back append leaves no gap. PostgreSQL releases the lock at commit or rollback.
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();

        Instant time = AuditChain.storedTime(clock.instant()); // read under the lock: times follow seq
        List<AuditEvent> events = new ArrayList<>(entries.size());
        ArrayNode rows = json.createArrayNode();
        String prevHash = head.hash();
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            long seq = head.seq() + 1 + i;
            String hash = AuditChain.hash(
                    prevHash,
                    AuditChain.document(
                            seq,
                            time,
                            entry.actor(),
                            entry.action(),
                            entry.entityType(),
                            entry.entityId(),
                            canonicalPayloads.get(i)));
            events.add(new AuditEvent(
                    seq,
                    time,
                    entry.actor(),
                    entry.action(),
                    entry.entityType(),
                    entry.entityId(),
                    payloads.get(i),
                    prevHash,
                    hash));
            rows.addObject()
                    .put("seq", seq)
                    .put("occurred_at", time.toString())
                    .put("actor", entry.actor())
                    .put("action", entry.action())
                    .put("entity_type", entry.entityType())
                    .put("entity_id", entry.entityId())
                    .put("prev_hash", prevHash)
                    .put("hash", hash)
                    .put("payload", canonicalPayloads.get(i));
            prevHash = hash;
        }

        // One round trip inserts the events and moves the head onto the last of them.
        jdbc.sql("""
                WITH appended AS (
                    INSERT INTO audit_event
                        (seq, occurred_at, actor, action, entity_type, entity_id, payload, prev_hash, hash)
                    SELECT seq, occurred_at, actor, action, entity_type, entity_id, payload, prev_hash, hash
                    FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS e(
                        seq bigint, occurred_at timestamptz, actor text, action text, entity_type text,
                        entity_id text, payload text, prev_hash text, hash text)
                    ORDER BY seq
                    RETURNING seq, hash)
                UPDATE audit_chain_head h SET last_seq = a.seq, last_hash = a.hash
                FROM (SELECT seq, hash FROM appended ORDER BY seq DESC LIMIT 1) a
                WHERE h.id = 1
                """).param("rows", json.writeValueAsString(rows)).update();
        return events;
    }

    /** The payload's canonical text, as stored and hashed, after checking it can be stored exactly. */
    private static String canonical(ObjectNode payload) {
        if (!CanonicalJson.hasOnlyExactNumbers(payload)) {
            throw new IllegalArgumentException("audit payload numbers must be integers within ±(2^53 - 1) or"
                    + " finite doubles; send exact values as strings");
        }
        String canonical = CanonicalJson.write(payload);
        if (canonical.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("audit payload must not contain NUL characters");
        }
        if (canonical.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_BYTES_MAX) {
            throw new IllegalArgumentException("audit payload exceeds " + PAYLOAD_BYTES_MAX + " bytes");
        }
        return canonical;
    }

    private record Head(long seq, String hash) {}
}
