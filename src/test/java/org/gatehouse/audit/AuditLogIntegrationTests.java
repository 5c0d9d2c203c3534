package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.gatehouse.IntegrationTest;
import org.gatehouse.system.DatabaseServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AuditLogIntegrationTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    DatabaseServer server;

    private final AuditVerifier verifier = new AuditVerifier();

    /** Five events appended for this test, oldest first. */
    private List<AuditEvent> recent;

    @BeforeEach
    void appendFiveEvents() {
        recent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int n = i;
            recent.add(transactions.execute(status -> auditLog.append(anEntry("case-" + n))));
        }
    }

    @Test
    void eventsFormAChainThatVerifies() throws SQLException {
        for (int i = 1; i < recent.size(); i++) {
            assertThat(recent.get(i).seq()).isEqualTo(recent.get(i - 1).seq() + 1);
            assertThat(recent.get(i).prevHash()).isEqualTo(recent.get(i - 1).hash());
        }
        AuditVerifier.Result result = verifier.verify(dataSource);

        assertThat(result.failure()).isEmpty();
        assertThat(result.eventCount()).isEqualTo(eventCount());
        assertThat(result.headHash()).isEqualTo(latestHash());
    }

    @Test
    void storedEventReadsBackAsAppended() {
        AuditEvent event = recent.getFirst();

        Map<String, Object> row = jdbc.sql("SELECT actor, action, entity_type, entity_id, payload::text AS payload,"
                        + " occurred_at FROM audit_event WHERE seq = ?")
                .param(event.seq())
                .query()
                .singleRow();

        assertThat(row).containsEntry("actor", "officer.jones").containsEntry("action", "application.submitted");
        assertThat(row).containsEntry("entity_type", "application").containsEntry("entity_id", "case-1");
        assertThat(JsonMapper.shared().readTree((String) row.get("payload")))
                .isEqualTo(JsonMapper.shared().readTree("{\"tier\":\"T2\",\"tpp\":72000000,\"note\":\"ok\"}"));
        assertThat(((Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(event.time());
    }

    @Test
    void severalEventsOfOneTransactionAreAppendedTogether() throws SQLException {
        List<AuditEvent> batch = transactions.execute(
                status -> auditLog.appendAll(List.of(anEntry("batch-1"), anEntry("batch-2"), anEntry("batch-3"))));

        assertThat(batch)
                .extracting(AuditEvent::seq)
                .containsExactly(
                        recent.getLast().seq() + 1,
                        recent.getLast().seq() + 2,
                        recent.getLast().seq() + 3);
        assertThat(batch.get(0).prevHash()).isEqualTo(recent.getLast().hash());
        assertThat(batch.get(2).prevHash()).isEqualTo(batch.get(1).hash());
        assertThat(latestHash()).isEqualTo(batch.get(2).hash());
        assertThat(verifier.verify(dataSource).failure()).isEmpty();
    }

    @Test
    void aRolledBackTransactionLeavesNoEventAndNoGap() {
        long before = eventCount();
        String headBefore = latestHash();

        transactions.executeWithoutResult(status -> {
            auditLog.append(anEntry("rolled-back"));
            status.setRollbackOnly();
        });

        assertThat(eventCount()).isEqualTo(before);
        assertThat(latestHash()).isEqualTo(headBefore);
        AuditEvent next = transactions.execute(status -> auditLog.append(anEntry("after-rollback")));
        assertThat(next.seq()).isEqualTo(recent.getLast().seq() + 1);
        assertThat(next.prevHash()).isEqualTo(headBefore);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        long before = eventCount();

        assertThatThrownBy(() -> auditLog.append(anEntry("no-transaction")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void payloadNumbersThatCanonicalizationWouldChangeAreRefused() {
        long before = eventCount();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> auditLog.append(
                        new AuditEntry("system", "ledger.moved", "ledger", "SA", Map.of("tpp", Long.MAX_VALUE)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2^53");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theApplicationsRoleMayNotChangeDeleteOrUnprotectEvents() {
        long seq = recent.getFirst().seq();

        for (String sql : List.of(
                "UPDATE audit_event SET actor = 'mallory' WHERE seq = " + seq,
                "DELETE FROM audit_event WHERE seq = " + seq,
                "TRUNCATE audit_event",
                "ALTER TABLE audit_event DISABLE TRIGGER USER",
                "DELETE FROM audit_chain_head")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update())
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageMatching(".*(permission denied|must be owner).*");
        }
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_chain_head SET last_seq = last_seq - 1")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("may only advance");
    }

    @Test
    void evenTheSchemaOwnerIsRefusedByTheTriggers() throws SQLException {
        long seq = recent.getFirst().seq();
        for (String sql : List.of(
                "UPDATE audit_event SET actor = 'mallory' WHERE seq = " + seq,
                "DELETE FROM audit_event WHERE seq = " + seq,
                "TRUNCATE audit_event")) {
            try (Connection connection = server.ownerDataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void verificationFindsAChangedPayload() throws SQLException {
        long seq = recent.get(2).seq();

        AuditVerifier.Result result = verifyAfterTampering(
                "UPDATE audit_event SET payload = '{\"tier\":\"T1\",\"tpp\":72000000,\"note\":\"ok\"}' WHERE seq = "
                        + seq);

        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.seq()).isEqualTo(seq);
            assertThat(failure.reason()).contains("does not match its content");
        });
    }

    @Test
    void verificationFindsADeletedEvent() throws SQLException {
        long seq = recent.get(2).seq();

        AuditVerifier.Result result = verifyAfterTampering("DELETE FROM audit_event WHERE seq = " + seq);

        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.seq()).isEqualTo(seq);
            assertThat(failure.reason())
                    .isEqualTo("event " + seq + " is missing: the log goes from " + (seq - 1) + " to " + (seq + 1));
        });
    }

    @Test
    void verificationFindsEventsRemovedFromTheEnd() throws SQLException {
        long last = latestSeq();

        AuditVerifier.Result result = verifyAfterTampering("DELETE FROM audit_event WHERE seq = " + last);

        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.seq()).isEqualTo(last);
            assertThat(failure.reason()).contains("removed from the end");
        });
    }

    @Test
    void verificationFindsASwappedPair() throws SQLException {
        long first = recent.get(1).seq();
        long second = recent.get(2).seq();

        AuditVerifier.Result result = verifyAfterTampering(
                "UPDATE audit_event SET seq = seq + 1000000000 WHERE seq = " + first,
                "UPDATE audit_event SET seq = " + first + " WHERE seq = " + second,
                "UPDATE audit_event SET seq = " + second + " WHERE seq = " + (first + 1_000_000_000));

        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.seq()).isEqualTo(first);
            assertThat(failure.reason()).contains("is not the hash of event " + (first - 1));
        });
    }

    @Test
    void verificationFindsAForgedHash() throws SQLException {
        long seq = recent.get(2).seq();

        AuditVerifier.Result result =
                verifyAfterTampering("UPDATE audit_event SET hash = repeat('a', 64) WHERE seq = " + seq);

        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.seq()).isEqualTo(seq);
            assertThat(failure.reason()).contains("does not match its content");
        });
    }

    @Test
    void verificationFindsARewrittenEventWhoseHashWasRecomputed() throws SQLException {
        AuditEvent target = recent.get(2);
        String forgedPayload = "{\"note\":\"ok\",\"tier\":\"T1\",\"tpp\":72000000}";
        String forgedHash = AuditChain.hash(
                target.prevHash(),
                AuditChain.document(
                        target.seq(),
                        target.time(),
                        target.actor(),
                        target.action(),
                        target.entityType(),
                        target.entityId(),
                        JsonMapper.shared().readTree(forgedPayload)));

        AuditVerifier.Result result = verifyAfterTampering("UPDATE audit_event SET payload = '" + forgedPayload
                + "', hash = '" + forgedHash + "' WHERE seq = " + target.seq());

        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.seq()).isEqualTo(target.seq() + 1);
            assertThat(failure.reason()).contains("is not the hash of event " + target.seq());
        });
    }

    @Test
    void concurrentWritersLeaveOneChainWithoutGaps() throws Exception {
        int threads = 16;
        int appendsPerThread = 500;
        long before = latestSeq();

        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < appendsPerThread; i++) {
                        String id = "writer-" + writer + "-" + i;
                        transactions.executeWithoutResult(status -> auditLog.append(anEntry(id)));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }

        Map<String, Object> appended = jdbc.sql("SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi,"
                        + " count(DISTINCT prev_hash) AS predecessors FROM audit_event WHERE seq > ?")
                .param(before)
                .query()
                .singleRow();
        assertThat(appended).containsEntry("n", (long) threads * appendsPerThread);
        assertThat(appended).containsEntry("lo", before + 1).containsEntry("hi", before + threads * appendsPerThread);
        assertThat(appended).containsEntry("predecessors", (long) threads * appendsPerThread); // no fork
        assertThat(verifier.verify(dataSource).failure()).isEmpty();
    }

    /** Tampering as the schema owner would (the application's role may not even disable a trigger). */
    private AuditVerifier.Result verifyAfterTampering(String... statements) throws SQLException {
        try (Connection connection = server.ownerDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE audit_event DISABLE TRIGGER USER"); // undone by the rollback
                for (String sql : statements) {
                    statement.execute(sql);
                }
                return verifier.verify(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }

    private long latestSeq() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head")
                .query(Long.class)
                .single();
    }

    private String latestHash() {
        return jdbc.sql("SELECT last_hash FROM audit_chain_head")
                .query(String.class)
                .single();
    }

    static AuditEntry anEntry(String applicationId) {
        return new AuditEntry(
                "officer.jones",
                "application.submitted",
                "application",
                applicationId,
                Map.of("tier", "T2", "tpp", 72_000_000L, "note", "ok"));
    }
}
