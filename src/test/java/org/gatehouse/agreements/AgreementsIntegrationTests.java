package org.gatehouse.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.InstrumentsApi.company;
import static org.gatehouse.InstrumentsApi.deal;
import static org.gatehouse.InstrumentsApi.evidence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.gatehouse.Http;
import org.gatehouse.InstrumentsApi;
import org.gatehouse.IntegrationTest;
import org.gatehouse.MutableClock;
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
 * Government-to-government agreements through the API on the real database: recorded, signed and brought into force;
 * their standing with shortfalls in dollars per tranche; what a tier-3 case reads of them as evidence; one agreement
 * per country at a time; who may see and change them; bad input named and changing nothing. Each scenario ends with
 * the ledger's invariants and the audit chain verified. Each test uses a country of its own (the database is shared).
 */
@IntegrationTest
@Import(MutableClock.Replacing.class)
class AgreementsIntegrationTests {

    static final String EVIDENCE = "9".repeat(64);

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
    void anAgreementIsRecordedSignedAndBroughtIntoForceWithItsStandingAndMoneyExact() {
        JsonNode created = api.post("/api/v1/agreements", "officer", agreement("KW", today().plusDays(30), 1000));
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("investment").get("matchingRatio").asString())
                .as("the policy's default")
                .isEqualTo("1.0");
        assertThat(created.get("investment").get("pledgedUsd").asString()).isEqualTo("2000000000.10");
        assertThat(created.get("investment")
                        .get("tranches")
                        .get(1)
                        .get("amountUsd")
                        .asString())
                .isEqualTo("1200000000.10");
        assertThat(created.get("standing").get("inGoodStanding").asBoolean()).isFalse();
        assertThat(created.get("allocation").get("tpp").asLong()).isEqualTo(1000L * 60_000);

        String id = created.get("id").asString();
        inForce(id);
        JsonNode read = api.read("/api/v1/agreements/" + id, "auditor");

