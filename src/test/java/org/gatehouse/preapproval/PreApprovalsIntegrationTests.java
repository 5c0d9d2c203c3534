package org.gatehouse.preapproval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.InstrumentsApi.company;
import static org.gatehouse.InstrumentsApi.deal;
import static org.gatehouse.InstrumentsApi.evidence;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.gatehouse.Http;
import org.gatehouse.InstrumentsApi;
import org.gatehouse.IntegrationTest;
import org.gatehouse.MutableClock;
import org.gatehouse.TestCallers;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.ledger.LedgerInvariants;
import org.gatehouse.screening.ListFile;
import org.gatehouse.screening.TestListFiles;
import org.gatehouse.screening.server.ScreeningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Buyer pre-approvals through the API on the real database: requested, reviewed, granted and read as evidence by a
 * tier-2 case; suspended by a failed inspection that flags the open case; expired by date on use and by the job;
 * seen only by whom it concerns; bad input named and changing nothing. Each scenario ends with the ledger's invariants
 * and the audit chain verified.
 */
@IntegrationTest
@Import(MutableClock.Replacing.class)
class PreApprovalsIntegrationTests {

    static final String SHA = "c".repeat(64);

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

    @Autowired
    PreApprovalJobs jobs;

    @Autowired
    ScreeningService screening;

    @Autowired
    OrganizationService organizations;

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
    void aTier2CaseLacksThePreApprovalUntilOneIsGrantedForItsParentAndDestination() {
        String parent = company("Nahda Compute");
        String id = api.submitted(deal(parent + " Cloud", parent, "SA", "HGX H100", 625));
        JsonNode review = api.caseOf(id);
        assertThat(evidence(review, "BUYER_PREAPPROVAL").get("present").asBoolean())
                .isFalse();
        assertThat(evidence(review, "BUYER_PREAPPROVAL").get("detail").asString())
                .contains("no pre-approval is recorded for ultimate parent '" + parent + "'");

        JsonNode requested = requestFor(parent + " Cloud", parent, "SA", true);
        JsonNode pending = api.read("/api/v1/cases/" + id, "officer");
        assertThat(evidence(pending, "BUYER_PREAPPROVAL").get("detail").asString())
                .contains("is REQUESTED: not granted yet");

        JsonNode granted = grant(requested.get("id").asString());
        assertThat(granted.get("state").asString()).isEqualTo("GRANTED");
        assertThat(granted.get("version").asLong()).isEqualTo(3);
        JsonNode after = api.read("/api/v1/cases/" + id, "officer");
        for (String code : List.of("BUYER_PREAPPROVAL", "BUSINESS_MODEL_DISCLOSURE", "SITE_INSPECTION_CONSENT")) {
            assertThat(evidence(after, code).get("present").asBoolean())
                    .as(code + ": " + evidence(after, code))
                    .isTrue();
        }
        assertThat(evidence(after, "BUSINESS_MODEL_DISCLOSURE").get("detail").asString())
                .contains("business-model.pdf", SHA);
    }

    @Test
    void aPreApprovalForAnotherCountryOrWithoutConsentDoesNotCoverTheCase() {
        String parent = company("Sahel Compute");
        String id = api.submitted(deal(parent, parent, "SA", "HGX H100", 625));
        grant(requestFor(parent, parent, "QA", true).get("id").asString());
        JsonNode elsewhere =
                api.read("/api/v1/cases/" + api.caseOf(id).get("id").asString(), "officer");
        assertThat(evidence(elsewhere, "BUYER_PREAPPROVAL").get("detail").asString())
                .contains("covers only [QA]");

        grant(requestFor(parent, parent, "SA", false).get("id").asString());
        JsonNode noConsent = api.read("/api/v1/cases/" + id, "officer");
        assertThat(evidence(noConsent, "BUYER_PREAPPROVAL").get("present").asBoolean())
                .isTrue();
        assertThat(evidence(noConsent, "SITE_INSPECTION_CONSENT").get("present").asBoolean())
                .isFalse();
        assertThat(evidence(noConsent, "SITE_INSPECTION_CONSENT").get("detail").asString())
                .contains("without consent to on-site inspection");
    }

