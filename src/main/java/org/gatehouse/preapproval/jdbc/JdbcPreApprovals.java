package org.gatehouse.preapproval.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.identity.Role;
import org.gatehouse.preapproval.PreApproval;
import org.gatehouse.preapproval.PreApprovalFilter;
import org.gatehouse.preapproval.PreApprovalId;
import org.gatehouse.preapproval.PreApprovalRequest;
import org.gatehouse.preapproval.PreApprovalSort;
import org.gatehouse.preapproval.PreApprovalState;
import org.gatehouse.preapproval.PreApprovals;
import org.gatehouse.preapproval.Site;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Pre-approvals in PostgreSQL (V060): one row each, its sites as a JSON array. */
@Repository
class JdbcPreApprovals implements PreApprovals {

    private static final String COLUMNS = """
            p.id, p.requested_by, p.requester_role, p.requested_by_user, p.requested_at, p.company, p.parent,
            p.countries, p.sites::text AS sites, p.disclosure_name, p.disclosure_media_type, p.disclosure_sha256,
            p.disclosure_size_bytes, p.inspection_consent, p.requested_from, p.requested_until, p.state, p.version,
            p.conditions, p.valid_from, p.valid_until, p.reason, p.changed_by, p.changed_at""";

    private static final String LIST_WHERE = """
             FROM preapproval p
            WHERE (CAST(:state AS text) IS NULL OR p.state = :state)
              AND (CAST(:company AS text) IS NULL OR p.company_key = :company OR p.parent_key = :company)
              AND (CAST(:country AS text) IS NULL OR :country = ANY (p.countries))
              AND (CAST(:requestedBy AS uuid) IS NULL OR p.requested_by = :requestedBy
                   OR (CAST(:buyerKey AS text) IS NOT NULL AND p.company_key = :buyerKey))
              AND (CAST(:inspector AS text) IS NULL OR EXISTS (SELECT 1 FROM inspection i
                   WHERE i.preapproval_id = p.id AND i.inspector = :inspector))
            """;

    /**
     * One statement per order and direction: ORDER BY cannot be a parameter, so each is fixed text built once from the
     * constant column names below.
     */
    private static final Map<PreApprovalSort, String[]> LIST = new EnumMap<>(PreApprovalSort.class);

    static {
        for (PreApprovalSort sort : PreApprovalSort.values()) {
            String column = switch (sort) {
                case REQUESTED -> "p.requested_at";
                case CHANGED -> "p.changed_at";
                case COMPANY -> "p.company_key";
                case STATE -> "p.state";
            };
            LIST.put(sort, new String[] {
                "SELECT " + COLUMNS + LIST_WHERE + "ORDER BY " + column + " ASC, p.id LIMIT :limit OFFSET :offset",
                "SELECT " + COLUMNS + LIST_WHERE + "ORDER BY " + column + " DESC, p.id LIMIT :limit OFFSET :offset"
            });
        }
    }

    /** The expiry job's claim: live rows past their validity, skipping those another server's job holds. */
    private static final String CLAIM_EXPIRED = "SELECT " + COLUMNS + """
             FROM preapproval p
            WHERE p.state IN ('GRANTED', 'REINSTATED', 'SUSPENDED') AND p.valid_until < :today
            ORDER BY p.valid_until, p.id
            LIMIT :max
            FOR UPDATE SKIP LOCKED""";

