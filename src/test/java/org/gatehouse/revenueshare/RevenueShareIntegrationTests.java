package org.gatehouse.revenueshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.licensing.TestLicences.aDeal;
import static org.gatehouse.licensing.TestLicences.units;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.gatehouse.Http;
import org.gatehouse.Reactions;
import org.gatehouse.TestCallers;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.licensing.LicensingIntegrationTest;
import org.gatehouse.licensing.MovableClock;
import org.gatehouse.licensing.TestLicences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Revenue share through the HTTP API on the real database: a China H200 licence (REVENUE_SHARE, rate 0.25 from the
 * policy's overlay) is shipped against, its quarter reported once over, corrected, paid, and read by the holder and the
 * authority, with the clock moved past the due day (the injected clock). Money is compared as exact strings.
 */
@LicensingIntegrationTest
class RevenueShareIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    OrganizationService organizations;

    @Autowired
    MovableClock clock;

    private Http http;
    private String exporter;
    private String officer;
    private String auditor;
    private String buyer;

    @BeforeEach
    void callers() {
        http = new Http(port);
        exporter = TestCallers.token(tokens, users, Role.APPLICANT);
        officer = TestCallers.token(tokens, users, Role.OFFICER);
        auditor = TestCallers.token(tokens, users, Role.AUDITOR);
        buyer = TestCallers.token(tokens, users, Role.BUYER);
    }

    @AfterEach
    void theAuditChainHolds() throws SQLException {
        clock.reset();
        assertThat(new AuditVerifier().verify(dataSource).failure()).isEmpty();
    }

    @Test
    void aQuarterIsReportedCorrectedPaidAndFallsOverdueWithTheShippedValueBesideIt() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("CN", units("H200", 10)));
        String licence = issued.number();
        Quarter quarter = Quarter.of(today());
        Http.Response shipped = http.post(
                "/api/v1/licences/" + licence + "/shipments", exporter, """
                {"shippedOn": "%s", "lines": [{"item": "H200", "quantity": 2, "valueUsd": 100000.00}],
                 "testReportSha256": "%s"}""".formatted(today(), "3c".repeat(32)));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);

        // The quarter is not over: nothing to report yet, and nothing changes.
        long before = changes();
        Http.Response early = report(licence, quarter, "80000.10", null);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("detail").asString())
                .contains("reported once the quarter is over, from "
                        + quarter.lastDay().plusDays(1));
        assertThat(changes()).isEqualTo(before);

        moveTo(quarter.lastDay().plusDays(10));
        // 0.25 × 80,000.10 = 20,000.025: half-even to the cent is 20,000.02.
        Http.Response first = report(licence, quarter, "80000.10", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("version").asLong()).isEqualTo(1);
        assertThat(first.json().get("rate").asString()).isEqualTo("0.25");
        assertThat(first.json().get("dueUsd").asString()).isEqualTo("20000.02");
        assertThat(first.json().get("dueOn").asString())
                .isEqualTo(quarter.lastDay().plusDays(30).toString());

        JsonNode statement = statement(licence, exporter);
        assertThat(statement.get("rate").asString()).isEqualTo("0.25");
        assertThat(statement.get("base").asString()).isEqualTo("revenue from the licensed items");
        assertThat(statement.get("dueDays").asInt()).isEqualTo(30);
        JsonNode period = statement.get("periods").get(0);
        assertThat(period.get("quarter").asString()).isEqualTo(quarter.toString());
        assertThat(period.get("revenueUsd").asString()).isEqualTo("80000.10");
        assertThat(period.get("shippedValueUsd").asString()).isEqualTo("100000.00");
        assertThat(period.get("revenueBelowShipped").asBoolean()).isTrue();
        assertThat(period.get("balanceUsd").asString()).isEqualTo("20000.02");
        assertThat(period.get("overdue").asBoolean()).isFalse();
        assertThat(statement.get("balanceUsd").asString()).isEqualTo("20000.02");

        // A correction names the version it read: without one, or with a stale one, it is refused.
        before = changes();
        assertThat(report(licence, quarter, "120000.30", null).status()).isEqualTo(409);
        assertThat(report(licence, quarter, "120000.30", 7L).status()).isEqualTo(409);
        assertThat(changes()).isEqualTo(before);
        // 0.25 × 120,000.30 = 30,000.075: half-even is 30,000.08.
        Http.Response corrected = report(licence, quarter, "120000.30", 1L);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().get("version").asLong()).isEqualTo(2);
        assertThat(corrected.json().get("dueUsd").asString()).isEqualTo("30000.08");
        Http.Response versions = http.get("/api/v1/licences/" + licence + "/revenue-share/reports/" + quarter, officer);
        assertThat(versions.json().findValuesAsString("revenueUsd")).containsExactly("80000.10", "120000.30");
        period = statement(licence, officer).get("periods").get(0);
        assertThat(period.get("revenueBelowShipped").asBoolean()).isFalse();
        assertThat(period.get("reportVersion").asLong()).isEqualTo(2);

        Http.Response paid = remit(licence, quarter, "10000.00", today(), "TREAS-1");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        before = changes();
        assertThat(remit(licence, quarter, "10000.00", today(), "TREAS-1").status())
                .as("the same payment reference twice")
                .isEqualTo(409);
        assertThat(changes()).isEqualTo(before);
        assertThat(statement(licence, auditor).get("balanceUsd").asString()).isEqualTo("20000.08");

        // Past the due day with a balance: overdue; the next quarter, not over yet, is not.
        moveTo(quarter.lastDay().plusDays(31));
        statement = statement(licence, exporter);
        assertThat(statement.get("overduePeriods").asInt()).isEqualTo(1);
        assertThat(statement.get("periods").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(statement.get("periods").get(1).get("quarter").asString())
                .isEqualTo(quarter.next().toString());
        assertThat(statement.get("periods").get(1).get("overdue").asBoolean()).isFalse();

        assertThat(remit(licence, quarter, "20000.08", today(), "TREAS-2").status())
                .isEqualTo(201);
        statement = statement(licence, exporter);
        assertThat(statement.get("balanceUsd").asString()).isEqualTo("0.00");
        assertThat(statement.get("remittedUsd").asString()).isEqualTo("30000.08");
        assertThat(statement.get("overduePeriods").asInt()).isZero();
        assertThat(statement.get("remittances").findValuesAsString("reference")).containsExactly("TREAS-2", "TREAS-1");

        String holder = TestCallers.organizationId(users, organizations, Role.APPLICANT);
        Http.Response balance = http.get("/api/v1/revenue-share/holders/" + holder, exporter);
        assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
        assertThat(balance.json().get("licences").findValuesAsString("licence")).contains(licence);
        assertThat(http.get("/api/v1/revenue-share/holders/" + holder, officer).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/revenue-share/holders/" + holder, buyer).status())
                .isEqualTo(404);

        assertThat(auditActions(licence))
                .containsExactly(
                        "revenue_share.reported",
                        "revenue_share.corrected",
                        "revenue_share.remitted",
                        "revenue_share.remitted");
        String after =
                jdbc.sql("""
                        SELECT CAST(payload AS jsonb)->'after'->>'dueUsd' FROM audit_event
                        WHERE entity_type = 'revenue_share' AND entity_id = :licence
                          AND action = 'revenue_share.corrected'""").param("licence", licence).query(String.class).single();
        assertThat(after).isEqualTo("30000.08");
    }

    @Test
    void onlyTheHolderReportsOnlyOfficersRecordPaymentsAndOthersSeeNothing() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("CN", units("H200", 4)));
        String licence = issued.number();
        Quarter quarter = Quarter.of(today());
        moveTo(quarter.lastDay().plusDays(1));
        long before = changes();

        assertThat(report(licence, quarter, "10.00", null, officer).status()).isEqualTo(403);
        assertThat(report(licence, quarter, "10.00", null, auditor).status()).isEqualTo(403);
        assertThat(report(licence, quarter, "10.00", null, buyer).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/licences/" + licence + "/revenue-share/remittances", exporter, """
                        {"quarter": "%s", "amountUsd": 1, "paidOn": "%s", "reference": "X"}""".formatted(
                                        quarter, today()))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/licences/" + licence + "/revenue-share", buyer)
                        .status())
                .isEqualTo(404);
        assertThat(changes()).isEqualTo(before);

        // A licence without the condition has no revenue share.
        TestLicences.Issued plain = TestLicences.issue(context, aDeal("AE", units("H100", 4)));
        Http.Response none = http.get("/api/v1/licences/" + plain.number() + "/revenue-share", exporter);
        assertThat(none.status()).as(none.toString()).isEqualTo(409);
        assertThat(none.json().get("detail").asString()).contains("has no REVENUE_SHARE condition");
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndChangesNothing() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("CN", units("H200", 4)));
        String licence = issued.number();
        long before = changes();

        Http.Response bad = http.post("/api/v1/licences/" + licence + "/revenue-share/reports", exporter, """
                {"quarter": "2026-Q5", "revenueUsd": 1.234, "version": 0}""");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("quarter", "revenueUsd", "version");

        Http.Response negative = http.post("/api/v1/licences/" + licence + "/revenue-share/reports", exporter, """
                {"quarter": "2026-Q1", "revenueUsd": -5}""");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").findValuesAsString("field")).containsExactly("revenueUsd");

        Http.Response badRemittance =
                http.post("/api/v1/licences/" + licence + "/revenue-share/remittances", officer, """
                        {"quarter": "Q3", "amountUsd": 0, "paidOn": "yesterday", "reference": ""}""");
        assertThat(badRemittance.status()).isEqualTo(400);
        assertThat(badRemittance.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("quarter", "amountUsd", "paidOn", "reference");

        assertThat(http.get("/api/v1/licences/GH-1/revenue-share", exporter).status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/licences/" + licence + "/revenue-share/reports/2026-Q9", exporter)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/revenue-share/holders/nobody", officer).status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/licences/" + licence + "/revenue-share/reports", exporter, "[1]")
                        .status())
                .isEqualTo(400);
        // A quarter before the licence was valid is outside it.
        Http.Response outside = report(licence, new Quarter(2001, 1), "5.00", null);
        assertThat(outside.status()).isEqualTo(409);
        assertThat(outside.json().get("detail").asString()).contains("2001-Q1 is outside it");
        assertThat(changes()).isEqualTo(before);
    }

    private Http.Response report(String licence, Quarter quarter, String revenue, Long version) {
        return report(licence, quarter, revenue, version, exporter);
    }

    private Http.Response report(String licence, Quarter quarter, String revenue, Long version, String token) {
        return http.post("/api/v1/licences/" + licence + "/revenue-share/reports", token, """
                {"quarter": "%s", "revenueUsd": %s%s}""".formatted(
                        quarter, revenue, version == null ? "" : ", \"version\": " + version));
    }

    private Http.Response remit(String licence, Quarter quarter, String amount, LocalDate paidOn, String reference) {
        return http.post("/api/v1/licences/" + licence + "/revenue-share/remittances", officer, """
                {"quarter": "%s", "amountUsd": %s, "paidOn": "%s", "reference": "%s"}""".formatted(
                        quarter, amount, paidOn, reference));
    }

    private JsonNode statement(String licence, String token) {
        Http.Response response = http.get("/api/v1/licences/" + licence + "/revenue-share", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Moves the clock forward to noon (UTC) of {@code day}. */
    private void moveTo(LocalDate day) {
        Duration by = Duration.between(clock.instant(), day.atTime(12, 0).toInstant(ZoneOffset.UTC));
        clock.advance(by);
    }

    /** Rows of revenue share and audit events: what a refused request must leave as it was. */
    private long changes() {
        Reactions.await(jdbc);
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM revenue_report) + (SELECT count(*) FROM remittance)
                            + (SELECT last_seq FROM audit_chain_head)""").query(Long.class).single();
    }

    private List<String> auditActions(String licence) {
        return jdbc.sql("""
                        SELECT action FROM audit_event WHERE entity_type = 'revenue_share' AND entity_id = :licence
                        ORDER BY seq""").param("licence", licence).query(String.class).list();
    }
}
