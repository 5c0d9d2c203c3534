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
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationFilter;
import org.gatehouse.applications.ApplicationState;
import org.gatehouse.applications.Applications;
import org.gatehouse.applications.Registration;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Requirement;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Tpp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Applications in PostgreSQL: one row each, content as JSON, the filtered columns beside it. */
@Repository
class JdbcApplications implements Applications {

    static final String SELECT = """
            SELECT id, organization_id, state, version, created_by, created_at, updated_at, submitted_at,
                content::text, policy_id, policy_version, policy_sha256, outcome, tier, review_path, controlled_tpp,
                assessment::text, applicant_assessment::text
            FROM application""";

    /** One statement for every filter: a null parameter does not filter. */
    private static final String LIST = SELECT + """

            WHERE state <> 'DISCARDED'
              AND (CAST(:org AS uuid) IS NULL OR organization_id = :org)
              AND (CAST(:state AS text) IS NULL OR state = :state)
              AND (CAST(:tier AS text) IS NULL OR tier = :tier)
              AND (CAST(:destination AS text) IS NULL OR destination = :destination)
              AND (CAST(:company AS text) IS NULL OR company_key = :company)
            ORDER BY created_at DESC, id
            LIMIT :limit OFFSET :offset""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcApplications(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(Application application) {
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
                .params(contentColumns(application.content()))
                .update();
    }

    @Override
    public Optional<Application> find(ApplicationId id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    @Override
    public Optional<Application> findForUpdate(ApplicationId id) {
        return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    @Override
    public boolean save(Application application) {
        Registration registration = application.registration();
        return jdbc.sql("""
                UPDATE application SET state = :state, version = :version, updated_at = :updatedAt,
                    submitted_at = :submittedAt, content = CAST(:content AS jsonb), reference = :reference,
                    destination = :destination, end_user = :endUser, company_key = :companyKey, company = :company,
                    policy_id = :policyId, policy_version = :policyVersion, policy_sha256 = :policySha256,
                    outcome = :outcome, tier = :tier, review_path = :reviewPath, controlled_tpp = :tpp,
                    assessment = CAST(:assessment AS jsonb),
                    applicant_assessment = CAST(:applicantAssessment AS jsonb)
                WHERE id = :id AND version = :storedVersion
                """)
                        .param("id", application.id().value())
                        .param("storedVersion", application.storedVersion())
                        .param("state", application.state().name())
                        .param("version", application.version())
                        .param("updatedAt", utc(application.updatedAt()))
                        .param("submittedAt", application.submittedAt() == null ? null : utc(application.submittedAt()))
                        .params(contentColumns(application.content()))
                        .param(
                                "policyId",
                                registration == null
                                        ? null
                                        : registration.policy().id())
                        .param(
                                "policyVersion",
                                registration == null
                                        ? null
                                        : registration.policy().version())
                        .param(
                                "policySha256",
                                registration == null
                                        ? null
                                        : registration.policy().sha256())
                        .param(
                                "outcome",
                                registration == null
                                        ? null
                                        : registration.outcome().name())
                        .param(
                                "tier",
                                registration == null || registration.tier() == null
                                        ? null
                                        : registration.tier().name())
                        .param(
                                "reviewPath",
                                registration == null || registration.reviewPath() == null
                                        ? null
                                        : registration.reviewPath().name())
                        .param(
                                "tpp",
                                registration == null
                                        ? null
                                        : registration.controlledTpp().value())
                        .param("assessment", registration == null ? null : registration.assessmentJson())
                        .param(
                                "applicantAssessment",
                                registration == null ? null : registration.applicantAssessmentJson())
                        .update()
                == 1;
    }

    @Override
    public List<Application> list(ApplicationFilter filter, Paging paging) {
        return jdbc.sql(LIST)
                .param(
                        "org",
                        filter.organizationId() == null
                                ? null
                                : filter.organizationId().value())
                .param("state", filter.state() == null ? null : filter.state().name())
                .param("tier", filter.tier() == null ? null : filter.tier().name())
                .param(
                        "destination",
                        filter.destination() == null
                                ? null
                                : filter.destination().value())
                .param("company", filter.companyKey())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(this::row)
                .list();
    }

    private Map<String, Object> contentColumns(ApplicationContent content) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("reference", content.reference());
        columns.put("destination", content.destination());
        columns.put("endUser", content.endUser().name());
        columns.put("companyKey", content.company().key());
        columns.put("company", content.company().display());
        columns.put("content", json.writeValueAsString(content));
        return columns;
    }

    Application row(ResultSet rs, int row) throws SQLException {
        String policyId = rs.getString("policy_id");
        Registration registration = policyId == null
                ? null
                : new Registration(
                        new PolicyRef(policyId, rs.getString("policy_version"), rs.getString("policy_sha256")),
                        Outcome.valueOf(rs.getString("outcome")),
                        Tier.ofNullable(rs.getString("tier")),
                        rs.getString("review_path") == null ? null : ReviewPath.valueOf(rs.getString("review_path")),
                        requirements(rs.getString("assessment")),
                        Tpp.of(rs.getLong("controlled_tpp")),
                        rs.getString("assessment"),
                        rs.getString("applicant_assessment"));
        OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
        return Application.restore(
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

    /** The requirement codes of a recorded assessment (its SPEC §4 JSON lists them). */
    private List<Requirement> requirements(String assessmentJson) {
        List<Requirement> codes = new java.util.ArrayList<>();
        for (tools.jackson.databind.JsonNode code :
                json.readTree(assessmentJson).path("requirements")) {
            codes.add(Requirement.valueOf(code.asString()));
        }
        return codes;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
