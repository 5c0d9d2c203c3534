package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.InstrumentsApi.company;
import static org.gatehouse.InstrumentsApi.deal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.ledger.LedgerInvariants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The case decision with the tier-2 and tier-3 instruments, end to end through the HTTP API on the real database: the
 * pre-approval a tier-2 approval needs, a failed inspection flagging the open case and the licence in force, the
 * agreement's standing a tier-3 approval needs, and its compute allocation under 32 approvals at once, given back
 * when a licence is revoked unshipped. Each scenario ends with the ledger's invariants and the audit chain verified.
 */
@IntegrationTest
@Import(MutableClock.Replacing.class)
class InstrumentDecisionsIntegrationTests {

    static final String SHA = "c".repeat(64);
    static final String EVIDENCE = "9".repeat(64);
    /** GB300 units in a tier-3 deal: one more than the 200,000 GB300e line. */
    static final long TIER3_UNITS = 200_001;

    @LocalServerPort
    int port;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MutableClock clock;

    InstrumentsApi api;

    @BeforeEach
    void setUp() {
        api = new InstrumentsApi(port, tokens, users, jdbc);
    }

    @AfterEach
    void theLedgerAndTheAuditChainStillHold() throws Exception {
        assertThat(LedgerInvariants.violations(jdbc)).isEmpty();
        assertThat(new AuditVerifier().verify(dataSource).failure()).isEmpty();
    }

    @Test
    void aTier2CaseIsRefusedWithoutAPreApprovalApprovedWithOneAndAFailedInspectionFlagsTheOpenCaseAndTheLicence() {
        String parent = company("Rimal Compute");
        String first = api.submitted(deal(parent + " Cloud", parent, "SA", "HGX H100", 625));
        JsonNode review = api.caseOf(first);
        Http.Response refused =
                api.decide(first, "APPROVED", review.get("version").asLong());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("reasons").get(0).asString())
                .startsWith("BUYER_PREAPPROVAL: no pre-approval is recorded for ultimate parent '" + parent + "'");

        String preApproval = grant(requestFor(parent + " Cloud", parent, "SA"));
        Http.Response approved =
                api.decide(first, "APPROVED", review.get("version").asLong());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String licence = licenceOf(first);
        assertThat(api.read("/api/v1/licences/" + licence, "officer")
                        .get("state")
                        .asString())
                .isEqualTo("ACTIVE");

        // A second deal of the same buyer is open when its site fails an inspection.
        String second = api.submitted(deal(parent + " Cloud", parent, "SA", "HGX H100", 625));
        api.caseOf(second);
        JsonNode scheduled = api.post(
                "/api/v1/preapprovals/" + preApproval + "/inspections", "officer", """
                {"site": "Riyadh-1", "scheduledFor": "%s", "inspector": "inspector"}""".formatted(today().plusDays(1)));
        clock.advance(Duration.ofDays(1));
        JsonNode recorded = api.post(
                "/api/v1/inspections/" + scheduled.get("id").asString() + "/result", "inspector", """
                {"performedOn": "%s", "outcome": "FAILED", "findings": "racks outside the declared cage",
                 "reportSha256": "%s", "version": 1}""".formatted(
                                today(), "d".repeat(64)));

