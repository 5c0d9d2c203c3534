package org.gatehouse.audit.jdbc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.gatehouse.audit.AuditEvent;
import org.gatehouse.audit.AuditQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit log read newest first by one fixed statement: a null parameter does not filter. Pages continue below the
 * last sequence number shown (keyset paging), so a deep page costs no more than the first; an entity's events use
 * the {@code (entity_type, entity_id, seq)} index of V001.
 */
@Repository
class JdbcAuditQueries implements AuditQueries {

    private static final String FIND = """
            SELECT seq, occurred_at, actor, action, entity_type, entity_id, payload, prev_hash, hash
            FROM audit_event
            WHERE (CAST(:type AS text) IS NULL OR entity_type = :type)
              AND (CAST(:entity AS text) IS NULL OR entity_id = :entity)
              AND (CAST(:actor AS text) IS NULL OR actor = :actor)
              AND (CAST(:action AS text) IS NULL OR action = :action
                   OR (right(:action, 1) = '.' AND starts_with(action, :action)))
              AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
              AND (CAST(:until AS timestamptz) IS NULL OR occurred_at < :until)
              AND (CAST(:before AS bigint) IS NULL OR seq < :before)
            ORDER BY seq DESC
            LIMIT :limit""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<AuditEvent> find(Query query, int limit) {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + LIMIT_MAX + ", got " + limit);
        }
        return jdbc.sql(FIND)
                .param("type", query.entityType())
                .param("entity", query.entityId())
                .param("actor", query.actor())
                .param("action", query.action())
                .param("from", query.from() == null ? null : OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC))
                .param("until", query.until() == null ? null : OffsetDateTime.ofInstant(query.until(), ZoneOffset.UTC))
                .param("before", query.beforeSeq())
                .param("limit", limit)
                .query((rs, row) -> new AuditEvent(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        (ObjectNode) json.readTree(rs.getString(7)),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }
}