    /** The pre-approvals in force, keyset by id: what a list import screens again. */
    private static final String GRANTED = "SELECT " + COLUMNS + """
             FROM preapproval p
            WHERE p.state IN ('GRANTED', 'REINSTATED') AND (CAST(:after AS uuid) IS NULL OR p.id > :after)
            ORDER BY p.id
            LIMIT :limit""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcPreApprovals(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A site as stored in the JSON array. */
    record SiteRow(String name, String country, String address) {}

    @Override
    public void insert(PreApproval p) {
        PreApprovalRequest r = p.request();
        jdbc.sql("""
                INSERT INTO preapproval (id, requested_by, requester_role, requested_by_user, requested_at, company,
                    company_key, parent, parent_key, countries, sites, disclosure_name, disclosure_media_type,
                    disclosure_sha256, disclosure_size_bytes, inspection_consent, requested_from, requested_until,
                    state, version, conditions, valid_from, valid_until, reason, changed_by, changed_at)
                VALUES (:id, :requestedBy, :role, :user, :requestedAt, :company, :companyKey, :parent, :parentKey,
                    CAST(:countries AS text[]), CAST(:sites AS jsonb), :disclosureName, :disclosureMediaType,
                    :disclosureSha256, :disclosureSize, :consent, :requestedFrom, :requestedUntil, :state, :version,
                    :conditions, :validFrom, :validUntil, :reason, :changedBy, :changedAt)
                """)
                .param("id", p.id().value())
                .param("requestedBy", p.requestedBy().value())
                .param("role", p.requesterRole().name())
                .param("user", p.requestedByUser())
                .param("requestedAt", utc(p.requestedAt()))
                .param("company", r.company().display())
                .param("companyKey", r.company().key())
                .param("parent", r.ultimateParent().display())
                .param("parentKey", r.ultimateParent().key())
                .param(
                        "countries",
                        textArray(r.countries().stream().map(CountryCode::value).toList()))
                .param("sites", sites(r.sites()))
                .param("disclosureName", r.disclosure().name())
                .param("disclosureMediaType", r.disclosure().mediaType())
                .param("disclosureSha256", r.disclosure().sha256())
                .param("disclosureSize", r.disclosure().sizeBytes())
                .param("consent", r.inspectionConsent())
                .param("requestedFrom", r.validFrom())
                .param("requestedUntil", r.validUntil())
                .param("state", p.state().name())
                .param("version", p.version())
                .param("conditions", p.conditions())
                .param("validFrom", p.validFrom())
                .param("validUntil", p.validUntil())
                .param("reason", p.reason())
                .param("changedBy", p.changedBy())
                .param("changedAt", utc(p.changedAt()))
                .update();
    }

    @Override
    public Optional<PreApproval> find(PreApprovalId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM preapproval p WHERE p.id = :id")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    @Override
    public Optional<PreApproval> findForUpdate(PreApprovalId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM preapproval p WHERE p.id = :id FOR UPDATE")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    @Override
    public boolean save(PreApproval p) {
        return jdbc.sql("""
                UPDATE preapproval SET state = :state, version = :version, conditions = :conditions,
                    valid_from = :validFrom, valid_until = :validUntil, reason = :reason, changed_by = :changedBy,
                    changed_at = :changedAt
                WHERE id = :id AND version = :storedVersion
                """)
                        .param("id", p.id().value())
                        .param("storedVersion", p.storedVersion())
                        .param("state", p.state().name())
                        .param("version", p.version())
                        .param("conditions", p.conditions())
                        .param("validFrom", p.validFrom())
                        .param("validUntil", p.validUntil())
                        .param("reason", p.reason())
                        .param("changedBy", p.changedBy())
                        .param("changedAt", utc(p.changedAt()))
                        .update()
                == 1;
    }

    @Override
    public List<PreApproval> forParent(String parentKey) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM preapproval p WHERE p.parent_key = :key ORDER BY p.changed_at DESC, p.id LIMIT :max")
                .param("key", parentKey)
                .param("max", CANDIDATES_MAX)
                .query(this::row)
                .list();
    }

    @Override
    public List<PreApproval> list(PreApprovalFilter filter, PreApprovalSort sort, boolean descending, Paging paging) {
        return jdbc.sql(LIST.get(sort)[descending ? 1 : 0])
                .param("state", filter.state() == null ? null : filter.state().name())
                .param("company", filter.companyKey())
                .param(
                        "country",
                        filter.country() == null ? null : filter.country().value())
                .param(
                        "requestedBy",
                        filter.requestedBy() == null
                                ? null
                                : filter.requestedBy().value())
                .param("buyerKey", filter.buyerKey())
                .param("inspector", filter.inspector())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(this::row)
                .list();
    }

    @Override
    public List<PreApproval> claimExpired(LocalDate today, int max) {
        return jdbc.sql(CLAIM_EXPIRED)
                .param("today", today)
                .param("max", max)
                .query(this::row)
                .list();
    }

    @Override
    public List<PreApproval> granted(PreApprovalId after, int limit) {
        return jdbc.sql(GRANTED)
                .param("after", after == null ? null : after.value())
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    private PreApproval row(ResultSet rs, int n) throws SQLException {
        List<CountryCode> countries = new ArrayList<>();
        Array array = rs.getArray("countries");
        for (Object code : (Object[]) array.getArray()) {
            countries.add(CountryCode.of((String) code));
        }
        List<Site> sites = new ArrayList<>();
        for (SiteRow site : json.readValue(rs.getString("sites"), SiteRow[].class)) {
            sites.add(new Site(site.name(), CountryCode.of(site.country()), site.address()));
        }
        PreApprovalRequest request = new PreApprovalRequest(
                CompanyName.of(rs.getString("company")),
                CompanyName.of(rs.getString("parent")),
                countries,
                sites,
                new DocumentRef(
                        rs.getString("disclosure_name"),
                        rs.getString("disclosure_media_type"),
                        rs.getString("disclosure_sha256"),
                        rs.getLong("disclosure_size_bytes")),
                rs.getBoolean("inspection_consent"),
                rs.getObject("requested_from", LocalDate.class),
                rs.getObject("requested_until", LocalDate.class));
        return PreApproval.restore(
                new PreApprovalId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("requested_by", UUID.class)),
                Role.valueOf(rs.getString("requester_role")),
                rs.getString("requested_by_user"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                request,
                rs.getLong("version"),
                PreApprovalState.valueOf(rs.getString("state")),
                rs.getString("conditions"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getString("reason"),
                rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }

    private String sites(List<Site> sites) {
        return json.writeValueAsString(sites.stream()
                .map(s -> new SiteRow(s.name(), s.country().value(), s.address()))
                .toList());
    }

    /** Country codes as a PostgreSQL text array literal ({@code {AE,SA}}): the codes are two capital letters. */
    private static String textArray(List<String> codes) {
        return "{" + String.join(",", codes) + "}";
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
