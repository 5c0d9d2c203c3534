package org.gatehouse.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.LedgerView;
import org.gatehouse.policy.MeasureKey;
import org.gatehouse.policy.Policy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national compute ledger (SPEC §5). Every change is a {@link Movement} of one application's
 * compute between buckets, written with the position and both bucket tables in the caller's
 * transaction; no total is ever edited without one.
 */
@Component
public class Ledger {

    /** Most companies listed per country in the national view. */
    public static final int TOP_COMPANIES_MAX = 100;

    private static final int CAUSE_LENGTH_MAX = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LedgerView view;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.view = new JdbcLedgerView(jdbc);
    }

    /**
     * Locks every measure key that {@code application} adds to under {@code policy}, then returns
     * the ledger as the assessor sees it. Two applications that share a key are thus assessed one
     * after the other: the second waits here until the first commits (or rolls back), and then
     * reads a ledger that includes it, so racing deals cannot both miss a tier boundary.
     *
     * <p>The locks are transaction-scoped PostgreSQL advisory locks on a 64-bit digest of each key,
     * taken in ascending order so that two transactions locking overlapping keys cannot deadlock.
     * A digest collision only serializes two unrelated keys; it never lets a race through.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerView lockFor(Deal application, Policy policy, LocalDate date) {
        TreeSet<Long> locks = new TreeSet<>();
        for (Policy.Measure measure : policy.measures()) {
            locks.add(lockId(MeasureKey.of(measure, application, date)));
        }
        for (long lock : locks) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                    .param("lock", lock)
                    .query()
                    .singleRow();
        }
        return view;
    }

    /** The ledger as the assessor sees it, without locking: for dry runs, which change nothing. */
    public LedgerView view() {
        return view;
    }

    /** New compute for a submitted application, into RESERVED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement reserve(Position position, long tpp, String cause, String actor) {
        requirePositive(tpp);
        int inserted = jdbc.sql("""
                INSERT INTO ledger_position
                    (application_id, parent_key, parent_name, end_user_key, destination, assessed_on, outcome)
                VALUES (:id, :parentKey, :parentName, :endUserKey, :destination, :assessedOn, :outcome)
                ON CONFLICT (application_id) DO NOTHING
                """)
                .param("id", position.applicationId())
                .param("parentKey", position.parent().key())
                .param("parentName", position.parent().display())
                .param("endUserKey", position.endUser().key())
                .param("destination", position.destination().value())
                .param("assessedOn", position.assessedOn())
                .param("outcome", position.outcome().name())
                .update();
        if (inserted == 0) {
            throw new LedgerException(
                    "application " + position.applicationId() + " already holds compute in the ledger");
        }
        return move(position.applicationId(), Movement.Kind.RESERVE, null, LedgerBucket.RESERVED, tpp, cause, actor);
    }

    /** Approval: RESERVED → AUTHORIZED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement authorize(UUID applicationId, long tpp, String cause, String actor) {
        return move(
                applicationId,
                Movement.Kind.AUTHORIZE,
                LedgerBucket.RESERVED,
                LedgerBucket.AUTHORIZED,
                tpp,
                cause,
                actor);
    }

    /** A reported shipment: {@code from} (AUTHORIZED, or RESERVED for an exemption) → SHIPPED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement ship(UUID applicationId, LedgerBucket from, long tpp, String cause, String actor) {
        if (from == LedgerBucket.SHIPPED) {
            throw new IllegalArgumentException("a shipment moves RESERVED or AUTHORIZED compute");
        }
        return move(applicationId, Movement.Kind.SHIP, from, LedgerBucket.SHIPPED, tpp, cause, actor);
    }

    /**
     * Deny, withdraw, return, expiry, revocation: releases everything still RESERVED or AUTHORIZED
     * for the application (shipped compute stays: it is installed). Returns the movements made.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Movement> releaseUnshipped(UUID applicationId, String cause, String actor) {
        Holding holding = lockedHolding(applicationId);
        List<Movement> movements = new java.util.ArrayList<>(2);
        if (holding.reserved() > 0) {
            movements.add(move(
                    applicationId,
                    Movement.Kind.RELEASE,
                    LedgerBucket.RESERVED,
                    null,
                    holding.reserved(),
                    cause,
                    actor));
        }
        if (holding.authorized() > 0) {
            movements.add(move(
                    applicationId,
                    Movement.Kind.RELEASE,
                    LedgerBucket.AUTHORIZED,
                    null,
                    holding.authorized(),
                    cause,
                    actor));
        }
        return movements;
    }

    /** The movements of one application, oldest first. */
    public List<Movement> movements(UUID applicationId) {
        return jdbc.sql("""
                SELECT id, application_id, kind, from_bucket, to_bucket, tpp, cause, actor, occurred_at
                FROM ledger_movement WHERE application_id = :id ORDER BY id
                """).param("id", applicationId).query(Ledger::movement).list();
    }

    /** Totals per country, largest first. */
    public List<CountryTotals> countries() {
        return jdbc.sql("""
                SELECT destination, NULL AS company, reserved_tpp, authorized_tpp, shipped_tpp FROM ledger_country
                ORDER BY reserved_tpp + authorized_tpp + shipped_tpp DESC, destination
                """).query(Ledger::totals).list();
    }

    /** One country's totals (zero when nothing was ever recorded there). */
    public CountryTotals country(String destination) {
        return jdbc.sql("""
                SELECT destination, NULL AS company, reserved_tpp, authorized_tpp, shipped_tpp FROM ledger_country
                WHERE destination = :destination
                """)
                .param("destination", destination)
                .query(Ledger::totals)
                .optional()
                .orElse(new CountryTotals(destination, null, 0, 0, 0));
    }

    /** The companies holding the most compute in a country, largest first, at most {@code limit}. */
    public List<CountryTotals> topCompanies(String destination, int limit) {
        if (limit < 1 || limit > TOP_COMPANIES_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + TOP_COMPANIES_MAX + ", got " + limit);
        }
        return jdbc.sql("""
                SELECT destination, parent_name AS company, reserved_tpp, authorized_tpp, shipped_tpp
                FROM ledger_company_country WHERE destination = :destination
                ORDER BY reserved_tpp + authorized_tpp + shipped_tpp DESC, parent_key
                LIMIT :limit
                """)
                .param("destination", destination)
                .param("limit", limit)
                .query(Ledger::totals)
                .list();
    }

    private Movement move(
            UUID applicationId,
            Movement.Kind kind,
            LedgerBucket from,
            LedgerBucket to,
            long tpp,
            String cause,
            String actor) {
        requirePositive(tpp);
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(actor, "actor");
        if (cause.isBlank() || cause.length() > CAUSE_LENGTH_MAX) {
            throw new IllegalArgumentException("cause must be 1.." + CAUSE_LENGTH_MAX + " characters");
        }
        // One statement moves the same delta in the position, the company-country bucket and the
        // country bucket, and logs the movement. The position's row lock (taken by the UPDATE) makes
        // the movements of one application serial; its WHERE refuses to take more than the bucket
        // holds, and CHECK constraints refuse any negative total as a second line of defence.
        String set = delta(from, to, "");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Long id = jdbc.sql(
                        "WITH moved AS (UPDATE ledger_position SET " + set
                                + " WHERE application_id = :id"
                                + (from == null ? "" : " AND " + from.column() + " >= :tpp")
                                + " RETURNING parent_key, parent_name, destination),"
                                + " company AS (INSERT INTO ledger_company_country AS b (parent_key, destination, parent_name, "
                                + BUCKET_COLUMNS + ") SELECT parent_key, destination, parent_name, " + insertValues(to)
                                + " FROM moved ON CONFLICT (parent_key, destination) DO UPDATE SET "
                                + delta(from, to, "b.") + "),"
                                + " country AS (INSERT INTO ledger_country AS b (destination, " + BUCKET_COLUMNS + ")"
                                + " SELECT destination, " + insertValues(to) + " FROM moved"
                                + " ON CONFLICT (destination) DO UPDATE SET " + delta(from, to, "b.") + ")"
                                + " INSERT INTO ledger_movement (application_id, kind, from_bucket, to_bucket, tpp, cause, actor,"
                                + " occurred_at) SELECT :id, :kind, :from, :to, :tpp, :cause, :actor, :at FROM moved RETURNING id")
                .param("id", applicationId)
                .param("kind", kind.name())
                .param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name())
                .param("tpp", tpp)
                .param("cause", cause)
                .param("actor", actor)
                .param("at", now)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            Holding holding = lockedHolding(applicationId); // throws when there is no position at all
            throw new LedgerException("cannot move " + tpp + " TPP out of " + from + " for application " + applicationId
                    + ": it holds " + holding.in(from));
        }
        return new Movement(id, applicationId, kind, from, to, tpp, cause, actor, now.toInstant());
    }

    private static final String BUCKET_COLUMNS = "reserved_tpp, authorized_tpp, shipped_tpp";

    /** On insert (a bucket row seen for the first time) only the destination bucket is non-zero. */
    private static String insertValues(LedgerBucket to) {
        return (to == LedgerBucket.RESERVED ? ":tpp" : "0") + ", " + (to == LedgerBucket.AUTHORIZED ? ":tpp" : "0")
                + ", " + (to == LedgerBucket.SHIPPED ? ":tpp" : "0");
    }

    /** The SET clause of a movement; {@code table} qualifies the right-hand columns (upserts). */
    private static String delta(LedgerBucket from, LedgerBucket to, String table) {
        StringBuilder set = new StringBuilder();
        if (from != null) {
            set.append(from.column())
                    .append(" = ")
                    .append(table)
                    .append(from.column())
                    .append(" - :tpp");
        }
        if (to != null) {
            if (!set.isEmpty()) {
                set.append(", ");
            }
            set.append(to.column())
                    .append(" = ")
                    .append(table)
                    .append(to.column())
                    .append(" + :tpp");
        }
        return set.toString();
    }

    private record Holding(
            String parentKey, String parentName, String destination, long reserved, long authorized, long shipped) {
        long in(LedgerBucket bucket) {
            return switch (bucket) {
                case RESERVED -> reserved;
                case AUTHORIZED -> authorized;
                case SHIPPED -> shipped;
            };
        }
    }

    /** The application's position, locked until the transaction ends (movements of one application are serial). */
    private Holding lockedHolding(UUID applicationId) {
        return jdbc.sql("""
                SELECT parent_key, parent_name, destination, reserved_tpp, authorized_tpp, shipped_tpp
                FROM ledger_position WHERE application_id = :id FOR UPDATE
                """)
                .param("id", applicationId)
                .query((rs, row) -> new Holding(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .optional()
                .orElseThrow(
                        () -> new LedgerException("application " + applicationId + " holds no compute in the ledger"));
    }

    private static void requirePositive(long tpp) {
        if (tpp <= 0) {
            throw new IllegalArgumentException("a movement carries a positive TPP, got " + tpp);
        }
    }

    /** The advisory lock id of a measure key: the first 8 bytes of the SHA-256 of its text form. */
    static long lockId(MeasureKey key) {
        String text = "ledger|" + key.measure() + "|" + key.endUserParent() + "|" + key.endUser() + "|"
                + (key.destination() == null ? null : key.destination().value()) + "|" + key.year();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 8; i++) {
                id = (id << 8) | (digest[i] & 0xFF);
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static Movement movement(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_bucket");
        String to = rs.getString("to_bucket");
        return new Movement(
                rs.getLong("id"),
                rs.getObject("application_id", UUID.class),
                Movement.Kind.valueOf(rs.getString("kind")),
                from == null ? null : LedgerBucket.valueOf(from),
                to == null ? null : LedgerBucket.valueOf(to),
                rs.getLong("tpp"),
                rs.getString("cause"),
                rs.getString("actor"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

    private static CountryTotals totals(ResultSet rs, int row) throws SQLException {
        return new CountryTotals(
                rs.getString("destination"),
                rs.getString("company"),
                rs.getLong("reserved_tpp"),
                rs.getLong("authorized_tpp"),
                rs.getLong("shipped_tpp"));
    }
}
