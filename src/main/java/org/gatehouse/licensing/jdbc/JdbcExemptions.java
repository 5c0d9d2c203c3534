package org.gatehouse.licensing.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.licensing.Drawdown;
import org.gatehouse.licensing.Exemption;
import org.gatehouse.licensing.ExemptionFilter;
import org.gatehouse.licensing.ExemptionSort;
import org.gatehouse.licensing.ExemptionState;
import org.gatehouse.licensing.Exemptions;
import org.gatehouse.licensing.ItemLine;
import org.gatehouse.licensing.ItemLines;
import org.gatehouse.licensing.Keyed;
import org.gatehouse.licensing.Notification;
import org.gatehouse.licensing.NotificationLine;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tier-1 exemptions in PostgreSQL (V040): one row each, keyed by their application, lines as JSON; notifications in a
 * table of their own, never changed.
 */
@Repository
class JdbcExemptions implements Exemptions {

    private static final String SELECT = """
            SELECT application_id, organization_id, state, version, registered_at, updated_at, registered_on, ship_by,
                lapses_on, notification_days, late_notifications, content::text, lines::text, policy_id,
                policy_version, policy_sha256, tier
            FROM exemption""";

    /** One statement for every filter: a null parameter does not filter. */
    private static final String LIST = SELECT + """

            WHERE (CAST(:org AS uuid) IS NULL OR organization_id = :org)
              AND (CAST(:state AS text) IS NULL OR state = :state)
              AND (CAST(:destination AS text) IS NULL OR destination = :destination)
              AND (CAST(:late AS boolean) IS NULL OR (late_notifications > 0) = :late)
            ORDER BY registered_at DESC, application_id
            LIMIT :limit OFFSET :offset""";

    /** An exemption's state on {@code :today}: an open one on or after its lapse day is LAPSED ({@code standing}). */
    private static final String STANDING =
            "(CASE WHEN state = 'OPEN' AND lapses_on <= :today THEN 'LAPSED' ELSE state END)";

    private static final String PAGE_WHERE = """
            WHERE (CAST(:org AS uuid) IS NULL OR organization_id = :org)
              AND (CAST(:state AS text) IS NULL OR %s = :state)
              AND (CAST(:destination AS text) IS NULL OR destination = :destination)
              AND (CAST(:late AS boolean) IS NULL OR (late_notifications > 0) = :late)
            """.formatted(STANDING);

    /** One statement per order and direction of the web UI's page (ORDER BY cannot be a parameter). */
    private static final Map<ExemptionSort, String[]> PAGE = new EnumMap<>(ExemptionSort.class);

    static {
        for (ExemptionSort sort : ExemptionSort.values()) {
            String column = switch (sort) {
                case REGISTERED -> "registered_at";
                case SHIP_BY -> "ship_by";
                case DESTINATION -> "destination";
                case STATE -> STANDING;
            };
            PAGE.put(
                    sort, new String[] {page(column + " ASC, application_id"), page(column + " DESC, application_id")});
        }
    }

    /** The page's ids are chosen first, on the narrow columns, and only its rows are read whole. */
    private static String page(String order) {
        return SELECT + "\nWHERE application_id IN (SELECT application_id FROM exemption\n" + PAGE_WHERE + "ORDER BY "
                + order + " LIMIT :limit OFFSET :offset)\nORDER BY " + order;
    }

    /** The lapse job's claim, as the expiry job's (see {@code JdbcLicences}): locked, SKIP LOCKED. */
    private static final String LAPSING = SELECT + """

            WHERE state = 'OPEN' AND lapses_on <= :today
            ORDER BY lapses_on, application_id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED""";