    @Test
    void aFailedInspectionSuspendsThePreApprovalAndFlagsTheOpenCaseUntilAnOfficerClearsIt() {
        String parent = company("Qasr Compute");
        String id = api.submitted(deal(parent + " Cloud", parent, "SA", "HGX H100", 625));
        api.caseOf(id);
        String preApproval = grant(requestFor(parent + " Cloud", parent, "SA", true)
                        .get("id")
                        .asString())
                .get("id")
                .asString();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        JsonNode scheduled = api.post(
                "/api/v1/preapprovals/" + preApproval + "/inspections", "officer", """
                {"site": "riyadh-1", "scheduledFor": "%s", "inspector": "inspector"}""".formatted(today.plusDays(2)));
        assertThat(scheduled.get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.get("site").get("name").asString()).isEqualTo("Riyadh-1");
        clock.advance(Duration.ofDays(2));

        JsonNode recorded = api.post(
                "/api/v1/inspections/" + scheduled.get("id").asString() + "/result", "inspector", """
                {"performedOn": "%s", "outcome": "FAILED", "findings": "racks outside the declared cage",
                 "reportSha256": "%s", "version": 1}""".formatted(
                                today.plusDays(2), "d".repeat(64)));

        assertThat(recorded.get("suspended").asBoolean()).isTrue();
        assertThat(recorded.get("flaggedCases").asInt()).isEqualTo(1);
        assertThat(recorded.get("preApproval").get("state").asString()).isEqualTo("SUSPENDED");
        JsonNode flagged = api.read("/api/v1/cases/" + id, "officer");
        assertThat(flagged.get("flags").findValuesAsString("kind")).containsExactly("INSPECTION_FAILED");
        assertThat(flagged.get("flags").get(0).get("reason").asString()).contains("racks outside the declared cage");
        assertThat(evidence(flagged, "BUYER_PREAPPROVAL").get("detail").asString())
                .contains("is SUSPENDED since");
        Http.Response approval =
                api.decide(id, "APPROVED", flagged.get("version").asLong());
        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.json().get("reasons").toString())
                .contains("flag INSPECTION_FAILED is raised", "BUYER_PREAPPROVAL");

