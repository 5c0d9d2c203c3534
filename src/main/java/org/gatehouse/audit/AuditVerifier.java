package org.gatehouse.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/**
 * Recomputes the audit chain from the database and names the first event that does not verify.
 * Plain JDBC, so {@code gatehouse audit verify} runs it without starting the application.
 *
 * <p>One thread streams the log and checks the links (sequence numbers without gaps, each
 * {@code prev_hash} equal to the previous event's stored {@code hash}); worker threads recompute
 * the hashes batch by batch. Together they prove every stored hash is the hash of its event's
 * content chained to its predecessor, which is what the writer produced.
 */
public final class AuditVerifier {

    /** Rows fetched per round trip while streaming the log. */
    static final int FETCH_ROWS = 10_000;

    /** Events per hashing task, and the number of tasks in flight (bounds memory on huge logs). */
    static final int BATCH_EVENTS = 4_096;

    static final int BATCHES_IN_FLIGHT_MAX = 8;

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

    private record Row(
            long seq,
            Instant time,
            String actor,
            String action,
            String entityType,
            String entityId,
            String payload,
            String prevHash,
            String hash) {}

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
                return new Result(
                        0,
                        AuditChain.GENESIS_HASH,
                        Optional.of(
                                new Failure(
                                        0,
                                        "this database holds no audit log (no audit_event table): has `gatehouse serve` run on it?")));
            }
        }
        long headSeq;
        String headHash;
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")) {
            if (!rs.next()) {
                return new Result(
                        0, AuditChain.GENESIS_HASH, Optional.of(new Failure(0, "the chain head row is missing")));
            }
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }

        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT_MAX);
        List<Future<Optional<Failure>>> batches = new ArrayList<>();
        Optional<Failure> linkFailure = Optional.empty();
        long count = 0;
        long previousSeq = 0;
        String previousHash = AuditChain.GENESIS_HASH;
        try (ExecutorService hashing = Executors.newFixedThreadPool(
                        threads, Thread.ofPlatform().daemon().factory());
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT seq, occurred_at, actor, action, entity_type, entity_id, payload, prev_hash, hash"
                                + " FROM audit_event ORDER BY seq")) {
            statement.setFetchSize(FETCH_ROWS);
            try (ResultSet rs = statement.executeQuery()) {
                List<Row> batch = new ArrayList<>(BATCH_EVENTS);
                while (rs.next()) {
                    Row row = new Row(
                            rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9));
                    linkFailure = brokenLink(row, previousSeq, previousHash);
                    if (linkFailure.isPresent()) {
                        break;
                    }
                    batch.add(row);
                    if (batch.size() == BATCH_EVENTS) {
                        batches.add(submit(hashing, inFlight, batch));
                        batch = new ArrayList<>(BATCH_EVENTS);
                    }
                    count++;
                    previousSeq = row.seq();
                    previousHash = row.hash();
                }
                if (!batch.isEmpty()) {
                    batches.add(submit(hashing, inFlight, batch));
                }
            }
            // The earliest failure wins: a recomputed hash that differs in an earlier batch comes
            // before a broken link found later by the reader.
            for (Future<Optional<Failure>> result : batches) {
                Optional<Failure> hashFailure = result.get();
                if (hashFailure.isPresent()) {
                    return new Result(count, previousHash, hashFailure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while verifying the audit chain", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not recompute an event's hash: " + e.getCause().getMessage(), e);
        }
        if (linkFailure.isPresent()) {
            return new Result(count, previousHash, linkFailure);
        }
        if (previousSeq != headSeq || !previousHash.equals(headHash)) {
            return new Result(
                    count,
                    previousHash,
                    Optional.of(new Failure(
                            previousSeq + 1,
                            "the chain head records "
                                    + headSeq + " events ending in " + abbreviated(headHash)
                                    + ", but the log ends at event "
                                    + previousSeq + ": events were removed from the end")));
        }
        return new Result(count, previousHash, Optional.empty());
    }

    private static Optional<Failure> brokenLink(Row row, long previousSeq, String previousHash) {
        long expected = previousSeq + 1;
        if (row.seq() == expected + 1) {
            return Optional.of(new Failure(
                    expected,
                    "event " + expected + " is missing: the log goes from " + previousSeq + " to " + row.seq()));
        }
        if (row.seq() != expected) {
            return Optional.of(new Failure(
                    expected,
                    "events " + expected + ".." + (row.seq() - 1) + " are missing: the log goes from " + previousSeq
                            + " to " + row.seq()));
        }
        if (!row.prevHash().equals(previousHash)) {
            return Optional.of(new Failure(
                    row.seq(),
                    "its prev_hash " + abbreviated(row.prevHash())
                            + " is not the hash of event " + previousSeq + " (" + abbreviated(previousHash)
                            + "): an earlier event was removed, reordered or rewritten"));
        }
        return Optional.empty();
    }

    private Future<Optional<Failure>> submit(ExecutorService hashing, Semaphore inFlight, List<Row> batch)
            throws InterruptedException {
        inFlight.acquire();
        return hashing.submit(() -> {
            try {
                return firstWrongHash(batch);
            } finally {
                inFlight.release();
            }
        });
    }

    private Optional<Failure> firstWrongHash(List<Row> batch) {
        for (Row row : batch) {
            String document = AuditChain.document(
                    row.seq(), row.time(), row.actor(), row.action(), row.entityType(), row.entityId(), row.payload());
            String recomputed = AuditChain.hash(row.prevHash(), document);
            if (!recomputed.equals(row.hash())) {
                return Optional.of(new Failure(
                        row.seq(),
                        "its stored hash " + abbreviated(row.hash())
                                + " does not match its content (recomputed " + abbreviated(recomputed)
                                + "): the event's data or its hash was altered"));
            }
        }
        return Optional.empty();
    }

    private static String abbreviated(String hash) {
        return hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
    }
}
