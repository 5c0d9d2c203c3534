package org.gatehouse.applications.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationFilter;
import org.gatehouse.applications.ApplicationState;
import org.gatehouse.applications.Applications;
import org.gatehouse.applications.StoredApplication;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Applications in PostgreSQL: one row each, content as JSON, the filtered columns beside it. */
@Repository
class JdbcApplications implements Applications {

    private static final String COLUMNS = """
            id, organization_id, state, version, created_by, created_at, updated_at, submitted_at, content::text,
            policy_id, policy_version, policy_sha256, outcome, tier, review_path, controlled_tpp, assessment::text""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcApplications(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(StoredApplication application) {
        ApplicationContent content = application.content();
        jdbc.sql("""
                INSERT INTO application (id, organization_id, state, version, created_by, created_at, updated_at,
                    reference, destination, end_user, company_key, company, content)
                VALUES (:id, :org, :state, :version, :createdBy, :createdAt, :updatedAt, :reference, :destination,
                    :endUser, :companyKey, :company, CAST(:content AS jsonb))
                """)
                .param("id", application.id().value())
                .param("org", application.organizationId().value())
                .param("state", application.state().name())
                .param("version", application.version())
                .param("createdBy", application.createdBy())
                .param("createdAt", utc(application.createdAt()))
                .param("updatedAt", utc(application.updatedAt()))
                .params(contentColumns(content))
                .update();
    }

    @Override
    public Optional<StoredApplication> find(ApplicationId id, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    @Override
    public boolean updateDraft(ApplicationId id, long expectedVersion, ApplicationContent content, Instant now) {
        return jdbc.sql("""
                UPDATE application SET content = CAST(:content AS jsonb), reference = :reference,
                    destination = :destination, end_user = :endUser, company_key = :companyKey, company = :company,
                    version = version + 1, updated_at = :now
                WHERE id = :id AND version = :version AND state = 'DRAFT'
                """)
                        .params(contentColumns(content))
                        .param("id", id.value())
                        .param("version", expectedVersion)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    @Override
    public boolean move(
            ApplicationId id, long expectedVersion, ApplicationState from, ApplicationState to, Instant now) {
        return jdbc.sql("""
                UPDATE application SET state = :to, version = version + 1, updated_at = :now
                WHERE id = :id AND version = :version AND state = :from
                """)
                        .param("id", id.value())
                        .param("version", expectedVersion)
                        .param("from", from.name())
                        .param("to", to.name())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    @Override
    public boolean register(
            ApplicationId id,
            long expectedVersion,
            ApplicationState to,
            StoredApplication.Registration registration,
            Instant now) {
        return jdbc.sql("""
                UPDATE application SET state = :to, version = version + 1, updated_at = :now, submitted_at = :now,
                    policy_id = :policyId, policy_version = :policyVersion, policy_sha256 = :policySha256,
                    outcome = :outcome, tier = :tier, review_path = :reviewPath, controlled_tpp = :tpp,
                    assessment = CAST(:assessment AS jsonb)
                WHERE id = :id AND version = :version AND state = 'DRAFT'
                """)
                        .param("id", id.value())
                        .param("version", expectedVersion)
                        .param("to", to.name())
                        .param("now", utc(now))
                        .param("policyId", registration.policyId())
                        .param("policyVersion", registration.policyVersion())
                        .param("policySha256", registration.policySha256())
                        .param("outcome", registration.outcome())
                        .param("tier", registration.tier())
                        .param("reviewPath", registration.reviewPath())
                        .param("tpp", registration.controlledTpp())
                        .param("assessment", registration.assessmentJson())
                        .update()
                == 1;
    }

    @Override
    public List<StoredApplication> list(ApplicationFilter filter, Paging paging) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM application WHERE state <> 'DISCARDED'");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.organizationId() != null) {
            sql.append(" AND organization_id = :org");
            parameters.put("org", filter.organizationId().value());
        }
        if (filter.state() != null) {
            sql.append(" AND state = :state");
            parameters.put("state", filter.state().name());
        }
        if (filter.tier() != null) {
            sql.append(" AND tier = :tier");
            parameters.put("tier", filter.tier());
        }
        if (filter.destination() != null) {
            sql.append(" AND destination = :destination");
            parameters.put("destination", filter.destination());
        }
        if (filter.companyKey() != null) {
            sql.append(" AND company_key = :company");
            parameters.put("company", filter.companyKey());
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset");
        parameters.put("limit", paging.limit());
        parameters.put("offset", paging.offset());
        return jdbc.sql(sql.toString()).params(parameters).query(this::row).list();
    }

    private Map<String, Object> contentColumns(ApplicationContent content) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("reference", content.reference());
        columns.put("destination", content.destination());
        columns.put("endUser", content.endUser().name());
        columns.put("companyKey", content.endUser().parentCompany().key());
        columns.put("company", content.endUser().parentCompany().display());
        columns.put("content", json.writeValueAsString(content));
        return columns;
    }

    private StoredApplication row(ResultSet rs, int row) throws SQLException {
        String policyId = rs.getString("policy_id");
        StoredApplication.Registration registration = policyId == null
                ? null
                : new StoredApplication.Registration(
                        policyId,
                        rs.getString("policy_version"),
                        rs.getString("policy_sha256"),
                        rs.getString("outcome"),
                        rs.getString("tier"),
                        rs.getString("review_path"),
                        rs.getLong("controlled_tpp"),
                        rs.getString("assessment"));
        OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
        return new StoredApplication(
                new ApplicationId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                ApplicationState.valueOf(rs.getString("state")),
                rs.getLong("version"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                submitted == null ? null : submitted.toInstant(),
                json.readValue(rs.getString("content"), ApplicationContent.class),
                registration);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