        JsonNode cleared = api.post(
                "/api/v1/cases/" + id + "/flags/"
                        + flagged.get("flags").get(0).get("flag").asString() + "/clear",
                "officer",
                """
                {"reason": "re-inspection scheduled; the cage was rebuilt", "version": %d}""".formatted(flagged.get("version").asLong()));
        assertThat(cleared.get("flags").size()).isZero();
        JsonNode reinstated = api.post("/api/v1/preapprovals/" + preApproval + "/reinstate", "officer", """
                {"reason": "the cage was rebuilt and re-inspected", "version": 4}""");
        assertThat(reinstated.get("state").asString()).isEqualTo("REINSTATED");
        assertThat(evidence(api.read("/api/v1/cases/" + id, "officer"), "BUYER_PREAPPROVAL")
                        .get("present")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void findingsSetARemediationDateThatFallsOverdueAndLeaveThePreApprovalStanding() {
        String parent = company("Wadi Compute");
        String preApproval = grant(
                        requestFor(parent, parent, "SA", true).get("id").asString())
                .get("id")
                .asString();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        JsonNode scheduled =
                api.post("/api/v1/preapprovals/" + preApproval + "/inspections", "inspector", """
                {"site": "Riyadh-1", "scheduledFor": "%s"}""".formatted(today));
        assertThat(scheduled.get("inspector").asString()).isEqualTo("inspector");

        JsonNode recorded = api.post(
                "/api/v1/inspections/" + scheduled.get("id").asString() + "/result", "inspector", """
                {"performedOn": "%s", "outcome": "FINDINGS", "findings": "visitor log incomplete",
                 "reportSha256": "%s", "remediationDueOn": "%s", "version": 1}""".formatted(
                                today, "e".repeat(64), today.plusDays(14)));
        assertThat(recorded.get("suspended").asBoolean()).isFalse();
        assertThat(recorded.get("preApproval").get("state").asString()).isEqualTo("GRANTED");
        assertThat(recorded.get("inspection")
                        .get("result")
                        .get("remediationOverdue")
                        .asBoolean())
                .isFalse();

        clock.advance(Duration.ofDays(15));
        JsonNode later = api.read("/api/v1/inspections/" + scheduled.get("id").asString(), "exporter");
        assertThat(later.get("result").get("remediationOverdue").asBoolean()).isTrue();
        Http.Response twice = api.http()
                .post(
                        "/api/v1/inspections/" + scheduled.get("id").asString() + "/result",
                        api.token("inspector"),
                        """
                {"performedOn": "%s", "outcome": "SATISFACTORY", "reportSha256": "%s", "version": 2}""".formatted(today, "e".repeat(64)));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void aPreApprovalPastItsValidityCoversNothingOnUseAndTheJobRecordsItsExpiry() {
        String parent = company("Dune Compute");
        String id = api.submitted(deal(parent, parent, "SA", "HGX H100", 625));
        api.caseOf(id);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String preApproval = requestFor(parent, parent, "SA", true).get("id").asString();
        api.post("/api/v1/preapprovals/" + preApproval + "/review", "officer", """
                {"version": 1}""");
        api.post("/api/v1/preapprovals/" + preApproval + "/grant", "officer", """
                {"conditions": "monthly reports", "validFrom": "%s", "validUntil": "%s", "version": 2}""".formatted(today, today.plusDays(10)));
        assertThat(evidence(api.read("/api/v1/cases/" + id, "officer"), "BUYER_PREAPPROVAL")
                        .get("present")
                        .asBoolean())
                .isTrue();

        clock.advance(Duration.ofDays(11));
        JsonNode onUse = api.read("/api/v1/preapprovals/" + preApproval, "officer");
        assertThat(onUse.get("state").asString()).isEqualTo("GRANTED");
        assertThat(onUse.get("standing").asString()).isEqualTo("EXPIRED");
        assertThat(evidence(api.read("/api/v1/cases/" + id, "officer"), "BUYER_PREAPPROVAL")
                        .get("detail")
                        .asString())
                .contains("EXPIRED: its validity ended on " + today.plusDays(10));
        Http.Response suspendLapsed =
                api.http().post("/api/v1/preapprovals/" + preApproval + "/suspend", api.token("officer"), """
                {"reason": "x", "version": 3}""");
        assertThat(suspendLapsed.status()).isEqualTo(409);

        assertThat(jobs.run()).isGreaterThanOrEqualTo(1);
        JsonNode expired = api.read("/api/v1/preapprovals/" + preApproval, "officer");
        assertThat(expired.get("state").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("version").asLong()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'preapproval.expired' AND entity_id = :id")
                        .param("id", preApproval)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void eachSeesOnlyWhatConcernsItAndOnlyOfficersDecide() {
        String parent = company("Oasis Compute");
        JsonNode ownRequest = api.post(
                "/api/v1/preapprovals", "buyer", request("Falaj Digital Infrastructure FZ-LLC", parent, "AE", true));
        assertThat(ownRequest.get("requesterRole").asString()).isEqualTo("BUYER");
        JsonNode forOther = requestFor(company("Other Buyer"), parent, "AE", true);

        assertThat(api.get("/api/v1/preapprovals/" + ownRequest.get("id").asString(), "buyer")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/preapprovals/" + forOther.get("id").asString(), "buyer")
                        .status())
                .as("another buyer's pre-approval is not found")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/preapprovals/" + ownRequest.get("id").asString(), "exporter")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/preapprovals/" + forOther.get("id").asString(), "exporter")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/preapprovals/" + forOther.get("id").asString(), "inspector")
                        .status())
                .as("no inspection of it is assigned to the inspector")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/preapprovals/" + forOther.get("id").asString(), "state")
                        .status())
                .as("no case referred to the State Department concerns it")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/preapprovals/" + forOther.get("id").asString(), "auditor")
                        .status())
                .isEqualTo(200);
        assertThat(api.read("/api/v1/preapprovals?limit=200", "buyer").findValuesAsString("id"))
                .contains(ownRequest.get("id").asString())
                .doesNotContain(forOther.get("id").asString());
        assertThat(api.get("/api/v1/preapprovals/" + ownRequest.get("id").asString(), "buyer")
                        .json()
                        .get("changedBy")
                        .isNull())
                .isTrue();

        for (String notAnOfficer : List.of("buyer", "exporter", "auditor", "inspector")) {
            assertThat(api.http()
                            .post(
                                    "/api/v1/preapprovals/" + forOther.get("id").asString() + "/review",
                                    api.token(notAnOfficer),
                                    "{\"version\": 1}")
                            .status())
                    .as(notAnOfficer)
                    .isEqualTo(403);
        }
    }

