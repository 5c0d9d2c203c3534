package org.gatehouse.licensing.jdbc;

import java.math.BigDecimal;
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
import java.util.TreeMap;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.licensing.Drawdown;
import org.gatehouse.licensing.ItemLine;
import org.gatehouse.licensing.Keyed;
import org.gatehouse.licensing.Licence;
import org.gatehouse.licensing.LicenceFilter;
import org.gatehouse.licensing.LicenceFlag;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.licensing.LicenceSort;
import org.gatehouse.licensing.LicenceState;
import org.gatehouse.licensing.LicenceTerms;
import org.gatehouse.licensing.LicenceVersion;
import org.gatehouse.licensing.Licences;
import org.gatehouse.licensing.Shipment;
import org.gatehouse.licensing.ShipmentLine;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Licences in PostgreSQL (V040): one row each, the application's content, conditions and lines as JSON, the columns
 * lists and the expiry job select on beside them; versions and shipments in tables of their own, never changed.
 */
@Repository
class JdbcLicences implements Licences {

    private static final String SELECT = """
            SELECT number, application_id, organization_id, state, version, issued_by, issued_at, updated_at,
                valid_from, valid_until, content::text, conditions::text, officer_conditions, lines::text, policy_id,
                policy_version, policy_sha256, tier, assessment::text, applicant_assessment::text
            FROM licence""";

    /** One statement for every filter: a null parameter does not filter. */
    private static final String LIST = SELECT + """

            WHERE (CAST(:org AS uuid) IS NULL OR organization_id = :org)
              AND (CAST(:state AS text) IS NULL OR state = :state)
              AND (CAST(:destination AS text) IS NULL OR destination = :destination)
            ORDER BY issued_at DESC, number
            LIMIT :limit OFFSET :offset""";

    /** A licence's state on {@code :today}: a live one past its last valid day is EXPIRED ({@code Licence.standing}). */
    private static final String STANDING =
            "(CASE WHEN state IN ('ACTIVE', 'SUSPENDED') AND valid_until < :today THEN 'EXPIRED' ELSE state END)";

    private static final String PAGE_WHERE = """
            WHERE (CAST(:org AS uuid) IS NULL OR organization_id = :org)
              AND (CAST(:state AS text) IS NULL OR %s = :state)
              AND (CAST(:destination AS text) IS NULL OR destination = :destination)
            """.formatted(STANDING);

    /** One statement per order and direction of the web UI's page (ORDER BY cannot be a parameter). */
    private static final Map<LicenceSort, String[]> PAGE = new EnumMap<>(LicenceSort.class);

    static {
        for (LicenceSort sort : LicenceSort.values()) {
            String column = switch (sort) {
                case ISSUED -> "issued_at";
                case UPDATED -> "updated_at";
                case VALID_UNTIL -> "valid_until";
                case NUMBER -> "number";
                case DESTINATION -> "destination";
                case STATE -> STANDING;
            };
            PAGE.put(sort, new String[] {page(column + " ASC, number"), page(column + " DESC, number")});
        }
    }

    /**
     * The page's numbers are chosen first, on the narrow columns, and only its rows are read whole (their JSON
     * converted to text), as the applications' pages do.
     */
    private static String page(String order) {
        return SELECT + "\nWHERE number IN (SELECT number FROM licence\n" + PAGE_WHERE + "ORDER BY " + order
                + " LIMIT :limit OFFSET :offset)\nORDER BY " + order;
    }

    /**
     * The expiry job's claim: live licences past their last valid day, locked; SKIP LOCKED passes over rows another
     * server's job holds, and a row it committed meanwhile is re-checked against the WHERE (it is no longer live).
     */
    private static final String EXPIRING = SELECT + """

            WHERE state IN ('ACTIVE', 'SUSPENDED') AND valid_until < :today
            ORDER BY valid_until, number
            LIMIT :limit
            FOR UPDATE SKIP LOCKED""";

