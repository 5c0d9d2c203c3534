package org.gatehouse.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes the audit chain from the database and names the first event that does not verify.
 * Plain JDBC, so {@code gatehouse audit verify} runs it without starting the application.
 */
public final class AuditVerifier {

    /** Rows fetched per round trip while streaming the log. */
    static final int FETCH_ROWS = 10_000;

    private final JsonMapper json = JsonMapper.shared();

    /** The first event that does not verify and why. */
    public record Failure(long seq, String reason) {}

    /**
     * What verification found.
     *
     * @param eventCount events read
     * @param headHash hash of the last event read (the genesis hash when the log is empty)
     * @param failure the first problem, if any
     */
    public record Result(long eventCount, String headHash, Optional<Failure> failure) {
        public boolean ok() {
            return failure.isEmpty();
        }
    }

    /** Verifies in a read-only, repeatable-read transaction: one consistent snapshot of log and head. */
    public Result verify(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                return verify(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    /** Verifies with the caller's connection and transaction; auto-commit must be off (for streaming). */
    public Result verify(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT to_regclass('audit_event') IS NOT NULL")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return new Result(0, AuditChain.GENESIS_HASH, Optional.of(new Failure(0,
                        "this database holds no audit log (no audit_event table): has `gatehouse serve` run on it?")));
            }
        }
        long headSeq;
        String headHash;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")) {
            if (!rs.next()) {
                return new Result(0, AuditChain.GENESIS_HASH, Optional.of(new Failure(0, "the chain head row is missing")));
            }
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }

        long count = 0;
        long previousSeq = 0;
        String previousHash = AuditChain.GENESIS_HASH;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seq, occurred_at, actor, action, entity_type, entity_id, payload::text, prev_hash, hash"
                        + " FROM audit_event ORDER BY seq")) {
            statement.setFetchSize(FETCH_ROWS);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    String prevHash = rs.getString(8);
                    String hash = rs.getString(9);
                    if (seq != previousSeq + 1) {
                        return failed(count, previousHash, previousSeq + 1, seq == previousSeq + 2
                                ? "event " + (previousSeq + 1) + " is missing: the log goes from " + previousSeq + " to " + seq
                                : "events " + (previousSeq + 1) + ".." + (seq - 1) + " are missing: the log goes from "
                                        + previousSeq + " to " + seq);
                    }
                    if (!prevHash.equals(previousHash)) {
                        return failed(count, previousHash, seq, "its prev_hash " + abbreviated(prevHash)
                                + " is not the hash of event " + previousSeq + " (" + abbreviated(previousHash)
                                + "): an earlier event was removed, reordered or rewritten");
                    }
                    JsonNode payload = json.readTree(rs.getString(7));
                    String document = AuditChain.document(
                            seq,
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            payload);
                    String recomputed = AuditChain.hash(prevHash, document);
                    if (!recomputed.equals(hash)) {
                        return failed(count, previousHash, seq, "its stored hash " + abbreviated(hash)
                                + " does not match its content (recomputed " + abbreviated(recomputed)
                                + "): the event's data or its hash was altered");
                    }
                    count++;
                    previousSeq = seq;
                    previousHash = hash;
                }
            }
        }
        if (previousSeq != headSeq || !previousHash.equals(headHash)) {
            return failed(count, previousHash, previousSeq + 1, "the chain head records " + headSeq
                    + " events ending in " + abbreviated(headHash) + ", but the log ends at event " + previousSeq
                    + ": events were removed from the end");
        }
        return new Result(count, previousHash, Optional.empty());
    }

    private static Result failed(long count, String headHash, long seq, String reason) {
        return new Result(count, headHash, Optional.of(new Failure(seq, reason)));
    }

    private static String abbreviated(String hash) {
        return hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
    }
}
