package org.gatehouse.revenueshare.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.gatehouse.revenueshare.Quarter;
import org.gatehouse.revenueshare.Remittance;
import org.gatehouse.revenueshare.RevenueReport;
import org.gatehouse.revenueshare.RevenueShares;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Usd;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Revenue reports (every version kept) and remittances in PostgreSQL (V062). */
@Repository
class JdbcRevenueShares implements RevenueShares {

    private static final String REPORT = """
            SELECT licence_number, year, quarter, version, revenue_usd, rate, due_usd, due_on, reported_by, reported_at
            FROM revenue_report""";

    private static final String CURRENT = REPORT + """

            WHERE licence_number = :licence AND year = :year AND quarter = :quarter
            ORDER BY version DESC LIMIT 1""";

    private static final String CURRENT_ALL = """
            SELECT DISTINCT ON (year, quarter)
                licence_number, year, quarter, version, revenue_usd, rate, due_usd, due_on, reported_by, reported_at
            FROM revenue_report WHERE licence_number = :licence
            ORDER BY year, quarter, version DESC""";

    private static final String REMITTANCE = """
            SELECT id, licence_number, year, quarter, amount_usd, paid_on, reference, recorded_by, recorded_at
            FROM remittance""";

    private final JdbcClient jdbc;

    JdbcRevenueShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RevenueReport> current(String licence, Quarter quarter) {
        return jdbc.sql(CURRENT)
                .param("licence", licence)
                .param("year", quarter.year())
                .param("quarter", quarter.number())
                .query(JdbcRevenueShares::report)
                .optional();
    }

    @Override
    public Map<Quarter, RevenueReport> currentReports(String licence) {
        Map<Quarter, RevenueReport> reports = new TreeMap<>();
        jdbc.sql(CURRENT_ALL)
                .param("licence", licence)
                .query(JdbcRevenueShares::report)
                .list()
                .forEach(r -> reports.put(r.quarter(), r));
        return reports;
    }

    @Override
    public boolean insert(RevenueReport report, OrganizationId holder) {
        return jdbc.sql("""
                        INSERT INTO revenue_report (licence_number, year, quarter, version, organization_id, revenue_usd,
                            rate, due_usd, due_on, reported_by, reported_at)
                        VALUES (:licence, :year, :quarter, :version, :org, :revenue, :rate, :due, :dueOn, :by, :at)
                        ON CONFLICT (licence_number, year, quarter, version) DO NOTHING""")
                        .param("licence", report.licence())
                        .param("year", report.quarter().year())
                        .param("quarter", report.quarter().number())
                        .param("version", report.version())
                        .param("org", holder.value())
                        .param("revenue", report.revenue().amount())
                        .param("rate", report.rate())
                        .param("due", report.due().amount())
                        .param("dueOn", report.dueOn())
                        .param("by", report.reportedBy())
                        .param("at", OffsetDateTime.ofInstant(report.reportedAt(), ZoneOffset.UTC))
                        .update()
                == 1;
    }

    @Override
    public List<RevenueReport> versions(String licence, Quarter quarter) {
        return jdbc.sql(REPORT + " WHERE licence_number = :licence AND year = :year AND quarter = :quarter"
                        + " ORDER BY version")
                .param("licence", licence)
                .param("year", quarter.year())
                .param("quarter", quarter.number())
                .query(JdbcRevenueShares::report)
                .list();
    }

    @Override
    public boolean insert(Remittance remittance, OrganizationId holder) {
        return jdbc.sql("""
                        INSERT INTO remittance (id, licence_number, year, quarter, organization_id, amount_usd, paid_on,
                            reference, recorded_by, recorded_at)
                        VALUES (:id, :licence, :year, :quarter, :org, :amount, :paidOn, :reference, :by, :at)
                        ON CONFLICT (licence_number, reference) DO NOTHING""")
                        .param("id", remittance.id())
                        .param("licence", remittance.licence())
                        .param("year", remittance.quarter().year())
                        .param("quarter", remittance.quarter().number())
                        .param("org", holder.value())
                        .param("amount", remittance.amount().amount())
                        .param("paidOn", remittance.paidOn())
                        .param("reference", remittance.reference())
                        .param("by", remittance.recordedBy())
                        .param("at", OffsetDateTime.ofInstant(remittance.recordedAt(), ZoneOffset.UTC))
                        .update()
                == 1;
    }

    @Override
    public Map<Quarter, Usd> remitted(String licence) {
        Map<Quarter, Usd> remitted = new TreeMap<>();
        jdbc.sql("""
                        SELECT year, quarter, sum(amount_usd) AS amount FROM remittance WHERE licence_number = :licence
                        GROUP BY year, quarter""")
                .param("licence", licence)
                .query((rs, row) -> remitted.put(
                        new Quarter(rs.getInt("year"), rs.getInt("quarter")), new Usd(rs.getBigDecimal("amount"))))
                .list();
        return remitted;
    }

    @Override
    public List<Remittance> remittances(String licence, Paging paging) {
        return jdbc.sql(REMITTANCE
                        + " WHERE licence_number = :licence ORDER BY recorded_at DESC, id LIMIT :limit OFFSET :offset")
                .param("licence", licence)
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(JdbcRevenueShares::remittance)
                .list();
    }

    private static RevenueReport report(ResultSet rs, int row) throws SQLException {
        return RevenueReport.restore(
                rs.getString("licence_number"),
                new Quarter(rs.getInt("year"), rs.getInt("quarter")),
                rs.getLong("version"),
                new Usd(rs.getBigDecimal("revenue_usd")),
                rs.getBigDecimal("rate").stripTrailingZeros(),
                new Usd(rs.getBigDecimal("due_usd")),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("reported_by"),
                rs.getObject("reported_at", OffsetDateTime.class).toInstant());
    }

    private static Remittance remittance(ResultSet rs, int row) throws SQLException {
        return new Remittance(
                rs.getObject("id", UUID.class),
                rs.getString("licence_number"),
                new Quarter(rs.getInt("year"), rs.getInt("quarter")),
                new Usd(rs.getBigDecimal("amount_usd")),
                rs.getObject("paid_on", LocalDate.class),
                rs.getString("reference"),
                rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}
