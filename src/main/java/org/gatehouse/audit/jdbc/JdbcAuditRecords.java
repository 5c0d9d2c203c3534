package org.gatehouse.audit.jdbc;

import java.util.List;
import org.gatehouse.audit.AuditEvent;
import org.gatehouse.audit.AuditRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The audit chain in PostgreSQL: {@code audit_event} and its one-row {@code audit_chain_head} (V001). */
@Repository
class JdbcAuditRecords implements AuditRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The chain lock: {@code FOR UPDATE} on the single head row. Under READ COMMITTED it returns the newest committed
     * version after the wait; PostgreSQL releases the lock at commit or rollback.
     */
    @Override
    public Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /** One round trip inserts the events and moves the head onto the last of them. */
    @Override
    public void append(List<AuditEvent> events, List<String> canonicalPayloads) {
        ArrayNode rows = json.createArrayNode();
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            rows.addObject()
                    .put("seq", event.seq())
                    .put("occurred_at", event.time().toString())
                    .put("actor", event.actor())
                    .put("action", event.action())
                    .put("entity_type", event.entityType())
                    .put("entity_id", event.entityId())
                    .put("prev_hash", event.prevHash())
                    .put("hash", event.hash())
                    .put("payload", canonicalPayloads.get(i));
        }
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
    }
}
