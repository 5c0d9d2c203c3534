package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.licensing.TestLicences.aDeal;
import static org.gatehouse.licensing.TestLicences.units;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.Http;
import org.gatehouse.Reactions;
import org.gatehouse.TestCallers;
import org.gatehouse.WebSession;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.UserService;
import org.gatehouse.revenueshare.Quarter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The revenue-share part of the licence page, the revenue-share page and the licence flags over real HTTP, as a browser
 * without JavaScript sends their forms: the holder sees its own statement only (another organization gets 404 and
 * nothing of it in its lists), bad input is named beside its fields with nothing changed, a report shows the amount due
 * at the licence's rate beside the value shipped, a remittance lowers the balance, and a quarter past its due day is
 * marked overdue in words; an officer clears a licence's flag with a reason.
 */
@LicensingIntegrationTest
class RevenueSharePagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MovableClock clock;

    @AfterEach
    void theLedgerAndTheAuditChainHold() {
        clock.reset();
        LicensingChecks.ledgerAndAuditHold(jdbc, dataSource);
    }

    private WebSession as(String username) {
        return WebSession.signedIn(port, username);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Moves the clock forward to noon (UTC) of {@code day}. */
    private void moveTo(LocalDate day) {
        clock.advance(Duration.between(clock.instant(), day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }

    /** Rows of revenue share and audit events: what a refused form must leave as it was. */
    private long changes() {
        Reactions.await(jdbc);
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM revenue_report) + (SELECT count(*) FROM remittance)
                            + (SELECT last_seq FROM audit_chain_head)""").query(Long.class).single();
    }

    /** A China H200 licence of the demo exporter (REVENUE_SHARE 0.25) with a shipment worth $100,000.00 today. */
    private String aChinaLicence() {
        String number =
                TestLicences.issue(context, aDeal("CN", units("H200", 10))).number();
        WebSession exporter = as("exporter");
        exporter.open("/licences/" + number);
        Map<String, String> shipment = new LinkedHashMap<>();
        shipment.put("idempotencyKey", UUID.randomUUID().toString());
        shipment.put("shippedOn", today().toString());
        shipment.put("lines[0].item", "H200");
        shipment.put("lines[0].quantity", "2");
        shipment.put("lines[0].valueUsd", "100000.00");
        shipment.put("testReportSha256", "3c".repeat(32));
        assertThat(exporter.post("/licences/" + number + "/shipments", shipment).status())
                .isEqualTo(302);
        return number;
    }

    private static Map<String, String> aReport(String quarter, String revenue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("quarter", quarter);
        fields.put("revenueUsd", revenue);
        return fields;
    }

    private static Map<String, String> aRemittance(String quarter, String amount, String paidOn, String reference) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("quarter", quarter);
        fields.put("amountUsd", amount);
        fields.put("paidOn", paidOn);
        fields.put("reference", reference);
        return fields;
    }

    @Test
    void theHolderSeesItsOwnStatementAndNoOtherOrganizationDoes() {
        String number = aChinaLicence();
        LicensingChecks.Exporter other = LicensingChecks.anotherExporter(context);
        WebSession otherSession = new WebSession(port);
        assertThat(otherSession
                        .signIn(other.caller().actor(), "another exporter's password")
                        .status())
                .isEqualTo(302);

        Http.Response mine = as("exporter").open("/licences/" + number);
        assertThat(mine.body())
                .contains("id=\"revenue-share\"")
                .contains("id=\"revenue-rate\">0.25<")
                .contains("$100,000.00")
                .contains("No quarter of this licence is over yet")
                .doesNotContain("Record a remittance");
        assertThat(as("exporter").open("/licences/revenue-share").body()).contains(number);

        assertThat(otherSession.open("/licences/" + number).status()).isEqualTo(404);
        assertThat(otherSession.open("/licences/revenue-share").body()).doesNotContain(number);
        moveTo(Quarter.of(today()).lastDay().plusDays(5));
        long before = changes();
        otherSession.open("/licences/revenue-share");
        Http.Response forged = otherSession.post(
                "/licences/" + number + "/revenue-share/reports",
                aReport(Quarter.of(today().minusDays(5)).toString(), "1000.00"));
        assertThat(forged.status()).isEqualTo(404);
        assertThat(changes()).isEqualTo(before);

        for (String authority : List.of("officer", "auditor")) {
            assertThat(as(authority).open("/licences/revenue-share").body())
                    .as(authority)
                    .contains(number);
        }
        assertThat(as("officer").open("/licences/" + number).body()).contains("Record a remittance");
        assertThat(as("auditor").open("/licences/" + number).body())
                .contains("id=\"revenue-share\"")
                .doesNotContain("Record a remittance")
                .doesNotContain("Report a quarter");
        assertThat(as("buyer").open("/licences/revenue-share").status()).isEqualTo(404);
    }

    @Test
    void badInputIsNamedBesideItsFieldsAndChangesNothing() {
        String number = aChinaLicence();
        String quarter = Quarter.of(today()).toString();
        moveTo(Quarter.of(today()).lastDay().plusDays(10));

        WebSession exporter = as("exporter");
        WebSession officer = as("officer"); // signing in is audited: both before counting
        exporter.open("/licences/" + number);
        long before = changes();
        Http.Response refused =
                exporter.post("/licences/" + number + "/revenue-share/reports", aReport("2026-Q9", "lots"));
        assertThat(refused.status()).isEqualTo(302);
        Http.Response page = exporter.open("/licences/" + number);
        assertThat(page.body())
                .contains("id=\"revenue-report-problem\"")
                .contains("id=\"error-revenue-report-revenueUsd\"")
                .contains("Must be a number")
                .contains("id=\"error-revenue-report-quarter\"")
                .contains("value=\"lots\"")
                .contains("aria-invalid=\"true\"");
        assertThat(changes()).isEqualTo(before);

        officer.open("/licences/" + number);
        officer.post("/licences/" + number + "/revenue-share/remittances", aRemittance(quarter, "-5", "yesterday", ""));
        assertThat(officer.open("/licences/" + number).body())
                .contains("id=\"revenue-remit-problem\"")
                .contains("id=\"error-revenue-remit-amountUsd\"")
                .contains("id=\"error-revenue-remit-paidOn\"")
                .contains("Must be a date yyyy-mm-dd")
                .contains("id=\"error-revenue-remit-reference\"");
        assertThat(changes()).isEqualTo(before);

        // A quarter reported before it is over is refused as a whole, said on the page.
        String current = Quarter.of(today()).toString();
        exporter.open("/licences/" + number);
        exporter.post("/licences/" + number + "/revenue-share/reports", aReport(current, "10.00"));
        assertThat(exporter.open("/licences/" + number).body())
                .contains("id=\"problem\"")
                .contains("is reported once the quarter is over");
        assertThat(changes()).isEqualTo(before);
    }

    @Test
    void aReportShowsTheAmountDueAndARemittanceLowersTheBalanceUntilAnOverdueQuarterIsSaid() {
        String number = aChinaLicence();
        Quarter quarter = Quarter.of(today());
        moveTo(quarter.lastDay().plusDays(10));

        WebSession exporter = as("exporter");
        exporter.open("/licences/" + number);
        // 0.25 × 80,000.10 = 20,000.025: half-even to the cent is 20,000.02.
        Http.Response reported = exporter.post(
                "/licences/" + number + "/revenue-share/reports", aReport(quarter.toString(), "80,000.10"));
        assertThat(reported.status()).isEqualTo(302);
        Http.Response page = exporter.open("/licences/" + number);
        assertThat(page.body())
                .contains("Revenue of " + quarter + " reported: $80,000.10 at rate 0.25, $20,000.02 due by "
                        + quarter.lastDay().plusDays(30))
                .contains("id=\"revenue-balance\">$20,000.02<")
                .contains("Revenue below shipped value")
                .contains("name=\"version." + quarter + "\" value=\"1\"");

        WebSession officer = as("officer");
        officer.open("/licences/" + number);
        assertThat(officer.post(
                                "/licences/" + number + "/revenue-share/remittances",
                                aRemittance(quarter.toString(), "5000.02", today().toString(), "SWIFT 991"))
                        .status())
                .isEqualTo(302);
        assertThat(officer.open("/licences/" + number).body())
                .contains("Remittance of $5,000.02 for " + quarter + " recorded")
                .contains("id=\"revenue-balance\">$15,000.00<")
                .contains("SWIFT 991");

        moveTo(quarter.lastDay().plusDays(31));
        Http.Response late = exporter.open("/licences/" + number);
        assertThat(late.body())
                .contains("Overdue: $15,000.00 unpaid")
                .contains("gh-row--overdue")
                .contains("1 quarter overdue");
        assertThat(exporter.open("/licences/revenue-share").body())
                .contains("Overdue: $15,000.00 unpaid")
                .contains(number);
        assertThat(as("officer").open("/").body())
                .contains("Revenue share overdue")
                .contains(number);
    }

    @Test
    void anOfficerClearsALicenceFlagWithAReason() {
        String number =
                TestLicences.issue(context, aDeal("SA", units("H100", 4))).number();
        LicenceService licences = context.getBean(LicenceService.class);
        UserService users = context.getBean(UserService.class);
        CurrentUser officerCaller =
                users.withOrganization(TestCallers.user(users, Role.OFFICER)).orElseThrow();
        LicenceNumber licence = new LicenceNumber(number);
        licences.flagActiveLicencesOf(
                licences.get(officerCaller, licence).content().company(),
                "inspection:" + number,
                "INSPECTION_FAILED",
                "The inspection of the end user's site failed: racks outside the declared cage.",
                "inspector");
        String flag = licences.openFlags(officerCaller, licence).get(0).id().toString();

        assertThat(as("exporter").open("/licences/" + number).body())
                .contains("This licence is flagged")
                .contains("racks outside the declared cage")
                .doesNotContain("Clear the flag");
        WebSession officer = as("officer");
        assertThat(officer.open("/licences/" + number).body()).contains("Clear the flag");
        Http.Response noReason =
                officer.post("/licences/" + number + "/flags/" + flag + "/clear", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body())
                .contains("id=\"flag-" + flag + "-error-reason\"")
                .contains("usa-form-group--error");
        assertThat(licences.openFlags(officerCaller, licence)).hasSize(1);

        officer.open("/licences/" + number);
        Http.Response cleared = officer.post(
                "/licences/" + number + "/flags/" + flag + "/clear",
                Map.of("reason", "Re-inspection satisfactory on the 3rd."));
        assertThat(cleared.status()).isEqualTo(302);
        assertThat(licences.openFlags(officerCaller, licence)).isEmpty();
        assertThat(officer.open("/licences/" + number).body())
                .contains("is cleared")
                .doesNotContain("This licence is flagged");
    }
}
