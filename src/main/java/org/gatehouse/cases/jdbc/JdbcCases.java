package org.gatehouse.cases.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.cases.Case;
import org.gatehouse.cases.CaseEvent;
import org.gatehouse.cases.CaseFilter;
import org.gatehouse.cases.CaseQueue;
import org.gatehouse.cases.CaseSubject;
import org.gatehouse.cases.Cases;
import org.gatehouse.identity.Agency;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Requirement;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Tpp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases in PostgreSQL (V030): {@code review_case} (what queues filter and sort on), {@code case_event} (the history,
 * append-only, one row per event with its record as JSON) and {@code case_referral} (for the agencies' queues).
 */
@Repository
class JdbcCases implements Cases {

    private static final String COLUMNS = """
            c.application_id, c.organization_id, c.version, c.policy_id, c.policy_version, c.policy_sha256,
            c.outcome, c.tier, c.review_path, c.requirements, c.controlled_tpp, c.end_user, c.company,
            c.destination""";

    private static final String OPEN_STATES = "c.state IN ('IN_REVIEW', 'REFERRED', 'HELD_WITHOUT_ACTION')";

    /**
     * A flag raised and not cleared since: a Flagged event with no later FlagCleared of the same flag (the partial
     * index {@code case_event_flags}, V031, holds only these two kinds of event).
     */
    private static final String FLAG_RAISED = """
            EXISTS (SELECT 1 FROM case_event f
                    WHERE f.application_id = c.application_id AND f.type = 'Flagged'
                      AND NOT EXISTS (SELECT 1 FROM case_event k
                          WHERE k.application_id = f.application_id AND k.type = 'FlagCleared' AND k.seq > f.seq
                            AND k.payload ->> 'flag' = f.payload ->> 'flag'))""";

    /** A referral without its recommendation yet (to the filter's agency, when one is set). */
    private static final String RECOMMENDATION_AWAITED = """
            EXISTS (SELECT 1 FROM case_referral w
                    WHERE w.application_id = c.application_id AND w.recommended_at IS NULL
                      AND (CAST(:agency AS text) IS NULL OR w.agency = :agency))""";

    /** The list query of each queue: fixed text, with the same optional filters (a null parameter does not filter). */
    private static final Map<CaseQueue, String> LIST = Map.of(
            CaseQueue.OPEN, list(OPEN_STATES),
            CaseQueue.UNASSIGNED, list("c.state IN ('IN_REVIEW', 'REFERRED') AND c.assignee IS NULL"),
            CaseQueue.MINE, list(OPEN_STATES + " AND c.assignee = :assignee"),
            CaseQueue.REFERRED, list("c.state = 'REFERRED'"),
            CaseQueue.HELD, list("c.state = 'HELD_WITHOUT_ACTION'"),
            CaseQueue.OVERDUE, list("c.state IN ('IN_REVIEW', 'REFERRED') AND c.due_at < :now"),
            CaseQueue.FLAGGED, list(OPEN_STATES + " AND " + FLAG_RAISED),
            CaseQueue.AWAITING_RECOMMENDATION, list(OPEN_STATES + " AND " + RECOMMENDATION_AWAITED),
            CaseQueue.ALL, list("TRUE"));

    /** The open cases of one company (as ultimate parent or end user), for the modules that flag them. */
    private static final String OPEN_CONCERNING = "SELECT c.application_id FROM review_case c WHERE " + OPEN_STATES
            + " AND (c.company_key = :key OR c.end_user_key = :key) ORDER BY c.registered_at LIMIT :max";

    /** Whether a case referred to an agency concerns a company and/or a destination. */
    private static final String REFERRED_CONCERNING = """
            SELECT EXISTS (SELECT 1 FROM case_referral r JOIN review_case c USING (application_id)
                WHERE r.agency = :agency
                  AND (CAST(:key AS text) IS NULL OR c.company_key = :key OR c.end_user_key = :key)
                  AND (CAST(:destination AS text) IS NULL OR c.destination = :destination))""";

    private static final Map<String, Class<? extends CaseEvent>> EVENT_TYPES = eventTypes();

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcCases(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static String list(String queue) {
        return "SELECT " + COLUMNS + " FROM review_case c WHERE " + queue + """

                  AND (CAST(:tier AS text) IS NULL OR c.tier = :tier)
                  AND (CAST(:destination AS text) IS NULL OR c.destination = :destination)
                  AND (CAST(:company AS text) IS NULL OR c.company_key = :company)
                  AND (CAST(:reviewPath AS text) IS NULL OR c.review_path = :reviewPath)
                  AND (CAST(:organization AS uuid) IS NULL OR c.organization_id = :organization)
                  AND (CAST(:agency AS text) IS NULL OR EXISTS (SELECT 1 FROM case_referral r
                       WHERE r.application_id = c.application_id AND r.agency = :agency))
                ORDER BY c.due_at NULLS LAST, c.registered_at, c.application_id
                LIMIT :limit OFFSET :offset""";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends CaseEvent>> eventTypes() {
        Map<String, Class<? extends CaseEvent>> types = new HashMap<>();
        for (Class<?> type : CaseEvent.class.getPermittedSubclasses()) {
            types.put(type.getSimpleName(), (Class<? extends CaseEvent>) type);
        }
        return Map.copyOf(types);
    }

    @Override
    public boolean insert(Case opened, Instant dueAt, Instant now) {
        CaseSubject subject = opened.subject();
        int inserted = jdbc.sql("""
                INSERT INTO review_case (application_id, organization_id, state, version, assignee, registered_at,
                    due_at, updated_at, policy_id, policy_version, policy_sha256, outcome, tier, review_path,
                    requirements, controlled_tpp, end_user, end_user_key, company, company_key, destination)
                VALUES (:id, :organization, :state, :version, :assignee, :registeredAt, :dueAt, :now, :policyId,
                    :policyVersion, :policySha256, :outcome, :tier, :reviewPath, CAST(:requirements AS text[]),
                    :tpp, :endUser, :endUserKey, :company, :companyKey, :destination)
                ON CONFLICT (application_id) DO NOTHING
                """)
                .param("id", opened.applicationId().value())
                .param("organization", opened.applicant().value())
                .param("state", opened.state().name())
                .param("version", opened.version())
                .param("assignee", opened.assignee())
                .param("registeredAt", utc(opened.registeredAt()))
                .param("dueAt", utc(dueAt))
                .param("now", utc(now))
                .param("policyId", subject.policy().id())
                .param("policyVersion", subject.policy().version())
                .param("policySha256", subject.policy().sha256())
                .param("outcome", subject.outcome().name())
                .param("tier", subject.tier() == null ? null : subject.tier().name())
                .param(
                        "reviewPath",
                        subject.reviewPath() == null
                                ? null
                                : subject.reviewPath().name())
                .param(
                        "requirements",
                        textArray(
                                subject.requirements().stream().map(Enum::name).toList()))
                .param("tpp", subject.controlledTpp().value())
                .param("endUser", subject.endUser().display())
                .param("endUserKey", subject.endUser().key())
                .param("company", subject.company().display())
                .param("companyKey", subject.company().key())
                .param("destination", subject.destination().value())
                .update();
        if (inserted == 0) {
            return false;
        }
        appendEvents(opened, 0);
        return true;
    }

    @Override
    public List<ApplicationId> open(ApplicationId after, int max) {
        return jdbc.sql("SELECT c.application_id FROM review_case c WHERE " + OPEN_STATES
                        + " AND (CAST(:after AS uuid) IS NULL OR c.application_id > :after)"
                        + " ORDER BY c.application_id LIMIT :max")
                .param("after", after == null ? null : after.value())
                .param("max", max)
                .query((rs, row) -> new ApplicationId(rs.getObject(1, UUID.class)))
                .list();
    }

    @Override
    public Optional<Case> find(ApplicationId id) {
        return one(id, false);
    }

    @Override
    public Optional<Case> findForUpdate(ApplicationId id) {
        return one(id, true);
    }

    private Optional<Case> one(ApplicationId id, boolean forUpdate) {
        Optional<Row> row = jdbc.sql("SELECT " + COLUMNS + " FROM review_case c WHERE c.application_id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id.value())
                .query(this::row)
                .optional();
        return row.map(r -> r.restore(histories(List.of(id.value())).getOrDefault(id.value(), List.of())));
    }

    @Override
    public boolean save(Case changed, Instant dueAt, Instant now) {
        CaseEvent.Decided decision = changed.decision();
        int updated = jdbc.sql("""
                UPDATE review_case SET state = :state, version = :version, assignee = :assignee, due_at = :dueAt,
                    updated_at = :now, decision = :decision, licence_number = :licence
                WHERE application_id = :id AND version = :storedVersion
                """)
                .param("id", changed.applicationId().value())
                .param("storedVersion", changed.storedVersion())
                .param("state", changed.state().name())
                .param("version", changed.version())
                .param("assignee", changed.assignee())
                .param("dueAt", utc(dueAt))
                .param("now", utc(now))
                .param("decision", decision == null ? null : decision.decision().name())
                .param("licence", decision == null ? null : decision.licenceNumber())
                .update();
        if (updated == 0) {
            return false;
        }
        appendEvents(changed, changed.storedVersion());
        return true;
    }

    /** Inserts the case's new events (numbered after {@code storedSeq}) and keeps its referral rows in step. */
    private void appendEvents(Case changed, long storedSeq) {
        long seq = storedSeq;
        for (CaseEvent event : changed.pullAppended()) {
            seq++;
            jdbc.sql("""
                    INSERT INTO case_event (application_id, seq, type, at, actor, payload)
                    VALUES (:id, :seq, :type, :at, :actor, CAST(:payload AS jsonb))
                    """)
                    .param("id", changed.applicationId().value())
                    .param("seq", seq)
                    .param("type", event.getClass().getSimpleName())
                    .param("at", utc(event.at()))
                    .param("actor", event.by())
                    .param("payload", json.writeValueAsString(event))
                    .update();
            switch (event) {
                case CaseEvent.Referred referred -> {
                    for (Agency agency : referred.agencies()) {
                        jdbc.sql("""
                                INSERT INTO case_referral (application_id, agency, referred_at)
                                VALUES (:id, :agency, :at) ON CONFLICT DO NOTHING
                                """)
                                .param("id", changed.applicationId().value())
                                .param("agency", agency.name())
                                .param("at", utc(referred.at()))
                                .update();
                    }
                }
                case CaseEvent.Recommended recommended ->
                    jdbc.sql("""
                            UPDATE case_referral SET recommended_at = :at
                            WHERE application_id = :id AND agency = :agency
                            """)
                            .param("id", changed.applicationId().value())
                            .param("agency", recommended.agency().name())
                            .param("at", utc(recommended.at()))
                            .update();
                default -> {}
            }
        }
    }

    @Override
    public List<ApplicationId> openConcerning(String companyKey, int max) {
        return jdbc.sql(OPEN_CONCERNING)
                .param("key", companyKey)
                .param("max", max)
                .query((rs, n) -> new ApplicationId(rs.getObject(1, UUID.class)))
                .list();
    }

    @Override
    public boolean referredConcerning(Agency agency, String companyKey, CountryCode destination) {
        return jdbc.sql(REFERRED_CONCERNING)
                .param("agency", agency.name())
                .param("key", companyKey)
                .param("destination", destination == null ? null : destination.value())
                .query(Boolean.class)
                .single();
    }

    @Override
    public List<Case> list(CaseFilter filter, Instant now, Paging paging) {
        List<Row> rows = jdbc.sql(LIST.get(filter.queue()))
                .param("assignee", filter.assignee())
                .param("now", utc(now))
                .param("tier", filter.tier() == null ? null : filter.tier().name())
                .param(
                        "destination",
                        filter.destination() == null
                                ? null
                                : filter.destination().value())
                .param("company", filter.companyKey())
                .param(
                        "reviewPath",
                        filter.reviewPath() == null ? null : filter.reviewPath().name())
                .param(
                        "organization",
                        filter.organization() == null
                                ? null
                                : filter.organization().value())
                .param(
                        "agency",
                        filter.agency() == null ? null : filter.agency().name())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(this::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CaseEvent>> histories =
                histories(rows.stream().map(r -> r.id().value()).toList());
        List<Case> cases = new ArrayList<>(rows.size());
        for (Row row : rows) {
            cases.add(row.restore(histories.getOrDefault(row.id().value(), List.of())));
        }
        return cases;
    }

    /** The histories of these cases, oldest event first, in one query. */
    private Map<UUID, List<CaseEvent>> histories(List<UUID> ids) {
        Map<UUID, List<CaseEvent>> histories = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT application_id, type, payload::text FROM case_event
                WHERE application_id IN (:ids) ORDER BY application_id, seq
                """).param("ids", ids).query(rs -> {
            UUID id = rs.getObject(1, UUID.class);
            Class<? extends CaseEvent> type = EVENT_TYPES.get(rs.getString(2));
            if (type == null) {
                throw new SQLException("unknown case event type " + rs.getString(2));
            }
            histories.computeIfAbsent(id, k -> new ArrayList<>()).add(json.readValue(rs.getString(3), type));
        });
        return histories;
    }

    /** The columns of a case row, restored into a {@link Case} once its history is read. */
    private record Row(ApplicationId id, OrganizationId organization, long version, CaseSubject subject) {
        Case restore(List<CaseEvent> history) {
            return Case.restore(id, organization, subject, version, history);
        }
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        List<Requirement> requirements = new ArrayList<>();
        Array array = rs.getArray("requirements");
        for (Object code : (Object[]) array.getArray()) {
            requirements.add(Requirement.valueOf((String) code));
        }
        String tier = rs.getString("tier");
        String reviewPath = rs.getString("review_path");
        CaseSubject subject = new CaseSubject(
                new PolicyRef(rs.getString("policy_id"), rs.getString("policy_version"), rs.getString("policy_sha256")),
                Outcome.valueOf(rs.getString("outcome")),
                tier == null ? null : new Tier(tier),
                reviewPath == null ? null : ReviewPath.valueOf(reviewPath),
                requirements,
                Tpp.of(rs.getLong("controlled_tpp")),
                CompanyName.of(rs.getString("end_user")),
                CompanyName.of(rs.getString("company")),
                CountryCode.of(rs.getString("destination")));
        return new Row(
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getLong("version"),
                subject);
    }

    /** A list of names as a PostgreSQL text array literal ({@code {A,B}}): the names are enum constants. */
    private static String textArray(List<String> names) {
        return "{" + String.join(",", names) + "}";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