    private static final String SHIPMENT = """
            SELECT id, licence_number, shipped_on, lines::text, drawdowns::text, value_usd, tpp, test_report_sha256,
                reference, reported_by, reported_at, request_sha256
            FROM shipment""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcLicences(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public LicenceNumber nextNumber(int year) {
        long serial =
                jdbc.sql("SELECT nextval('licence_serial')").query(Long.class).single();
        return LicenceNumber.of(year, serial);
    }

    @Override
    public void insert(Licence licence) {
        Licence.Issue issued = licence.issued();
        jdbc.sql("""
                INSERT INTO licence (number, application_id, organization_id, state, version, issued_by, issued_at,
                    updated_at, valid_from, valid_until, destination, company_key, end_user_key, content, conditions,
                    officer_conditions, lines, policy_id, policy_version, policy_sha256, tier, assessment,
                    applicant_assessment)
                VALUES (:number, :application, :org, :state, :version, :issuedBy, :issuedAt, :updatedAt, :validFrom,
                    :validUntil, :destination, :companyKey, :endUserKey, CAST(:content AS jsonb), CAST(:conditions AS jsonb),
                    :officerConditions, CAST(:lines AS jsonb), :policyId, :policyVersion, :policySha256, :tier,
                    CAST(:assessment AS jsonb), CAST(:applicantAssessment AS jsonb))
                """)
                .param("number", licence.number().value())
                .param("application", licence.applicationId().value())
                .param("org", licence.holder().value())
                .param("state", licence.state().name())
                .param("version", licence.version())
                .param("issuedBy", issued.issuedBy())
                .param("issuedAt", utc(issued.issuedAt()))
                .param("updatedAt", utc(licence.updatedAt()))
                .param("validFrom", issued.validFrom())
                .param("validUntil", licence.validUntil())
                .param("destination", issued.content().destination())
                .param("companyKey", issued.content().company().key())
                .param("endUserKey", issued.content().endUserCompany().key())
                .param("content", json.writeValueAsString(issued.content()))
                .param("conditions", json.writeValueAsString(issued.conditions()))
                .param("officerConditions", licence.officerConditions())
                .param("lines", json.writeValueAsString(licence.lines().lines()))
                .param("policyId", issued.policy().id())
                .param("policyVersion", issued.policy().version())
                .param("policySha256", issued.policy().sha256())
                .param("tier", issued.tier() == null ? null : issued.tier().name())
                .param("assessment", issued.assessmentJson())
                .param("applicantAssessment", issued.applicantAssessmentJson())
                .update();
    }

    @Override
    public Optional<Licence> find(LicenceNumber number) {
        return jdbc.sql(SELECT + " WHERE number = :number")
                .param("number", number.value())
                .query(this::licence)
                .optional();
    }

    @Override
    public Optional<Licence> findForUpdate(LicenceNumber number) {
        return jdbc.sql(SELECT + " WHERE number = :number FOR UPDATE")
                .param("number", number.value())
                .query(this::licence)
                .optional();
    }

    @Override
    public Optional<LicenceNumber> numberOf(ApplicationId application) {
        return jdbc.sql("SELECT number FROM licence WHERE application_id = :application")
                .param("application", application.value())
                .query((rs, row) -> new LicenceNumber(rs.getString(1)))
                .optional();
    }

    @Override
    public boolean save(Licence licence) {
        return jdbc.sql("""
                        UPDATE licence SET state = :state, version = :version, updated_at = :updatedAt,
                            valid_until = :validUntil, officer_conditions = :officerConditions,
                            lines = CAST(:lines AS jsonb)
                        WHERE number = :number AND version = :storedVersion
                        """)
                        .param("number", licence.number().value())
                        .param("storedVersion", licence.storedVersion())
                        .param("state", licence.state().name())
                        .param("version", licence.version())
                        .param("updatedAt", utc(licence.updatedAt()))
                        .param("validUntil", licence.validUntil())
                        .param("officerConditions", licence.officerConditions())
                        .param("lines", json.writeValueAsString(licence.lines().lines()))
                        .update()
                == 1;
    }

    @Override
    public List<Licence> list(LicenceFilter filter, Paging paging) {
        return filtered(jdbc.sql(LIST), filter, paging).query(this::licence).list();
    }

    @Override
    public List<Licence> page(
            LicenceFilter filter, LocalDate today, LicenceSort sort, boolean descending, Paging paging) {
        return filtered(jdbc.sql(PAGE.get(sort)[descending ? 1 : 0]), filter, paging)
                .param("today", today)
                .query(this::licence)
                .list();
    }

    /** Binds the filter's and the paging's parameters, which the list and page statements share. */
    private static JdbcClient.StatementSpec filtered(
            JdbcClient.StatementSpec statement, LicenceFilter filter, Paging paging) {
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
        return statement;
    }

    @Override
    public List<Licence> inForce(ApplicationId after, int max) {
        return jdbc.sql(SELECT + """
                         WHERE state IN ('ACTIVE', 'SUSPENDED')
                          AND (CAST(:after AS uuid) IS NULL OR application_id > :after)
                        ORDER BY application_id LIMIT :max""")
                .param("after", after == null ? null : after.value())
                .param("max", max)
                .query(this::licence)
                .list();
    }

    @Override
    public List<Licence> lockExpiring(LocalDate today, int limit) {
        return jdbc.sql(EXPIRING)
                .param("today", today)
                .param("limit", limit)
                .query(this::licence)
                .list();
    }

    @Override
    public void insertVersion(LicenceVersion version) {
        jdbc.sql("""
                INSERT INTO licence_version (number, version, action, terms, reason, actor, at, assessment)
                VALUES (:number, :version, :action, CAST(:terms AS jsonb), :reason, :actor, :at,
                    CAST(:assessment AS jsonb))
                """)
                .param("number", version.number().value())
                .param("version", version.version())
                .param("action", version.action())
                .param("terms", json.writeValueAsString(version.terms()))
                .param("reason", version.reason())
                .param("actor", version.actor())
                .param("at", utc(version.at()))
                .param("assessment", version.assessmentJson())
                .update();
    }

    @Override
    public List<LicenceVersion> versions(LicenceNumber number, Paging paging) {
        return jdbc.sql("""
                SELECT number, version, action, terms::text, reason, actor, at, assessment::text
                FROM licence_version WHERE number = :number ORDER BY version LIMIT :limit OFFSET :offset
                """)
                .param("number", number.value())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(this::versionRow)
                .list();
    }

    @Override
    public Optional<LicenceVersion> version(LicenceNumber number, long version) {
        return jdbc.sql("""
                SELECT number, version, action, terms::text, reason, actor, at, assessment::text
                FROM licence_version WHERE number = :number AND version = :version
                """)
                .param("number", number.value())
                .param("version", version)
                .query(this::versionRow)
                .optional();
    }

    @Override
    public void insertShipment(Shipment shipment, String idempotencyKey, String requestSha256) {
        jdbc.sql("""
                INSERT INTO shipment (id, licence_number, shipped_on, lines, drawdowns, value_usd, tpp,
                    test_report_sha256, reference, reported_by, reported_at, idempotency_key, request_sha256)
                VALUES (:id, :number, :shippedOn, CAST(:lines AS jsonb), CAST(:drawdowns AS jsonb), :valueUsd, :tpp,
                    :testReport, :reference, :reportedBy, :reportedAt, :key, :requestSha256)
                """)
                .param("id", shipment.id())
                .param("number", shipment.licence().value())
                .param("shippedOn", shipment.shippedOn())
                .param("lines", json.writeValueAsString(shipment.lines()))
                .param("drawdowns", json.writeValueAsString(shipment.drawdowns()))
                .param("valueUsd", shipment.valueUsd())
                .param("tpp", shipment.tpp())
                .param("testReport", shipment.testReportSha256())
                .param("reference", shipment.reference())
                .param("reportedBy", shipment.reportedBy())
                .param("reportedAt", utc(shipment.reportedAt()))
                .param("key", idempotencyKey)
                .param("requestSha256", requestSha256)
                .update();
    }

    @Override
    public Optional<Keyed<Shipment>> shipmentByKey(LicenceNumber number, String idempotencyKey) {
        return jdbc.sql(SHIPMENT + " WHERE licence_number = :number AND idempotency_key = :key")
                .param("number", number.value())
                .param("key", idempotencyKey)
                .query((rs, row) -> new Keyed<>(shipment(rs, row), rs.getString("request_sha256")))
                .optional();
    }

    @Override
    public Optional<Shipment> shipmentWithTestReport(LicenceNumber number, String testReportSha256) {
        return jdbc.sql(SHIPMENT + " WHERE licence_number = :number AND test_report_sha256 = :sha")
                .param("number", number.value())
                .param("sha", testReportSha256)
                .query(this::shipment)
                .optional();
    }

    @Override
    public List<LicenceNumber> activeConcerning(String companyKey, int max) {
        return jdbc.sql("""
                        SELECT number FROM licence
                        WHERE state = 'ACTIVE' AND (company_key = :key OR end_user_key = :key)
                        ORDER BY issued_at, number LIMIT :max""")
                .param("key", companyKey)
                .param("max", max)
                .query((rs, n) -> new LicenceNumber(rs.getString(1)))
                .list();
    }

    @Override
    public boolean insertFlag(LicenceFlag flag) {
        return jdbc.sql("""
                        INSERT INTO licence_flag (id, licence_number, flag, kind, reason, raised_by, raised_at)
                        VALUES (:id, :number, :flag, :kind, :reason, :by, :at)
                        ON CONFLICT (licence_number, flag) WHERE cleared_at IS NULL DO NOTHING""")
                        .param("id", flag.id())
                        .param("number", flag.licence().value())
                        .param("flag", flag.flag())
                        .param("kind", flag.kind())
                        .param("reason", flag.reason())
                        .param("by", flag.raisedBy())
                        .param("at", OffsetDateTime.ofInstant(flag.raisedAt(), ZoneOffset.UTC))
                        .update()
                == 1;
    }

    @Override
    public List<LicenceFlag> openFlags(LicenceNumber number) {
        return jdbc.sql("""
                        SELECT id, licence_number, flag, kind, reason, raised_by, raised_at
                        FROM licence_flag WHERE licence_number = :number AND cleared_at IS NULL
                        ORDER BY raised_at, id""")
                .param("number", number.value())
                .query((rs, n) -> new LicenceFlag(
                        rs.getObject("id", UUID.class),
                        new LicenceNumber(rs.getString("licence_number")),
                        rs.getString("flag"),
                        rs.getString("kind"),
                        rs.getString("reason"),
                        rs.getString("raised_by"),
                        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
                        null,
                        null,
                        null))
                .list();
    }

    @Override
    public boolean clearFlag(LicenceNumber number, UUID id, String reason, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE licence_flag SET cleared_by = :by, cleared_at = :at, clear_reason = :reason
                        WHERE id = :id AND licence_number = :number AND cleared_at IS NULL""")
                        .param("id", id)
                        .param("number", number.value())
                        .param("reason", reason)
                        .param("by", by)
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .update()
                == 1;
    }

    @Override
    public Map<LocalDate, BigDecimal> shippedValueByQuarter(LicenceNumber number) {
        Map<LocalDate, BigDecimal> values = new TreeMap<>();
        jdbc.sql("""
                        SELECT CAST(date_trunc('quarter', shipped_on) AS date) AS quarter, sum(value_usd) AS value
                        FROM shipment WHERE licence_number = :number GROUP BY 1""")
                .param("number", number.value())
                .query((rs, row) -> values.put(rs.getObject("quarter", LocalDate.class), rs.getBigDecimal("value")))
                .list();
        return values;
    }

    @Override
    public List<Shipment> shipments(LicenceNumber number, Paging paging) {
        return jdbc.sql(SHIPMENT
                        + " WHERE licence_number = :number ORDER BY reported_at DESC, id LIMIT :limit OFFSET :offset")
                .param("number", number.value())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(this::shipment)
                .list();
    }

    private Licence licence(ResultSet rs, int row) throws SQLException {
        LicenceNumber number = new LicenceNumber(rs.getString("number"));
        String officerConditions = rs.getString("officer_conditions");
        LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
        LicenceState state = LicenceState.valueOf(rs.getString("state"));
        Licence.Issue issue = new Licence.Issue(
                number,
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                json.readValue(rs.getString("content"), ApplicationContent.class),
                new PolicyRef(rs.getString("policy_id"), rs.getString("policy_version"), rs.getString("policy_sha256")),
                Tier.ofNullable(rs.getString("tier")),
                rs.getString("assessment"),
                rs.getString("applicant_assessment"),
                List.of(json.readValue(rs.getString("conditions"), LicenceCondition[].class)),
                officerConditions,
                rs.getString("issued_by"),
                instant(rs, "issued_at"),
                rs.getObject("valid_from", LocalDate.class),
                validUntil);
        return Licence.restore(
                issue,
                state,
                rs.getLong("version"),
                instant(rs, "updated_at"),
                new LicenceTerms(
                        state,
                        validUntil,
                        officerConditions,
                        List.of(json.readValue(rs.getString("lines"), ItemLine[].class))));
    }

    private LicenceVersion versionRow(ResultSet rs, int row) throws SQLException {
        return new LicenceVersion(
                new LicenceNumber(rs.getString("number")),
                rs.getLong("version"),
                rs.getString("action"),
                json.readValue(rs.getString("terms"), LicenceTerms.class),
                rs.getString("reason"),
                rs.getString("actor"),
                instant(rs, "at"),
                rs.getString("assessment"));
    }

    private Shipment shipment(ResultSet rs, int row) throws SQLException {
        return new Shipment(
                rs.getObject("id", UUID.class),
                new LicenceNumber(rs.getString("licence_number")),
                rs.getObject("shipped_on", LocalDate.class),
                List.of(json.readValue(rs.getString("lines"), ShipmentLine[].class)),
                List.of(json.readValue(rs.getString("drawdowns"), Drawdown[].class)),
                rs.getBigDecimal("value_usd"),
                rs.getLong("tpp"),
                rs.getString("test_report_sha256"),
                rs.getString("reference"),
                rs.getString("reported_by"),
                instant(rs, "reported_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