        assertThat(recorded.get("preApproval").get("state").asString()).isEqualTo("SUSPENDED");
        assertThat(recorded.get("flaggedCases").asInt()).isEqualTo(1);
        assertThat(recorded.get("flaggedLicences").asInt()).isEqualTo(1);
        JsonNode flaggedCase = api.read("/api/v1/cases/" + second, "officer");
        assertThat(flaggedCase.get("flags").findValuesAsString("kind")).containsExactly("INSPECTION_FAILED");
        Http.Response blocked =
                api.decide(second, "APPROVED", flaggedCase.get("version").asLong());
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("reasons").toString()).contains("flag INSPECTION_FAILED is raised");

        JsonNode flaggedLicence = api.read("/api/v1/licences/" + licence, "exporter");
        assertThat(flaggedLicence.get("flags").findValuesAsString("kind")).containsExactly("INSPECTION_FAILED");
        assertThat(flaggedLicence.get("flags").get(0).get("reason").asString())
                .contains("racks outside the declared cage");
        assertThat(auditActions("licence", licence)).contains("licence.flagged");

        long before = api.auditEvents();
        String flagId = flaggedLicence.get("flags").get(0).get("id").asString();
        Http.Response byExporter = api.http()
                .post("/api/v1/licences/" + licence + "/flags/" + flagId + "/clear", api.token("exporter"), """
                        {"reason": "not mine to clear"}""");
        assertThat(byExporter.status()).isEqualTo(403);
        assertThat(api.auditEvents()).isEqualTo(before);
        JsonNode cleared = api.post("/api/v1/licences/" + licence + "/flags/" + flagId + "/clear", "officer", """
                {"reason": "the cage was rebuilt and re-inspected"}""");
        assertThat(cleared.get("flags").size()).isZero();
        assertThat(auditActions("licence", licence)).endsWith("licence.flagged", "licence.flag_cleared");
    }

    @Test
    void aTier3CaseIsRefusedForAnUnrealizedTrancheAndABreachedCommitmentAndApprovedOnceBothAreMet() {
        String parent = company("Petra Compute");
        String id = api.submitted(deal(parent, parent, "JO", "GB300", TIER3_UNITS));
        JsonNode review = api.caseOf(id);
        assertThat(review.get("subject").get("tier").asString()).isEqualTo("T3");
        String agreement = api.post("/api/v1/agreements", "officer", agreement("JO", today(), null))
                .get("id")
                .asString();
        inForce(agreement);
        grant(requestFor(parent, parent, "JO")); // a tier-3 buyer is pre-approved too: only the agreement is missing

        Http.Response refused = api.decide(id, "APPROVED", review.get("version").asLong());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("reasons").toString())
                .contains("US_INVESTMENT_MATCH: agreement 'US–JO compact on AI infrastructure' (" + agreement
                        + "): tranche 1 due " + today()
                        + " ($800,000,000.00) is realized $0.00: $800,000,000.00 short");

        api.post("/api/v1/agreements/" + agreement + "/tranches/1/realizations", "officer", """
                {"amountUsd": 800000000, "realizedOn": "%s", "evidenceSha256": "%s", "version": 3}""".formatted(
                        today(), EVIDENCE));
        api.post("/api/v1/agreements/" + agreement + "/commitments/1/status", "officer", """
                {"status": "BREACHED", "note": "a transfer to a D:5 end user", "version": 4}""");
        Http.Response breached =
                api.decide(id, "APPROVED", review.get("version").asLong());
        assertThat(breached.status()).isEqualTo(409);
        assertThat(breached.json().get("reasons").toString())
                .contains("SECURITY_COMMITMENTS")
                .contains("is BREACHED: a transfer to a D:5 end user")
                .doesNotContain("US_INVESTMENT_MATCH");

        api.post("/api/v1/agreements/" + agreement + "/commitments/1/status", "officer", """
                {"status": "MET", "note": "the transfer was reversed and audited", "version": 5}""");
        Http.Response approved =
                api.decide(id, "APPROVED", review.get("version").asLong());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(licenceOf(id)).startsWith("GH-");
    }

    @Test
    void thirtyTwoApprovalsAtOnceNeverTakeMoreThanTheAllocationAndARevokedLicenceGivesItsShareBack() throws Exception {
        int approvals = 32;
        int fit = 5;
        long allocation = fit * TIER3_UNITS + 1_000;
        String agreement = api.post("/api/v1/agreements", "officer", agreement("PE", today().plusDays(60), allocation))
                .get("id")
                .asString();
        inForce(agreement);
        List<String> ids = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < approvals; i++) {
            String parent = company("Andes Compute");
            String id = api.submitted(deal(parent, parent, "PE", "GB300", TIER3_UNITS));
            grant(requestFor(parent, parent, "PE"));
            ids.add(id);
            versions.add(api.caseOf(id).get("version").asLong());
        }

        ExecutorService pool = Executors.newFixedThreadPool(approvals);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> decided = new ArrayList<>();
        try {
            for (int i = 0; i < approvals; i++) {
                String id = ids.get(i);
                long version = versions.get(i);
                decided.add(pool.submit(() -> {
                    start.await();
                    return api.decide(id, "APPROVED", version);
                }));
            }
            start.countDown();
            int ok = 0;
            List<String> refusedIds = new ArrayList<>();
            for (int i = 0; i < approvals; i++) {
                Http.Response response = decided.get(i).get();
                if (response.status() == 200) {
                    ok++;
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(409);
                    assertThat(response.json().get("reasons").toString())
                            .contains("the compute allocation of agreement 'US–PE compact on AI infrastructure'")
                            .contains("this approval needs 200001.00 GB300e");
                    refusedIds.add(ids.get(i));
                }
            }
            assertThat(ok).isEqualTo(fit);
            JsonNode read = api.read("/api/v1/agreements/" + agreement, "officer");
            assertThat(read.get("allocation").get("drawnGb300e").asString())
                    .isEqualTo(String.format("%d.00", fit * TIER3_UNITS));
            assertThat(read.get("allocation").get("remainingGb300e").asString()).isEqualTo("1000.00");
            long drawnTpp = read.get("allocation").get("drawnTpp").asLong();
            assertThat(drawnTpp)
                    .isLessThanOrEqualTo(read.get("allocation").get("tpp").asLong());
            assertThat(jdbc.sql("SELECT coalesce(sum(tpp - returned_tpp), 0) FROM agreement_draw WHERE agreement_id = "
                                    + "CAST(:id AS uuid)")
                            .param("id", agreement)
                            .query(Long.class)
                            .single())
                    .isEqualTo(drawnTpp);

            // A licence revoked before it shipped anything gives what it drew back, and a refused case fits again.
            String approvedId = ids.stream()
                    .filter(id -> !refusedIds.contains(id))
                    .findFirst()
                    .orElseThrow();
            String licence = licenceOf(approvedId);
            api.post("/api/v1/licences/" + licence + "/revoke?version=1", "officer", """
                    {"reason": "the end user left the country"}""");
            JsonNode returned = api.read("/api/v1/agreements/" + agreement, "officer");
            assertThat(returned.get("allocation").get("drawnGb300e").asString())
                    .isEqualTo(String.format("%d.00", (fit - 1) * TIER3_UNITS));
            assertThat(auditActions("agreement", agreement)).contains("agreement.allocation_returned");
            String again = refusedIds.get(0);
            Http.Response now = api.decide(
                    again, "APPROVED", api.caseOf(again).get("version").asLong());
            assertThat(now.status()).as(now.toString()).isEqualTo(200);
            assertThat(api.read("/api/v1/agreements/" + agreement, "officer")
                            .get("allocation")
                            .get("drawnGb300e")
                            .asString())
                    .isEqualTo(String.format("%d.00", fit * TIER3_UNITS));
        } finally {
            pool.shutdownNow();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String licenceOf(String applicationId) {
        return jdbc.sql("SELECT number FROM licence WHERE application_id = CAST(:id AS uuid)")
                .param("id", applicationId)
                .query(String.class)
                .single();
    }

    private List<String> auditActions(String entityType, String entityId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE entity_type = :type AND entity_id = :id ORDER BY seq")
                .param("type", entityType)
                .param("id", entityId)
                .query(String.class)
                .list();
    }

    private JsonNode requestFor(String company, String parent, String country) {
        return api.post("/api/v1/preapprovals", "exporter", """
                {"company": "%s", "ultimateParent": "%s", "countries": ["%s"],
                 "sites": [{"name": "Riyadh-1", "country": "%s", "address": "King Abdullah Financial District"}],
                 "disclosure": {"name": "business-model.pdf", "mediaType": "application/pdf", "sha256": "%s",
                                "sizeBytes": 48213},
                 "inspectionConsent": true, "validFrom": "%s", "validUntil": "%s"}""".formatted(
                        company, parent, country, country, SHA, today(), today().plusYears(1)));
    }

    /** Reviews and grants a requested pre-approval; its id. */
    private String grant(JsonNode requested) {
        String id = requested.get("id").asString();
        api.post("/api/v1/preapprovals/" + id + "/review", "officer", """
                {"version": 1}""");
        api.post("/api/v1/preapprovals/" + id + "/grant", "officer", """
                {"conditions": "quarterly utilization reports", "version": 2}""");
        return id;
    }

    private String agreement(String country, LocalDate firstDue, Long allocationGb300e) {
        return """
                {"country": "%s", "title": "US–%s compact on AI infrastructure",
                 "signatories": ["Secretary of Commerce", "Minister of Digital Economy"],
                 "investment": {"pledgedUsd": 2000000000.10, "homeInvestmentUsd": 2000000000},
                 %s
                 "securityCommitments": ["no transfers to D:5 end users", "no remote access from D:5 countries"],
                 "tranches": [{"dueOn": "%s", "amountUsd": 800000000}, {"dueOn": "%s", "amountUsd": 1200000000.10}]}""".formatted(
                        country,
                        country,
                        allocationGb300e == null ? "" : "\"allocationGb300e\": " + allocationGb300e + ",",
                        firstDue,
                        firstDue.plusYears(1));
    }

    /** Signs it today and brings it into force today (version 3). */
    private void inForce(String id) {
        api.post("/api/v1/agreements/" + id + "/sign", "officer", """
                {"signedOn": "%s", "version": 1}""".formatted(today()));
        api.post("/api/v1/agreements/" + id + "/entry-into-force", "officer", """
                {"inForceOn": "%s", "version": 2}""".formatted(today()));
    }
}
