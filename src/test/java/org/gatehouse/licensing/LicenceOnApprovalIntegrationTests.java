package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.licensing.LicensingChecks.holding;
import static org.gatehouse.licensing.LicensingChecks.movements;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gatehouse.Http;
import org.gatehouse.TestCallers;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.trade.ApplicationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole road, over HTTP: an exporter submits, the case opens, an officer approves it, and in the decision's
 * transaction the case workflow authorizes the compute and calls this module's {@code LicenceIssuer}; the licence is
 * then readable and shipments draw it down.
 */
@LicensingIntegrationTest
class LicenceOnApprovalIntegrationTests {

    private static final long H200 = 15_832;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    private Http http;
    private String exporter;
    private String officer;

    @BeforeEach
    void callers() {
        http = new Http(port);
        exporter = TestCallers.token(tokens, users, Role.APPLICANT);
        officer = TestCallers.token(tokens, users, Role.OFFICER);
    }

    @AfterEach
    void theLedgerAndTheAuditChainHold() {
        LicensingChecks.ledgerAndAuditHold(jdbc, dataSource);
    }

    private ApplicationId submitted(String destination, String item, long units) {
        String company = "Approved Co " + UUID.randomUUID();
        Http.Response created = http.post("/api/v1/applications", exporter, """
                {"endUser": {"name": "%s Cloud", "ultimateParent": "%s", "country": "%s"}, "destination": "%s",
                 "deploymentSite": "Hall 2", "endUse": "AI inference", "lines": [{"item": "%s", "quantity": %d}]}""".formatted(
                        company, company, destination, destination, item, units));
        String id = created.json().get("id").asString();
        Http.Response submitted = http.post("/api/v1/applications/" + id + "/submit?version=1", exporter, null);
        assertThat(submitted.json().get("state").asString()).isEqualTo("SUBMITTED");
        return ApplicationId.parse(id);
    }

    /** The case, once its opening (a reaction to the submission) has happened. */
    private JsonNode caseOf(ApplicationId id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Http.Response response = http.get("/api/v1/cases/" + id, officer);
        while (response.status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            response = http.get("/api/v1/cases/" + id, officer);
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void anApprovedCaseIssuesItsLicenceWithTheOfficersConditionsAndTheAssessmentsConditions() throws Exception {
        ApplicationId id = submitted("CN", "H200", 20);
        JsonNode review = caseOf(id);
        assertThat(review.get("subject").get("reviewPath").asString()).isEqualTo("CASE_BY_CASE");

        Http.Response decided = http.post("/api/v1/cases/" + id + "/decision", officer, """
                {"decision": "APPROVED_WITH_CONDITIONS", "reasons": "H200-class, case by case",
                 "conditions": "No resale outside the deployment site.", "version": %d}""".formatted(
                        review.get("version").asLong()));

        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        String number = decided.json().get("decision").get("licenceNumber").asString();
        assertThat(number).matches("GH-[0-9]{4}-[0-9]{6,}");
        JsonNode licence = http.get("/api/v1/licences/" + number, exporter).json();
        assertThat(licence.get("applicationId").asString()).isEqualTo(id.toString());
        assertThat(licence.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(licence.get("officerConditions").asString()).isEqualTo("No resale outside the deployment site.");
        assertThat(licence.get("deploymentSite").asString()).isEqualTo("Hall 2");
        assertThat(licence.get("validUntil").asString())
                .isEqualTo(LocalDate.parse(licence.get("validFrom").asString())
                        .plusYears(4)
                        .minusDays(1)
                        .toString());
        assertThat(licence.get("conditions").findValuesAsString("code"))
                .containsExactly("REVENUE_SHARE", "THIRD_PARTY_TESTING_US", "KYC_REMOTE_ACCESS_CONTROLS");
        assertThat(licence.get("conditions")
                        .get(0)
                        .get("parameters")
                        .get("rate")
                        .asString())
                .isEqualTo("0.25");
        assertThat(http.get("/api/v1/applications/" + id, exporter)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("APPROVED_WITH_CONDITIONS");
        assertThat(holding(jdbc, id)).containsExactly(0L, 20 * H200, 0L);

        Http.Response shipped = http.post("/api/v1/licences/" + number + "/shipments", exporter, """
                {"shippedOn": "%s", "lines": [{"item": "H200", "quantity": 5, "valueUsd": 150000}],
                 "testReportSha256": "%s"}""".formatted(
                        licence.get("validFrom").asString(), "3c".repeat(32)));

        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
        assertThat(holding(jdbc, id)).containsExactly(0L, 15 * H200, 5 * H200);
        assertThat(movements(jdbc, id))
                .extracting(m -> m.substring(0, m.indexOf(' ')))
                .containsExactly("RESERVE", "AUTHORIZE", "SHIP");
        assertThat(LicensingChecks.auditActions(jdbc, "licence", number))
                .containsExactly("licence.issued", "licence.shipment.reported");
    }
}
