package org.gatehouse.ledger.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import org.gatehouse.ledger.CountryTotals;
import org.gatehouse.ledger.Holding;
import org.gatehouse.ledger.LedgerBucket;
import org.gatehouse.ledger.LedgerRecords;
import org.gatehouse.ledger.Movement;
import org.gatehouse.ledger.Position;
import org.gatehouse.policy.MeasureKey;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policy;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Tpp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger in PostgreSQL: {@code ledger_position}, {@code ledger_movement}, {@code ledger_company_country} and
 * {@code ledger_country} (V003). Every statement is fixed text; a movement is one statement that changes the
 * position and both buckets by the same signed deltas and logs itself.
 */
@Repository
class JdbcLedgerRecords implements LedgerRecords {

    /**
     * A movement as signed deltas per bucket ({@code :dr}, {@code :da}, {@code :ds}). The position's row lock (taken
     * by the UPDATE) makes the movements of one application serial; its WHERE refuses to take more than a bucket
     * holds (then nothing is inserted and no id is returned), and CHECK constraints refuse any negative total as a
     * second line of defence. A bucket row is inserted only by an application's first movement, into one bucket; the
     * inserted values are clipped at zero because PostgreSQL checks the proposed row before it finds the conflict.
     */
    private static final String MOVE = """
            WITH moved AS (
                UPDATE ledger_position
                SET reserved_tpp = reserved_tpp + :dr, authorized_tpp = authorized_tpp + :da,
                    shipped_tpp = shipped_tpp + :ds
                WHERE application_id = :id
                  AND reserved_tpp + :dr >= 0 AND authorized_tpp + :da >= 0 AND shipped_tpp + :ds >= 0
                RETURNING parent_key, parent_name, destination),
            company AS (
                INSERT INTO ledger_company_country AS b
                    (parent_key, destination, parent_name, reserved_tpp, authorized_tpp, shipped_tpp)
                SELECT parent_key, destination, parent_name, greatest(:dr, 0), greatest(:da, 0), greatest(:ds, 0)
                FROM moved
                ON CONFLICT (parent_key, destination) DO UPDATE
                SET reserved_tpp = b.reserved_tpp + :dr, authorized_tpp = b.authorized_tpp + :da,
                    shipped_tpp = b.shipped_tpp + :ds),
            country AS (
                INSERT INTO ledger_country AS b (destination, reserved_tpp, authorized_tpp, shipped_tpp)
                SELECT destination, greatest(:dr, 0), greatest(:da, 0), greatest(:ds, 0) FROM moved
                ON CONFLICT (destination) DO UPDATE
                SET reserved_tpp = b.reserved_tpp + :dr, authorized_tpp = b.authorized_tpp + :da,
                    shipped_tpp = b.shipped_tpp + :ds)
            INSERT INTO ledger_movement (application_id, kind, from_bucket, to_bucket, tpp, cause, actor, occurred_at)
            SELECT :id, :kind, :from, :to, :tpp, :cause, :actor, :at FROM moved
            RETURNING id""";

    /**
     * What a measure counts, one statement per shape of key (which of parent, end user and destination it is keyed
     * by), each served by an index of V003. Buckets are weighted 0 or 1; the window is a date range (open for a
     * cumulative measure); {@code :anyTier} is false only for a measure that counts some tiers ({@code counts.tiers}),
     * which then selects on the tier each position stores (V014).
     */
    private static final String COUNTED = """
            SELECT coalesce(sum(reserved_tpp * :r + authorized_tpp * :a + shipped_tpp * :s), 0)
            FROM ledger_position
            WHERE outcome IN (:outcomes) AND (:anyTier OR tier IN (:tiers))
              AND assessed_on > :after AND assessed_on <= :until""";

    private static final Map<Set<Policy.KeyPart>, String> COUNTED_BY_KEY = countedByKey("");

    /** The same, of one organization's filings only (its own part of a measure, V013). */
    private static final Map<Set<Policy.KeyPart>, String> COUNTED_BY_KEY_FILED_BY =
            countedByKey(" AND organization_id = :organization");

    /** Bounds of a cumulative measure's window: before and after any date an application can carry. */
    private static final LocalDate DAWN = LocalDate.of(1, 1, 1);

    private static final LocalDate DUSK = LocalDate.of(9999, 12, 31);

    private final JdbcClient jdbc;

    JdbcLedgerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<Set<Policy.KeyPart>, String> countedByKey(String filter) {
        Map<Set<Policy.KeyPart>, String> statements = new java.util.HashMap<>();
        List<Policy.KeyPart> parts = List.of(Policy.KeyPart.values());
        for (int mask = 0; mask < 1 << parts.size(); mask++) {
            EnumSet<Policy.KeyPart> key = EnumSet.noneOf(Policy.KeyPart.class);
            StringBuilder sql = new StringBuilder(COUNTED);
            for (int i = 0; i < parts.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    key.add(parts.get(i));
                    sql.append(
                            switch (parts.get(i)) {
                                case END_USER_PARENT -> " AND parent_key = :parent";
                                case END_USER -> " AND end_user_key = :endUser";
                                case DESTINATION -> " AND destination = :destination";
                            });
                }
            }
            statements.put(key, sql.append(filter).toString());
        }
        return Map.copyOf(statements);
    }

    @Override
    public long countedTpp(Policy.Measure measure, MeasureKey key, LocalDate date) {
        return counted(measure, key, date, null);
    }

    @Override
    public long countedTppFiledBy(Policy.Measure measure, MeasureKey key, LocalDate date, OrganizationId organization) {
        return counted(measure, key, date, Objects.requireNonNull(organization, "organization"));
    }

    private long counted(Policy.Measure measure, MeasureKey key, LocalDate date, OrganizationId organization) {
        List<String> outcomes = new ArrayList<>(2);
        for (Outcome outcome : Outcome.values()) {
            if (outcome.holdsCompute() && measure.counts(outcome)) {
                outcomes.add(outcome.name());
            }
        }
        if (outcomes.isEmpty() || measure.buckets().isEmpty()) {
            return 0;
        }
        EnumSet<Policy.KeyPart> shape = EnumSet.noneOf(Policy.KeyPart.class);
        shape.addAll(measure.key());
        LocalDate after;
        LocalDate until;
        switch (measure.window()) {
            case NONE -> {
                after = DAWN;
                until = DUSK;
            }
            case CALENDAR_YEAR -> {
                after = LocalDate.of(key.year() - 1, 12, 31);
                until = LocalDate.of(key.year(), 12, 31);
            }
            case ROLLING_MONTHS -> {
                // As the in-memory ledger: after the day N months back, up to and including the date.
                after = date.minusMonths(measure.windowMonths());
                until = date;
            }
            default -> throw new IllegalStateException("window " + measure.window());
        }
        return jdbc.sql((organization == null ? COUNTED_BY_KEY : COUNTED_BY_KEY_FILED_BY).get(shape))
                .param("organization", organization == null ? null : organization.value())
                .param("r", measure.buckets().contains(Policy.Bucket.RESERVED) ? 1 : 0)
                .param("a", measure.buckets().contains(Policy.Bucket.AUTHORIZED) ? 1 : 0)
                .param("s", measure.buckets().contains(Policy.Bucket.SHIPPED) ? 1 : 0)
                .param("outcomes", outcomes)
                .param("anyTier", measure.tiers().isEmpty())
                // IN () is not SQL: a measure of any tier still binds one name, which :anyTier makes irrelevant.
                .param("tiers", measure.tiers().isEmpty() ? List.of("") : measure.tiers())
                .param("after", after)
                .param("until", until)
                .param("parent", key.endUserParent())
                .param("endUser", key.endUser())
                .param(
                        "destination",
                        key.destination() == null ? null : key.destination().value())
                .query(Long.class)
                .single();
    }

    @Override
    public void lock(SortedSet<Long> lockIds) {
        for (long lock : lockIds) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                    .param("lock", lock)
                    .query()
                    .singleRow();
        }
    }

    @Override
    public boolean insertPosition(Position position) {
        return jdbc.sql("""
                        INSERT INTO ledger_position
                            (application_id, parent_key, parent_name, end_user_key, destination, assessed_on, outcome,
                             tier, organization_id)
                        VALUES (:id, :parentKey, :parentName, :endUserKey, :destination, :assessedOn, :outcome, :tier,
                            :organization)
                        ON CONFLICT (application_id) DO NOTHING
                        """)
                        .param("id", position.applicationId().value())
                        .param("parentKey", position.parent().key())
                        .param("parentName", position.parent().display())
                        .param("endUserKey", position.endUser().key())
                        .param("destination", position.destination().value())
                        .param("assessedOn", position.assessedOn())
                        .param("outcome", position.outcome().name())
                        .param("tier", position.tier().name())
                        .param(
                                "organization",
                                position.filedBy() == null
                                        ? null
                                        : position.filedBy().value())
                        .update()
                == 1;
    }

    @Override
    public Optional<Movement> move(
            ApplicationId applicationId,
            Movement.Kind kind,
            LedgerBucket from,
            LedgerBucket to,
            Tpp tpp,
            String cause,
            String actor,
            Instant at) {
        Map<LedgerBucket, Long> delta = new EnumMap<>(LedgerBucket.class);
        for (LedgerBucket bucket : LedgerBucket.values()) {
            delta.put(bucket, 0L);
        }
        if (from != null) {
            delta.put(from, -tpp.value());
        }
        if (to != null) {
            delta.put(to, tpp.value());
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        return jdbc.sql(MOVE)
                .param("id", applicationId.value())
                .param("dr", delta.get(LedgerBucket.RESERVED))
                .param("da", delta.get(LedgerBucket.AUTHORIZED))
                .param("ds", delta.get(LedgerBucket.SHIPPED))
                .param("kind", kind.name())
                .param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name())
                .param("tpp", tpp.value())
                .param("cause", cause)
                .param("actor", actor)
                .param("at", now)
                .query(Long.class)
                .optional()
                .map(id -> new Movement(id, applicationId, kind, from, to, tpp, cause, actor, now.toInstant()));
    }

    @Override
    public Optional<Keys> keys(ApplicationId applicationId) {
        return jdbc.sql("""
                SELECT parent_key, end_user_key, destination, assessed_on FROM ledger_position WHERE application_id = :id
                """)
                .param("id", applicationId.value())
                .query((rs, row) -> new Keys(
                        rs.getString(1),
                        rs.getString(2),
                        CountryCode.of(rs.getString(3)),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }

    @Override
    public Optional<List<Movement>> rekey(
            ApplicationId applicationId,
            CompanyName parent,
            CompanyName endUser,
            String cause,
            String actor,
            Instant at) {
        // The position's row lock: its buckets cannot move while they change rows.
        Optional<Object[]> locked = jdbc.sql("""
                SELECT parent_key, destination, reserved_tpp, authorized_tpp, shipped_tpp
                FROM ledger_position WHERE application_id = :id FOR UPDATE
                """)
                .param("id", applicationId.value())
                .query((rs, row) ->
                        new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .optional();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        String fromKey = (String) locked.get()[0];
        String destination = (String) locked.get()[1];
        Map<LedgerBucket, Long> held = new EnumMap<>(LedgerBucket.class);
        held.put(LedgerBucket.RESERVED, (Long) locked.get()[2]);
        held.put(LedgerBucket.AUTHORIZED, (Long) locked.get()[3]);
        held.put(LedgerBucket.SHIPPED, (Long) locked.get()[4]);
        jdbc.sql("""
                UPDATE ledger_position
                SET parent_key = coalesce(:parentKey, parent_key), parent_name = coalesce(:parentName, parent_name),
                    end_user_key = coalesce(:endUserKey, end_user_key)
                WHERE application_id = :id
                """)
                .param("id", applicationId.value())
                .param("parentKey", parent == null ? null : parent.key())
                .param("parentName", parent == null ? null : parent.display())
                .param("endUserKey", endUser == null ? null : endUser.key())
                .update();
        if (parent == null || fromKey.equals(parent.key())) {
            return Optional.of(List.of()); // only the end user's key changed: no company row moves
        }
        jdbc.sql("""
                UPDATE ledger_company_country
                SET reserved_tpp = reserved_tpp - :r, authorized_tpp = authorized_tpp - :a, shipped_tpp = shipped_tpp - :s
                WHERE parent_key = :key AND destination = :destination
                """)
                .param("key", fromKey)
                .param("destination", destination)
                .param("r", held.get(LedgerBucket.RESERVED))
                .param("a", held.get(LedgerBucket.AUTHORIZED))
                .param("s", held.get(LedgerBucket.SHIPPED))
                .update();
        // A company row whose last position left it goes: every row's buckets are the sum of its positions' movements.
        jdbc.sql("""
                DELETE FROM ledger_company_country b
                WHERE b.parent_key = :key AND b.destination = :destination
                  AND b.reserved_tpp = 0 AND b.authorized_tpp = 0 AND b.shipped_tpp = 0
                  AND NOT EXISTS (SELECT 1 FROM ledger_position p
                                  WHERE p.parent_key = :key AND p.destination = :destination)
                """).param("key", fromKey).param("destination", destination).update();
        // The new row exists afterwards even when the position holds nothing now: its released movements count
        // under the new key too, and every key with movements has its row.
        jdbc.sql("""
                INSERT INTO ledger_company_country AS b
                    (parent_key, destination, parent_name, reserved_tpp, authorized_tpp, shipped_tpp)
                VALUES (:key, :destination, :name, :r, :a, :s)
                ON CONFLICT (parent_key, destination) DO UPDATE
                SET reserved_tpp = b.reserved_tpp + :r, authorized_tpp = b.authorized_tpp + :a,
                    shipped_tpp = b.shipped_tpp + :s
                """)
                .param("key", parent.key())
                .param("destination", destination)
                .param("name", parent.display())
                .param("r", held.get(LedgerBucket.RESERVED))
                .param("a", held.get(LedgerBucket.AUTHORIZED))
                .param("s", held.get(LedgerBucket.SHIPPED))
                .update();
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        List<Movement> movements = new ArrayList<>(3);
        for (LedgerBucket bucket : LedgerBucket.values()) {
            long tpp = held.get(bucket);
            if (tpp == 0) {
                continue;
            }
            long id = jdbc.sql("""
                    INSERT INTO ledger_movement
                        (application_id, kind, from_bucket, to_bucket, tpp, cause, actor, occurred_at, from_key, to_key)
                    VALUES (:id, 'REKEY', :bucket, :bucket, :tpp, :cause, :actor, :at, :fromKey, :toKey)
                    RETURNING id
                    """)
                    .param("id", applicationId.value())
                    .param("bucket", bucket.name())
                    .param("tpp", tpp)
                    .param("cause", cause)
                    .param("actor", actor)
                    .param("at", now)
                    .param("fromKey", fromKey)
                    .param("toKey", parent.key())
                    .query(Long.class)
                    .single();
            movements.add(new Movement(
                    id,
                    applicationId,
                    Movement.Kind.REKEY,
                    bucket,
                    bucket,
                    Tpp.of(tpp),
                    cause,
                    actor,
                    now.toInstant()));
        }
        return Optional.of(List.copyOf(movements));
    }

    @Override
    public Optional<Holding> lockedHolding(ApplicationId applicationId) {
        return jdbc.sql("""
                SELECT reserved_tpp, authorized_tpp, shipped_tpp
                FROM ledger_position WHERE application_id = :id FOR UPDATE
                """)
                .param("id", applicationId.value())
                .query((rs, row) -> new Holding(Tpp.of(rs.getLong(1)), Tpp.of(rs.getLong(2)), Tpp.of(rs.getLong(3))))
                .optional();
    }

    @Override
    public List<Movement> movements(ApplicationId applicationId) {
        return jdbc.sql("""
                SELECT id, application_id, kind, from_bucket, to_bucket, tpp, cause, actor, occurred_at
                FROM ledger_movement WHERE application_id = :id ORDER BY id
                """)
                .param("id", applicationId.value())
                .query(JdbcLedgerRecords::movement)
                .list();
    }

    @Override
    public List<CountryTotals> countries() {
        return jdbc.sql("""
                SELECT destination, NULL AS company, reserved_tpp, authorized_tpp, shipped_tpp FROM ledger_country
                ORDER BY reserved_tpp + authorized_tpp + shipped_tpp DESC, destination
                """).query(JdbcLedgerRecords::totals).list();
    }

    @Override
    public Optional<CountryTotals> country(CountryCode destination) {
        return jdbc.sql("""
                SELECT destination, NULL AS company, reserved_tpp, authorized_tpp, shipped_tpp FROM ledger_country
                WHERE destination = :destination
                """)
                .param("destination", destination.value())
                .query(JdbcLedgerRecords::totals)
                .optional();
    }

    @Override
    public List<CountryTotals> topCompanies(CountryCode destination, int limit) {
        return jdbc.sql("""
                SELECT destination, parent_name AS company, reserved_tpp, authorized_tpp, shipped_tpp
                FROM ledger_company_country WHERE destination = :destination
                ORDER BY reserved_tpp + authorized_tpp + shipped_tpp DESC, parent_key
                LIMIT :limit
                """)
                .param("destination", destination.value())
                .param("limit", limit)
                .query(JdbcLedgerRecords::totals)
                .list();
    }

    private static Movement movement(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_bucket");
        String to = rs.getString("to_bucket");
        return new Movement(
                rs.getLong("id"),
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                Movement.Kind.valueOf(rs.getString("kind")),
                from == null ? null : LedgerBucket.valueOf(from),
                to == null ? null : LedgerBucket.valueOf(to),
                Tpp.of(rs.getLong("tpp")),
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
