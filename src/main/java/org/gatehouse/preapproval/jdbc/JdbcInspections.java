package org.gatehouse.preapproval.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.preapproval.Inspection;
import org.gatehouse.preapproval.InspectionFilter;
import org.gatehouse.preapproval.InspectionId;
import org.gatehouse.preapproval.InspectionOutcome;
import org.gatehouse.preapproval.InspectionState;
import org.gatehouse.preapproval.Inspections;
import org.gatehouse.preapproval.PreApprovalId;
import org.gatehouse.preapproval.Site;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inspections in PostgreSQL (V060): one row each, its result in columns once recorded. */
@Repository
class JdbcInspections implements Inspections {

    private static final String COLUMNS = """
            i.id, i.preapproval_id, i.site_name, i.site_country, i.site_address, i.scheduled_for, i.inspector,
            i.scheduled_by, i.scheduled_at, i.state, i.version, i.performed_on, i.outcome, i.findings,
            i.report_sha256, i.remediation_due_on, i.recorded_by, i.recorded_at""";

    private static final String LIST = "SELECT " + COLUMNS + """
             FROM inspection i JOIN preapproval p ON p.id = i.preapproval_id
            WHERE (CAST(:preApproval AS uuid) IS NULL OR i.preapproval_id = :preApproval)
              AND (CAST(:inspector AS text) IS NULL OR i.inspector = :inspector)
              AND (CAST(:state AS text) IS NULL OR i.state = :state)
              AND (CAST(:requestedBy AS uuid) IS NULL OR p.requested_by = :requestedBy
                   OR (CAST(:buyerKey AS text) IS NOT NULL AND p.company_key = :buyerKey))
            ORDER BY i.scheduled_for, i.id
            LIMIT :limit OFFSET :offset""";

    private final JdbcClient jdbc;

    JdbcInspections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Inspection i) {
        jdbc.sql("""
                INSERT INTO inspection (id, preapproval_id, site_name, site_country, site_address, scheduled_for,
                    inspector, scheduled_by, scheduled_at, state, version)
                VALUES (:id, :preApproval, :siteName, :siteCountry, :siteAddress, :scheduledFor, :inspector,
                    :scheduledBy, :scheduledAt, :state, :version)
                """)
                .param("id", i.id().value())
                .param("preApproval", i.preApprovalId().value())
                .param("siteName", i.site().name())
                .param("siteCountry", i.site().country().value())
                .param("siteAddress", i.site().address())
                .param("scheduledFor", i.scheduledFor())
                .param("inspector", i.inspector())
                .param("scheduledBy", i.scheduledBy())
                .param("scheduledAt", utc(i.scheduledAt()))
                .param("state", i.state().name())
                .param("version", i.version())
                .update();
    }

    @Override
    public Optional<Inspection> find(InspectionId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inspection i WHERE i.id = :id")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    @Override
    public Optional<Inspection> findForUpdate(InspectionId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inspection i WHERE i.id = :id FOR UPDATE")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    @Override
    public boolean save(Inspection i) {
        Inspection.Result r = i.result();
        return jdbc.sql("""
                UPDATE inspection SET state = :state, version = :version, performed_on = :performedOn,
                    outcome = :outcome, findings = :findings, report_sha256 = :reportSha256,
                    remediation_due_on = :remediationDueOn, recorded_by = :recordedBy, recorded_at = :recordedAt
                WHERE id = :id AND version = :storedVersion
                """)
                        .param("id", i.id().value())
                        .param("storedVersion", i.storedVersion())
                        .param("state", i.state().name())
                        .param("version", i.version())
                        .param("performedOn", r == null ? null : r.performedOn())
                        .param("outcome", r == null ? null : r.outcome().name())
                        .param("findings", r == null ? null : r.findings())
                        .param("reportSha256", r == null ? null : r.reportSha256())
                        .param("remediationDueOn", r == null ? null : r.remediationDueOn())
                        .param("recordedBy", r == null ? null : r.recordedBy())
                        .param("recordedAt", r == null ? null : utc(r.recordedAt()))
                        .update()
                == 1;
    }

    @Override
    public List<Inspection> list(InspectionFilter filter, Paging paging) {
        return jdbc.sql(LIST)
                .param(
                        "preApproval",
                        filter.preApproval() == null
                                ? null
                                : filter.preApproval().value())
                .param("inspector", filter.inspector())
                .param("state", filter.state() == null ? null : filter.state().name())
                .param(
                        "requestedBy",
                        filter.requestedBy() == null
                                ? null
                                : filter.requestedBy().value())
                .param("buyerKey", filter.buyerKey())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(this::row)
                .list();
    }

    private Inspection row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        Inspection.Result result = outcome == null
                ? null
                : new Inspection.Result(
                        rs.getObject("performed_on", LocalDate.class),
                        InspectionOutcome.valueOf(outcome),
                        rs.getString("findings"),
                        rs.getString("report_sha256"),
                        rs.getObject("remediation_due_on", LocalDate.class),
                        rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
        return Inspection.restore(
                new InspectionId(rs.getObject("id", UUID.class)),
                new PreApprovalId(rs.getObject("preapproval_id", UUID.class)),
                new Site(
                        rs.getString("site_name"),
                        CountryCode.of(rs.getString("site_country")),
                        rs.getString("site_address")),
                rs.getObject("scheduled_for", LocalDate.class),
                rs.getString("inspector"),
                rs.getString("scheduled_by"),
                rs.getObject("scheduled_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"),
                InspectionState.valueOf(rs.getString("state")),
                result);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