        assertThat(read.get("status").asString()).isEqualTo("IN_FORCE");
        assertThat(read.get("version").asLong()).isEqualTo(3);
        assertThat(read.get("standing").get("inGoodStanding").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'agreement' AND entity_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aTier3CaseLacksTheInvestmentMatchWhileATrancheDueIsUnrealizedNamingTheDollarsAndTheTranche() {
        String parent = company("Bahrain Compute");
        String id = api.submitted(deal(parent, parent, "BH", "GB300", 200_001));
        JsonNode review = api.caseOf(id);
        assertThat(review.get("subject").get("tier").asString()).isEqualTo("T3");
        assertThat(evidence(review, "G2G_AGREEMENT").get("detail").asString())
                .isEqualTo("no government-to-government agreement with BH is recorded");

        String agreement = api.post("/api/v1/agreements", "officer", agreement("BH", today(), null))
                .get("id")
                .asString();
        inForce(agreement);
        JsonNode due = api.read("/api/v1/cases/" + id, "officer");
        assertThat(evidence(due, "G2G_AGREEMENT").get("present").asBoolean()).isTrue();
        assertThat(evidence(due, "SECURITY_COMMITMENTS").get("present").asBoolean())
                .isTrue();
        assertThat(evidence(due, "US_INVESTMENT_MATCH").get("detail").asString())
                .endsWith("tranche 1 due " + today() + " ($800,000,000.00) is realized $0.00: $800,000,000.00 short");

        api.post("/api/v1/agreements/" + agreement + "/tranches/1/realizations", "officer", """
                {"amountUsd": 799999999.99, "realizedOn": "%s", "evidenceSha256": "%s", "version": 3}""".formatted(
                        today(), EVIDENCE));
        assertThat(evidence(api.read("/api/v1/cases/" + id, "officer"), "US_INVESTMENT_MATCH")
                        .get("detail")
                        .asString())
                .endsWith("is realized $799,999,999.99: $0.01 short");
        JsonNode realized =
                api.post("/api/v1/agreements/" + agreement + "/tranches/1/realizations", "officer", """
                {"amountUsd": 0.01, "realizedOn": "%s", "evidenceSha256": "%s", "version": 4}""".formatted(
                                today(), EVIDENCE));

        assertThat(realized.get("standing").get("inGoodStanding").asBoolean()).isTrue();
        assertThat(evidence(api.read("/api/v1/cases/" + id, "officer"), "US_INVESTMENT_MATCH")
                        .get("present")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aBreachedSecurityCommitmentTakesAwayTheEvidenceUntilItIsMet() {
        String parent = company("Oman Compute");
        String id = api.submitted(deal(parent, parent, "OM", "GB300", 200_001));
        api.caseOf(id);
        String agreement = api.post("/api/v1/agreements", "officer", agreement("OM", today().plusDays(30), null))
                .get("id")
                .asString();
        inForce(agreement);

        JsonNode breached = api.post("/api/v1/agreements/" + agreement + "/commitments/2/status", "officer", """
                {"status": "BREACHED", "note": "remote access from a D:5 country found", "version": 3}""");

        assertThat(breached.get("standing").get("reasons").get(0).asString())
                .startsWith("security commitment 2 (")
                .endsWith("is BREACHED: remote access from a D:5 country found");
        JsonNode review = api.read("/api/v1/cases/" + id, "officer");
        assertThat(evidence(review, "SECURITY_COMMITMENTS").get("present").asBoolean())
                .isFalse();
        assertThat(evidence(review, "SECURITY_COMMITMENTS").get("detail").asString())
                .contains("is BREACHED: remote access from a D:5 country found");

        api.post("/api/v1/agreements/" + agreement + "/commitments/2/status", "officer", """
                {"status": "MET", "note": "access revoked and audited", "version": 4}""");
        assertThat(evidence(api.read("/api/v1/cases/" + id, "officer"), "SECURITY_COMMITMENTS")
                        .get("present")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aCountryHasOneAgreementAtATimeUntilItIsTerminated() {
        String first = api.post("/api/v1/agreements", "officer", agreement("MY", today().plusDays(30), null))
                .get("id")
                .asString();
        long before = api.auditEvents();

        Http.Response second =
                api.http().post("/api/v1/agreements", api.token("officer"), agreement("MY", today(), null));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("an agreement with MY that is not terminated");
        assertThat(api.auditEvents()).isEqualTo(before);
        api.post("/api/v1/agreements/" + first + "/terminate", "officer", """
                {"terminatedOn": "%s", "reason": "renegotiated", "version": 1}""".formatted(today()));
        assertThat(api.http()
                        .post("/api/v1/agreements", api.token("officer"), agreement("MY", today(), null))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void onlyOfficersChangeAgreementsAndOnlyTheAuthorityOrAReferredAgencyReadsThem() {
        String parent = company("Thai Compute");
        String id = api.submitted(deal(parent, parent, "TH", "GB300", 200_001));
        JsonNode review = api.caseOf(id);
        String agreement = api.post("/api/v1/agreements", "officer", agreement("TH", today(), null))
                .get("id")
                .asString();

        for (String reader : List.of("exporter", "buyer", "inspector", "state", "admin")) {
            assertThat(api.get("/api/v1/agreements/" + agreement, reader).status())
                    .as(reader)
                    .isEqualTo(404);
        }
        for (String writer : List.of("exporter", "auditor", "state")) {
            assertThat(api.http()
                            .post(
                                    "/api/v1/agreements/" + agreement + "/sign",
                                    api.token(writer),
                                    "{\"signedOn\": \"" + today() + "\", \"version\": 1}")
                            .status())
                    .as(writer)
                    .isEqualTo(403);
        }
        api.post("/api/v1/cases/" + id + "/referrals", "officer", """
                {"agencies": ["STATE"], "version": %d}""".formatted(
                        review.get("version").asLong()));

        assertThat(api.get("/api/v1/agreements/" + agreement, "state").status()).isEqualTo(200);
        assertThat(api.read("/api/v1/agreements?country=TH", "state").findValuesAsString("id"))
                .containsExactly(agreement);
        assertThat(api.get("/api/v1/agreements/" + agreement, "defense").status())
                .isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndChangesNothing() {
        api.token("officer");
        long before = api.auditEvents();

        Http.Response refused = api.http().post("/api/v1/agreements", api.token("officer"), """
                {"country": "US", "title": "", "signatories": [],
                 "investment": {"pledgedUsd": 10.001, "matchingRatio": 0},
                 "allocationGb300e": 1.5, "securityCommitments": [""],
                 "tranches": [{"dueOn": "soon", "amountUsd": -1}]}""");
        Http.Response overPledged = api.http().post("/api/v1/agreements", api.token("officer"), """
                {"country": "ID", "title": "compact", "signatories": ["US"], "investment": {"pledgedUsd": 100},
                 "tranches": [{"dueOn": "2030-01-01", "amountUsd": 60}, {"dueOn": "2031-01-01", "amountUsd": 40.01}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "country",
                        "title",
                        "signatories",
                        "investment.pledgedUsd",
                        "investment.matchingRatio",
                        "allocationGb300e",
                        "securityCommitments[0]",
                        "tranches[0].dueOn",
                        "tranches[0].amountUsd");
        assertThat(overPledged.status()).isEqualTo(400);
        assertThat(overPledged.json().get("errors").findValuesAsString("field")).containsExactly("tranches");
        assertThat(api.auditEvents()).isEqualTo(before);
    }

    @Autowired
    AgreementDemo demo;

    @Test
    void theDemoSeedsOneAgreementInForceWithAPendingTrancheAndNothingTwice() {
        JsonNode seeded = api.read("/api/v1/agreements?country=AE", "officer");
        assertThat(seeded.size()).isEqualTo(1);
        JsonNode agreement = seeded.get(0);
        assertThat(agreement.get("status").asString()).isEqualTo("IN_FORCE");
        assertThat(agreement.get("standing").get("inGoodStanding").asBoolean()).isTrue();
        JsonNode pending = agreement.get("investment").get("tranches").get(1);
        assertThat(pending.get("realizedUsd").asString()).isEqualTo("0.00");
        assertThat(LocalDate.parse(pending.get("dueOn").asString())).isAfter(today().minusDays(1));
        long agreements =
                jdbc.sql("SELECT count(*) FROM agreement").query(Long.class).single();
        long events = api.auditEvents();

        demo.seed();

        assertThat(jdbc.sql("SELECT count(*) FROM agreement").query(Long.class).single())
                .isEqualTo(agreements);
        assertThat(api.auditEvents()).isEqualTo(events);
    }

    // ---- helpers ----

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * An agreement with {@code country}: pledge $2,000,000,000.00 matching $2bn at home, two security commitments,
     * tranches of $800,000,000.00 due {@code firstDue} and $1,200,000,000.10 a year later.
     */
    private String agreement(String country, LocalDate firstDue, Integer allocationGb300e) {
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