    private static final String NOTIFICATION = """
            SELECT id, application_id, shipped_on, lines::text, drawdowns::text, tpp, reference, due_on, late,
                filed_by, filed_at, request_sha256
            FROM exemption_notification""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcExemptions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean insert(Exemption exemption) {
        Exemption.Registration registration = exemption.registration();
        return jdbc.sql("""
                        INSERT INTO exemption (application_id, organization_id, state, version, registered_at,
                            updated_at, registered_on, ship_by, lapses_on, notification_days, late_notifications,
                            destination, company_key, content, lines, policy_id, policy_version, policy_sha256, tier)
                        VALUES (:id, :org, :state, :version, :registeredAt, :updatedAt, :registeredOn, :shipBy,
                            :lapsesOn, :notificationDays, :late, :destination, :companyKey, CAST(:content AS jsonb),
                            CAST(:lines AS jsonb), :policyId, :policyVersion, :policySha256, :tier)
                        ON CONFLICT (application_id) DO NOTHING
                        """)
                        .param("id", registration.applicationId().value())
                        .param("org", registration.holder().value())
                        .param("state", exemption.state().name())
                        .param("version", exemption.version())
                        .param("registeredAt", utc(registration.registeredAt()))
                        .param("updatedAt", utc(exemption.updatedAt()))
                        .param("registeredOn", registration.registeredOn())
                        .param("shipBy", registration.shipBy())
                        .param("lapsesOn", registration.lapsesOn())
                        .param("notificationDays", registration.notificationDays())
                        .param("late", exemption.lateNotifications())
                        .param("destination", registration.content().destination())
                        .param("companyKey", registration.content().company().key())
                        .param("content", json.writeValueAsString(registration.content()))
                        .param(
                                "lines",
                                json.writeValueAsString(exemption.lines().lines()))
                        .param("policyId", registration.policy().id())
                        .param("policyVersion", registration.policy().version())
                        .param("policySha256", registration.policy().sha256())
                        .param(
                                "tier",
                                registration.tier() == null
                                        ? null
                                        : registration.tier().name())
                        .update()
                == 1;
    }

    @Override
    public Optional<Exemption> find(ApplicationId application) {
        return jdbc.sql(SELECT + " WHERE application_id = :id")
                .param("id", application.value())
                .query(this::exemption)
                .optional();
    }

    @Override
    public Optional<Exemption> findForUpdate(ApplicationId application) {
        return jdbc.sql(SELECT + " WHERE application_id = :id FOR UPDATE")
                .param("id", application.value())
                .query(this::exemption)
                .optional();
    }

    @Override
    public boolean save(Exemption exemption) {
        return jdbc.sql("""
                        UPDATE exemption SET state = :state, version = :version, updated_at = :updatedAt,
                            late_notifications = :late, lines = CAST(:lines AS jsonb)
                        WHERE application_id = :id AND version = :storedVersion
                        """)
                        .param("id", exemption.applicationId().value())
                        .param("storedVersion", exemption.storedVersion())
                        .param("state", exemption.state().name())
                        .param("version", exemption.version())
                        .param("updatedAt", utc(exemption.updatedAt()))
                        .param("late", exemption.lateNotifications())
                        .param(
                                "lines",
                                json.writeValueAsString(exemption.lines().lines()))
                        .update()
                == 1;
    }

    @Override
    public List<Exemption> list(ExemptionFilter filter, Paging paging) {
        return filtered(jdbc.sql(LIST), filter, paging).query(this::exemption).list();
    }

    @Override
    public List<Exemption> page(
            ExemptionFilter filter, LocalDate today, ExemptionSort sort, boolean descending, Paging paging) {
        return filtered(jdbc.sql(PAGE.get(sort)[descending ? 1 : 0]), filter, paging)
                .param("today", today)
                .query(this::exemption)
                .list();
    }

    /** Binds the filter's and the paging's parameters, which the list and page statements share. */
    private static JdbcClient.StatementSpec filtered(
            JdbcClient.StatementSpec statement, ExemptionFilter filter, Paging paging) {
        statement = statement
                .param("org", filter.holder() == null ? null : filter.holder().value())
                .param("state", filter.state() == null ? null : filter.state().name())
                .param(
                        "destination",
                        filter.destination() == null
                                ? null
                                : filter.destination().value())
                .param("limit", paging.limit())
                .param("offset", paging.offset());
        return statement.param("late", filter.late());
    }

    @Override
    public List<Exemption> lockLapsing(LocalDate today, int limit) {
        return jdbc.sql(LAPSING)
                .param("today", today)
                .param("limit", limit)
                .query(this::exemption)
                .list();
    }

    @Override
    public void insertNotification(Notification notification, String idempotencyKey, String requestSha256) {
        jdbc.sql("""
                INSERT INTO exemption_notification (id, application_id, shipped_on, lines, drawdowns, tpp, reference,
                    due_on, late, filed_by, filed_at, idempotency_key, request_sha256)
                VALUES (:id, :application, :shippedOn, CAST(:lines AS jsonb), CAST(:drawdowns AS jsonb), :tpp,
                    :reference, :dueOn, :late, :filedBy, :filedAt, :key, :requestSha256)
                """)
                .param("id", notification.id())
                .param("application", notification.exemption().value())
                .param("shippedOn", notification.shippedOn())
                .param("lines", json.writeValueAsString(notification.lines()))
                .param("drawdowns", json.writeValueAsString(notification.drawdowns()))
                .param("tpp", notification.tpp())
                .param("reference", notification.reference())
                .param("dueOn", notification.dueOn())
                .param("late", notification.late())
                .param("filedBy", notification.filedBy())
                .param("filedAt", utc(notification.filedAt()))
                .param("key", idempotencyKey)
                .param("requestSha256", requestSha256)
                .update();
    }

    @Override
    public Optional<Keyed<Notification>> notificationByKey(ApplicationId exemption, String idempotencyKey) {
        return jdbc.sql(NOTIFICATION + " WHERE application_id = :id AND idempotency_key = :key")
                .param("id", exemption.value())
                .param("key", idempotencyKey)
                .query((rs, row) -> new Keyed<>(notification(rs, row), rs.getString("request_sha256")))
                .optional();
    }

    @Override
    public List<Notification> notifications(ApplicationId exemption, Paging paging) {
        return jdbc.sql(NOTIFICATION
                        + " WHERE application_id = :id ORDER BY filed_at DESC, id LIMIT :limit OFFSET :offset")
                .param("id", exemption.value())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(this::notification)
                .list();
    }

    private Exemption exemption(ResultSet rs, int row) throws SQLException {
        Exemption.Registration registration = new Exemption.Registration(
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                json.readValue(rs.getString("content"), ApplicationContent.class),
                new PolicyRef(rs.getString("policy_id"), rs.getString("policy_version"), rs.getString("policy_sha256")),
                Tier.ofNullable(rs.getString("tier")),
                instant(rs, "registered_at"),
                rs.getObject("registered_on", LocalDate.class),
                rs.getObject("ship_by", LocalDate.class),
                rs.getObject("lapses_on", LocalDate.class),
                rs.getInt("notification_days"));
        return Exemption.restore(
                registration,
                ExemptionState.valueOf(rs.getString("state")),
                rs.getLong("version"),
                instant(rs, "updated_at"),
                new ItemLines(List.of(json.readValue(rs.getString("lines"), ItemLine[].class))),
                rs.getInt("late_notifications"));
    }

    private Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getObject("id", UUID.class),
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                rs.getObject("shipped_on", LocalDate.class),
                List.of(json.readValue(rs.getString("lines"), NotificationLine[].class)),
                List.of(json.readValue(rs.getString("drawdowns"), Drawdown[].class)),
                rs.getLong("tpp"),
                rs.getString("reference"),
                rs.getObject("due_on", LocalDate.class),
                rs.getBoolean("late"),
                rs.getString("filed_by"),
                instant(rs, "filed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