    @Test
    void anAgencySeesThePreApprovalOfACaseReferredToIt() {
        String parent = company("Mirage Compute");
        String id = api.submitted(deal(parent, parent, "SA", "HGX H100", 625));
        JsonNode review = api.caseOf(id);
        String preApproval = requestFor(parent, parent, "SA", true).get("id").asString();
        assertThat(api.get("/api/v1/preapprovals/" + preApproval, "state").status())
                .isEqualTo(404);

        api.post("/api/v1/cases/" + id + "/referrals", "officer", """
                {"agencies": ["STATE"], "version": %d}""".formatted(
                        review.get("version").asLong()));

        assertThat(api.get("/api/v1/preapprovals/" + preApproval, "state").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/preapprovals/" + preApproval, "defense").status())
                .isEqualTo(404);
        assertThat(api.read("/api/v1/preapprovals?company=" + parent.replace(" ", "%20"), "state")
                        .findValuesAsString("id"))
                .containsExactly(preApproval);
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndChangesNothing() {
        api.token("exporter");
        api.token("buyer"); // issued (and audited) before counting
        long before = api.auditEvents();
        Http.Response refused = api.http().post("/api/v1/preapprovals", api.token("exporter"), """
                {"company": "", "countries": ["SA", "XX"], "sites": [{"name": "a", "country": "AE", "address": "x"}],
                 "disclosure": {"name": "d.pdf", "mediaType": "pdf", "sha256": "abc", "sizeBytes": 1.5},
                 "validFrom": "2026-13-01", "validUntil": "2027-01-01"}""");
        Http.Response buyerForOther = api.http()
                .post(
                        "/api/v1/preapprovals",
                        api.token("buyer"),
                        request("Somebody Else Ltd", "Somebody Else Ltd", "AE", true));
        Http.Response tooLong = api.http().post("/api/v1/preapprovals", api.token("exporter"), """
                {"company": "Long Co", "countries": ["SA"], "sites": [{"name": "a", "country": "SA", "address": "x"}],
                 "disclosure": {"name": "d.pdf", "mediaType": "application/pdf", "sha256": "%s", "sizeBytes": 1},
                 "inspectionConsent": true, "validFrom": "%s", "validUntil": "%s"}""".formatted(
                        SHA,
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(6)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "company",
                        "countries[1]",
                        "disclosure.mediaType",
                        "disclosure.sha256",
                        "disclosure.sizeBytes",
                        "inspectionConsent",
                        "validFrom");
        assertThat(buyerForOther.status()).isEqualTo(400);
        assertThat(buyerForOther.json().get("errors").findValuesAsString("field"))
                .containsExactly("company");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("validUntil");
        assertThat(api.auditEvents()).isEqualTo(before);
    }

    @Test
    void aTransitionTheStateDoesNotAllowIsRefusedNamingTheState() {
        String parent = company("Palm Compute");
        String preApproval = requestFor(parent, parent, "SA", true).get("id").asString();

        Http.Response grantUnreviewed = api.http()
                .post("/api/v1/preapprovals/" + preApproval + "/grant", api.token("officer"), "{\"version\": 1}");
        Http.Response stale = api.http()
                .post("/api/v1/preapprovals/" + preApproval + "/review", api.token("officer"), "{\"version\": 7}");

        assertThat(grantUnreviewed.status()).isEqualTo(409);
        assertThat(grantUnreviewed.json().get("detail").asString())
                .isEqualTo(
                        "cannot grant a pre-approval in state REQUESTED; from REQUESTED it may go to [UNDER_REVIEW]");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("no longer at version 7");
    }

    @Autowired
    PreApprovalDemo demo;

    @Test
    void theDemoSeedsOneGrantedPreApprovalWithAScheduledInspectionAndNothingTwice() {
        JsonNode seeded = api.read(
                "/api/v1/preapprovals?company=Falaj%20Digital%20Infrastructure%20FZ-LLC&state=GRANTED", "buyer");
        assertThat(seeded.size()).isGreaterThanOrEqualTo(1);
        String id = seeded.get(seeded.size() - 1).get("id").asString();
        JsonNode inspections = api.read("/api/v1/inspections?preApproval=" + id, "inspector");
        assertThat(inspections.findValuesAsString("state")).containsExactly("SCHEDULED");
        long preApprovals = count("SELECT count(*) FROM preapproval");
        long scheduled = count("SELECT count(*) FROM inspection");
        long events = api.auditEvents();

        demo.seed();

        assertThat(count("SELECT count(*) FROM preapproval")).isEqualTo(preApprovals);
        assertThat(count("SELECT count(*) FROM inspection")).isEqualTo(scheduled);
        assertThat(api.auditEvents()).isEqualTo(events);
    }

    // ---- helpers ----

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** An exporter's request for a named buyer. */
    @Test
    void aRequesterOnARestrictedPartyListIsNotGrantedUntilAnOfficerDispositionsEveryHit() {
        // The SDN list (bundled) names Banco Nacional de Cuba; its requester is screened when the request is made.
        JsonNode listed = requestFor("Banco Nacional de Cuba", "Banco Nacional de Cuba", "SA", true);
        String id = listed.get("id").asString();
        JsonNode hits = api.read("/api/v1/preapprovals/" + id + "/screening-hits", "officer");
        assertThat(hits.size()).isPositive();
        assertThat(hits.findValuesAsString("list")).contains("SDN");
        assertThat(api.get("/api/v1/preapprovals/" + id + "/screening-hits", "exporter")
                        .status())
                .as("the hits are the authority's")
                .isEqualTo(404);
        api.post("/api/v1/preapprovals/" + id + "/review", "officer", """
                {"version": 1}""");

        long before = api.auditEvents();
        Http.Response refused = api.http().post("/api/v1/preapprovals/" + id + "/grant", api.token("officer"), """
                {"conditions": "quarterly utilization reports", "version": 2}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .contains("cannot be granted: screening hit "
                        + hits.get(0).get("id").asLong())
                .contains("awaits an officer's disposition");
        assertThat(api.auditEvents()).isEqualTo(before);
        assertThat(api.read("/api/v1/preapprovals/" + id, "officer")
                        .get("state")
                        .asString())
                .isEqualTo("UNDER_REVIEW");

        for (JsonNode hit : hits) {
            api.post(
                    "/api/v1/preapprovals/" + id + "/screening-hits/"
                            + hit.get("id").asLong() + "/disposition",
                    "officer",
                    """
                    {"disposition": "FALSE_POSITIVE", "reason": "a bank in Riyadh of the same name"}""");
        }
        JsonNode granted = api.post("/api/v1/preapprovals/" + id + "/grant", "officer", """
                {"conditions": "quarterly utilization reports", "version": 2}""");
        assertThat(granted.get("state").asString()).isEqualTo("GRANTED");

        // A true match stays in the way: the officer denies the request instead.
        String confirmed = requestFor("Banco Nacional de Cuba", "Banco Nacional de Cuba", "QA", true)
                .get("id")
                .asString();
        JsonNode hit = api.read("/api/v1/preapprovals/" + confirmed + "/screening-hits", "officer")
                .get(0);
        api.post(
                "/api/v1/preapprovals/" + confirmed + "/screening-hits/"
                        + hit.get("id").asLong() + "/disposition",
                "officer",
                """
                {"disposition": "TRUE_MATCH", "reason": "the listed bank"}""");
        api.post("/api/v1/preapprovals/" + confirmed + "/review", "officer", """
                {"version": 1}""");
        Http.Response blocked =
                api.http().post("/api/v1/preapprovals/" + confirmed + "/grant", api.token("officer"), """
                {"version": 2}""");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("detail").asString()).contains("is a TRUE_MATCH");
    }

    @Test
    void anImportedListVersionScreensGrantedPreApprovalsAgainAndListsTheNewHit() throws Exception {
        String buyer = company("Tamsin Orbital Compute");
        String id = requestFor(buyer, buyer, "SA", true).get("id").asString();
        grant(id);
        assertThat(api.read("/api/v1/preapprovals/" + id + "/screening-hits", "officer")
                        .size())
                .isZero();

        // A new list version that names the buyer: the import screens the granted pre-approval again.
        User admin = TestCallers.user(users, Role.ADMIN);
        CurrentUser caller = CurrentUser.of(admin, organizations.get(TestCallers.SYSTEM, admin.organizationId()));
        String source = "TEST-" + buyer.substring(buyer.lastIndexOf(' ') + 1, buyer.lastIndexOf(' ') + 13);
        screening.importLists(
                caller, List.of(new ListFile("csl.csv", TestListFiles.csl(List.of(buyer)))), source.toUpperCase());

        JsonNode hits = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            hits = api.read("/api/v1/preapprovals/" + id + "/screening-hits", "officer");
            if (!hits.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(hits).isNotNull();
        assertThat(hits.size())
                .as("the re-screening's hit on the granted pre-approval")
                .isPositive();
        assertThat(hits.get(0).get("foundBy").asString()).isEqualTo("RESCREEN");
        assertThat(hits.get(0).get("list").asString()).isEqualTo(source.toUpperCase());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'preapproval' AND entity_id = :id"
                                + " AND action = 'screening.rescreen_hits'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private JsonNode requestFor(String company, String parent, String country, boolean consent) {
        JsonNode requested = api.post("/api/v1/preapprovals", "exporter", request(company, parent, country, consent));
        assertThat(requested.get("state").asString()).isEqualTo("REQUESTED");
        return requested;
    }

    private String request(String company, String parent, String country, boolean consent) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return """
                {"company": "%s", "ultimateParent": "%s", "countries": ["%s"],
                 "sites": [{"name": "Riyadh-1", "country": "%s", "address": "King Abdullah Financial District"}],
                 "disclosure": {"name": "business-model.pdf", "mediaType": "application/pdf", "sha256": "%s",
                                "sizeBytes": 48213},
                 "inspectionConsent": %s, "validFrom": "%s", "validUntil": "%s"}""".formatted(company, parent, country, country, SHA, consent, today, today.plusYears(1));
    }

    /** Takes a requested pre-approval into review and grants it as asked; the granted pre-approval. */
    private JsonNode grant(String id) {
        api.post("/api/v1/preapprovals/" + id + "/review", "officer", """
                {"version": 1}""");
        return api.post("/api/v1/preapprovals/" + id + "/grant", "officer", """
                {"conditions": "quarterly utilization reports", "version": 2}""");
    }
}
