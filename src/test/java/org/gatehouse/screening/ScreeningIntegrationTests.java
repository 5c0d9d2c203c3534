package org.gatehouse.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.ledger.LedgerInvariants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restricted-party screening on the server, end to end through the API on the real database and the real lists (the
 * bundled 2021 snapshot, imported at the server's first start): list versions, screening a name, screening at
 * submission, officers' dispositions, the register of companies (links, possible same company, re-keying, the 50 %
 * rule) and re-screening after an import. Each scenario ends with the ledger's buckets equal to their movements and
 * the audit chain verified.
 */
@IntegrationTest
class ScreeningIntegrationTests {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A real SDN entry of the bundled snapshot: entry 306. */
    static final String SDN_NAME = "BANCO NACIONAL DE CUBA";

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

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void theLedgerAndTheAuditChainStillHold() throws Exception {
        assertThat(LedgerInvariants.violations(jdbc)).isEmpty();
        assertThat(new AuditVerifier().verify(dataSource).failure()).isEmpty();
    }

    // ---- lists ----

    @Test
    void theServerStartsWithTheBundledSnapshotLabelledAsSuch() {
        JsonNode active = ok(http.get("/api/v1/screening/lists?active=true", token("admin")));

        JsonNode sdn = bySource(active, "SDN");
        assertThat(sdn.get("entries").asInt()).isEqualTo(8_976);
        assertThat(sdn.get("label").asString()).contains("2021").contains("not current");
        assertThat(sdn.get("files").findValuesAsString("name"))
                .containsExactly(
                        "classpath:screening/ofac-sdn.csv",
                        "classpath:screening/ofac-alt.csv",
                        "classpath:screening/ofac-add.csv");
        assertThat(bySource(active, "DPL").get("entries").asInt()).isPositive();
    }

    @Test
    void importedListsAreVersionedAndAnUnchangedFileChangesNothing() throws Exception {
        String suffix = letters();
        String source = "TEST-" + suffix;
        byte[] file = TestListFiles.csl(List.of("Vexillon Optics " + suffix));

        Response first = importLists(source, "admin", Map.of("csl.csv", file));
        long afterFirst = auditEvents();
        Response again = importLists(source, "admin", Map.of("csl.csv", file));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode version = first.json().get("lists").get(0).get("version");
        assertThat(version.get("source").asString()).isEqualTo(source);
        assertThat(version.get("entries").asInt()).isEqualTo(1);
        assertThat(version.get("sha256").asString()).isEqualTo(sha256(file));
        assertThat(version.get("importedBy").asString()).isEqualTo("admin");
        assertThat(first.json().get("rescreen").get("rescreened").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("lists").get(0).get("unchanged").asBoolean())
                .isTrue();
        assertThat(again.json().get("lists").get(0).get("version").get("id").asLong())
                .isEqualTo(version.get("id").asLong());
        assertThat(auditEvents()).as("an unchanged import records nothing").isEqualTo(afterFirst);
        assertThat(bySource(ok(http.get("/api/v1/screening/lists?active=true", token("officer"))), source)
                        .get("id")
                        .asLong())
                .isEqualTo(version.get("id").asLong());
        JsonNode screened = ok(http.get("/api/v1/screening?name=Vexillon%20Optics%20" + suffix, token("officer")));
        assertThat(screened.get("hits").findValuesAsString("list")).containsExactly(source);
    }

    @Test
    void aMalformedFileIsRefusedNamingItsLineAndTheActiveVersionsStay() throws Exception {
        String suffix = letters();
        String source = "TEST-" + suffix;
        assertThat(importLists(
                                source,
                                "admin",
                                Map.of("csl.csv", TestListFiles.csl(List.of("Orrery Metals " + suffix))))
                        .status())
                .isEqualTo(201);
        String activeBefore =
                http.get("/api/v1/screening/lists?active=true", token("admin")).body();
        long before = auditEvents();
        String good = new String(
                TestListFiles.csl(List.of("Orrery Metals " + suffix, "Second Row " + suffix)), StandardCharsets.UTF_8);
        byte[] broken = (good + "\"only\",\"three\",\"fields\"\n").getBytes(StandardCharsets.UTF_8);

        Response refused = importLists(source, "admin", Map.of("csl.csv", broken));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode problem = refused.json().get("errors").get(0);
        assertThat(problem.get("field").asString()).isEqualTo("files");
        assertThat(problem.get("message").asString()).startsWith("csl.csv:4:");
        assertThat(http.get("/api/v1/screening/lists?active=true", token("admin"))
                        .body())
                .isEqualTo(activeBefore);
        assertThat(auditEvents()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsImportAndARefusedImportChangesNothing() throws Exception {
        long before = auditEvents();
        long versions = jdbc.sql("SELECT count(*) FROM screening_list_version")
                .query(Long.class)
                .single();

        for (String who : List.of("officer", "auditor", "exporter")) {
            Response refused = importLists(
                    "TEST-" + letters(), who, Map.of("csl.csv", TestListFiles.csl(List.of("Nobody " + letters()))));
            assertThat(refused.status()).as(who + ": " + refused.body()).isEqualTo(403);
        }

        assertThat(auditEvents()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM screening_list_version")
                        .query(Long.class)
                        .single())
                .isEqualTo(versions);
    }

    // ---- screening a name ----

    @Test
    void aRealSdnNameIsScreenedOverTheApiAsTheCommandLineAnswers() {
        JsonNode answer = ok(http.get("/api/v1/screening?name=Banco%20Nacional%20de%20Cuba", token("exporter")));

        JsonNode best = answer.get("hits").get(0);
        assertThat(best.get("list").asString()).isEqualTo("SDN");
        assertThat(best.get("entry_id").asString()).isEqualTo("306");
        assertThat(best.get("name").asString()).isEqualTo(SDN_NAME);
        assertThat(best.get("score").asDouble()).isEqualTo(1.0);
        assertThat(best.get("explanation").asString()).contains("banco = banco 1.00");
        List<Double> scores = new ArrayList<>();
        answer.get("hits").forEach(h -> scores.add(h.get("score").asDouble()));
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a)).allMatch(s -> s >= 0.88);
        assertThat(answer.get("lists").findValuesAsString("source")).contains("SDN", "DPL");

        Http.Response noName = http.get("/api/v1/screening?country=CUBA", token("exporter"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").findValuesAsString("field")).containsExactly("country");
        assertThat(http.get("/api/v1/screening?name=x", null).status()).isEqualTo(401);
    }

    // ---- submission and dispositions ----

    @Test
    void anEndUserOnTheSdnListAddsScreeningReviewAndBlocksTheExemption() {
        String exempt = submitted(deal("Kestrel Farms " + letters(), null, "KE", "H100", 8));
        assertThat(application(exempt).get("state").asString()).isEqualTo("EXEMPT");

        String listed = submitted(deal(SDN_NAME, null, "KE", "H100", 8));

        JsonNode app = application(listed);
        assertThat(app.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(app.get("assessment").get("outcome").asString()).isEqualTo("LICENSE_REQUIRED");
        assertThat(app.get("assessment").get("requirements").toString()).contains("SCREENING_REVIEW");
        JsonNode hits = ok(http.get("/api/v1/cases/" + listed + "/screening-hits", token("officer")));
        JsonNode hit = find(hits, "entryId", "306");
        assertThat(hit.get("partyRole").asString()).isEqualTo("END_USER");
        assertThat(hit.get("foundBy").asString()).isEqualTo("SUBMISSION");
        assertThat(hit.get("disposition").isNull()).isTrue();
        JsonNode review = caseOf(listed);
        assertThat(evidence(review, "SCREENING_REVIEW").get("present").asBoolean())
                .isFalse();
        assertThat(http.get("/api/v1/cases/" + listed + "/screening-hits", token("exporter"))
                        .status())
                .as("the hits are the authority's")
                .isEqualTo(404);
        assertThat(auditActions(listed)).contains("application.submitted", "screening.screened");
    }

    @Test
    void aFalsePositiveClearsTheHitAndIsTheEvidenceForScreeningReview() {
        String id = submitted(deal(SDN_NAME, null, "KE", "H100", 8));
        caseOf(id);
        JsonNode hits = ok(http.get("/api/v1/cases/" + id + "/screening-hits", token("officer")));
        long before = auditEvents();

        for (JsonNode hit : hits) {
            JsonNode cleared = post(
                    "/api/v1/cases/" + id + "/screening-hits/" + hit.get("id").asLong() + "/disposition",
                    "officer",
                    """
                    {"disposition": "FALSE_POSITIVE", "reason": "a Kenyan farm cooperative, not the Cuban bank"}""");
            assertThat(cleared.get("disposition").asString()).isEqualTo("FALSE_POSITIVE");
            assertThat(cleared.get("dispositionedBy").asString()).isEqualTo("officer");
        }

        JsonNode evidence = evidence(caseOf(id), "SCREENING_REVIEW");
        assertThat(evidence.get("present").asBoolean()).isTrue();
        assertThat(evidence.toString()).contains("false positive").contains("Kenyan farm");
        assertThat(auditEvents()).isEqualTo(before + hits.size());
        Http.Response twice = http.post(
                "/api/v1/cases/" + id + "/screening-hits/"
                        + hits.get(0).get("id").asLong() + "/disposition",
                token("officer"),
                """
                {"disposition": "TRUE_MATCH", "reason": "changed my mind"}""");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
    }

    @Test
    void aTrueMatchDeniesTheCaseAndReleasesItsCompute() {
        String id = submitted(deal(SDN_NAME, null, "KE", "H100", 8));
        caseOf(id);
        assertThat(reserved(id)).isPositive();
        JsonNode hit =
                find(ok(http.get("/api/v1/cases/" + id + "/screening-hits", token("officer"))), "entryId", "306");

        Http.Response byAuditor = http.post(
                "/api/v1/cases/" + id + "/screening-hits/" + hit.get("id").asLong() + "/disposition",
                token("auditor"),
                """
                {"disposition": "TRUE_MATCH", "reason": "x"}""");
        assertThat(byAuditor.status()).isEqualTo(403);
        JsonNode matched = post(
                "/api/v1/cases/" + id + "/screening-hits/" + hit.get("id").asLong() + "/disposition", "officer", """
                {"disposition": "TRUE_MATCH", "reason": "same bank, same address in Havana"}""");

        assertThat(matched.get("disposition").asString()).isEqualTo("TRUE_MATCH");
        JsonNode review = ok(http.get("/api/v1/cases/" + id, token("officer")));
        assertThat(review.get("state").asString()).isEqualTo("DECIDED");
        assertThat(review.get("decision").get("decision").asString()).isEqualTo("DENIED");
        assertThat(review.get("decision").get("reasons").asString())
                .startsWith("PROHIBITED: restricted party.")
                .contains("SDN entry 306");
        assertThat(application(id).get("state").asString()).isEqualTo("DENIED");
        assertThat(reserved(id)).isZero();
        assertThat(auditActions(id)).contains("case.decided");
        assertThat(jdbc.sql("""
                        SELECT CAST(payload AS jsonb) ->> 'outcome' FROM audit_event
                        WHERE entity_id = :id AND action = 'case.decided'""").param("id", id).query(String.class).single()).isEqualTo("PROHIBITED");
    }

    @Test
    void badDispositionsAreRefusedNamingTheFieldAndChangeNothing() {
        String id = submitted(deal(SDN_NAME, null, "KE", "H100", 8));
        caseOf(id);
        long hit = ok(http.get("/api/v1/cases/" + id + "/screening-hits", token("officer")))
                .get(0)
                .get("id")
                .asLong();
        long before = auditEvents();

        Http.Response badValue =
                http.post("/api/v1/cases/" + id + "/screening-hits/" + hit + "/disposition", token("officer"), """
                {"disposition": "MAYBE", "reason": ""}""");
        Http.Response otherCase = http.post(
                "/api/v1/cases/" + UUID.randomUUID() + "/screening-hits/" + hit + "/disposition",
                token("officer"),
                """
                {"disposition": "FALSE_POSITIVE", "reason": "x"}""");

        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json().get("errors").findValuesAsString("field")).containsExactly("disposition", "reason");
        assertThat(otherCase.status()).isEqualTo(404);
        assertThat(auditEvents()).isEqualTo(before);
    }

    // ---- the register ----

    @Test
    void aRegisteredAliasLinksTheMeasureToTheRegisteredCompany() {
        String suffix = letters();
        JsonNode company = register("Halvard Compute Holdings " + suffix, List.of("Halvard HPC " + suffix), List.of());

        String id = submitted(deal("Skyline Racks " + suffix, "HALVARD hpc " + suffix, "SA", "HGX H100", 625));

        assertThat(parentKey(id)).isEqualTo(company.get("key").asString());
        assertThat(ok(http.get("/api/v1/register/matches?application=" + id, token("officer")))
                        .size())
                .isZero();
    }

    @Test
    void aResemblingNameIsFlaggedAndConfirmingItReKeysTheLedger() {
        String suffix = letters();
        JsonNode company = register("Corvina Datacentres International " + suffix, List.of(), List.of());
        String registeredName = company.get("name").asString();
        String id = submitted(deal("Corvina Datacentre Intl " + suffix, null, "SA", "HGX H100", 625));
        JsonNode review = caseOf(id);
        JsonNode match = ok(http.get("/api/v1/register/matches?application=" + id, token("officer")))
                .get(0);
        assertThat(match.get("state").asString()).isEqualTo("PENDING");
        assertThat(match.get("roles").toString()).contains("ULTIMATE_PARENT", "END_USER");
        review = awaitFlag(id, match.get("flag").asString());
        assertThat(review.get("flags").findValuesAsString("kind")).contains("POSSIBLE_SAME_COMPANY");
        assertThat(parentKey(id)).isNotEqualTo(company.get("key").asString());
        String before = measureOf(registeredName);

        JsonNode confirmed = post("/api/v1/register/matches/" + match.get("id").asLong() + "/confirm", "officer", """
                {"reason": "same LEI on the purchase order"}""");

        assertThat(confirmed.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(parentKey(id)).isEqualTo(company.get("key").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_movement WHERE application_id = CAST(:id AS uuid)"
                                + " AND kind = 'REKEY' AND to_key = :key")
                        .param("id", id)
                        .param("key", company.get("key").asString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(measureOf(registeredName))
                .as("the tier measure of the registered company now counts the application")
                .isNotEqualTo(before);
        JsonNode after = ok(http.get("/api/v1/cases/" + id, token("officer")));
        assertThat(after.get("flags").findValuesAsString("kind")).doesNotContain("POSSIBLE_SAME_COMPANY");
        assertThat(ok(http.get("/api/v1/register/companies/" + company.get("id").asString(), token("auditor")))
                        .get("aliases")
                        .toString())
                .contains("Corvina Datacentre Intl " + suffix);
        assertThat(auditActions(String.valueOf(match.get("id").asLong()))).contains("register.match_confirmed");
        String next = submitted(deal("Corvina Datacentre Intl " + suffix, null, "SA", "HGX H100", 10));
        assertThat(parentKey(next))
                .as("the confirmed spelling now links at once")
                .isEqualTo(company.get("key").asString());
    }

    @Test
    void separatingAResemblingNameKeepsItsOwnKeyAndIsNotProposedAgain() {
        String suffix = letters();
        JsonNode company = register("Marlowe Quantum Systems " + suffix, List.of(), List.of());
        String id = submitted(deal("Marlowe Quantum System " + suffix, null, "SA", "HGX H100", 625));
        caseOf(id);
        JsonNode match = ok(http.get("/api/v1/register/matches?application=" + id, token("officer")))
                .get(0);
        String keyBefore = parentKey(id);

        JsonNode separated = post("/api/v1/register/matches/" + match.get("id").asLong() + "/separate", "officer", """
                {"reason": "a different firm in Riyadh, other owners"}""");

        assertThat(separated.get("state").asString()).isEqualTo("SEPARATED");
        assertThat(parentKey(id))
                .isEqualTo(keyBefore)
                .isNotEqualTo(company.get("key").asString());
        String again = submitted(deal("Marlowe Quantum System " + suffix, null, "SA", "HGX H100", 10));
        assertThat(ok(http.get("/api/v1/register/matches?application=" + again, token("officer")))
                        .size())
                .isZero();
        assertThat(http.post("/api/v1/register/matches/" + match.get("id").asLong() + "/confirm", token("officer"), """
                                {"reason": "late"}""")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aPartyOwnedHalfOrMoreThroughAChainByAListedPartyIsFlaggedWithThePath() {
        String suffix = letters();
        JsonNode listed = register(SDN_NAME, List.of(), List.of(), "CU");
        if (listed == null) { // registered by an earlier run of this scenario in the same database
            listed = ok(http.get("/api/v1/register/companies?name=Banco%20Nacional%20de%20Cuba", token("officer")))
                    .get(0);
        }
        JsonNode middle = register("Tamarind Holdings " + suffix, List.of(), List.of(owner(listed, "60")));
        JsonNode party = register("Tamarind Cloud Services " + suffix, List.of(), List.of(owner(middle, "50")));
        JsonNode minority = register("Tamarind Labs " + suffix, List.of(), List.of(owner(middle, "49.99")));

        String id = submitted(deal(party.get("name").asString(), null, "KE", "H100", 8));
        String other = submitted(deal(minority.get("name").asString(), null, "KE", "H100", 8));

        JsonNode hit =
                find(ok(http.get("/api/v1/cases/" + id + "/screening-hits", token("officer"))), "kind", "OWNERSHIP");
        assertThat(hit.get("entryId").asString()).isEqualTo("306");
        assertThat(hit.get("path").asString())
                .isEqualTo("Tamarind Cloud Services " + suffix + " ← 50.00 % Tamarind Holdings " + suffix
                        + " ← 60.00 % " + listed.get("name").asString()
                        + " (listed: SDN 306 \"BANCO NACIONAL DE CUBA\", "
                        + "1.000)");
        assertThat(application(id).get("assessment").get("requirements").toString())
                .contains("SCREENING_REVIEW");
        assertThat(application(other).get("state").asString())
                .as("49.99 % does not control")
                .isEqualTo("EXEMPT");
    }

    @Test
    void registerInputIsCheckedNamingEachFieldAndChangesNothing() {
        long before = auditEvents();

        Http.Response bad = http.post("/api/v1/register/companies", token("officer"), """
                {"name": "", "country": "XX", "aliases": ["Same Name", "same name"],
                 "identifiers": [{"scheme": "LEI", "value": "529900T8BM49AURSDO56"}],
                 "owners": [{"company": "not-a-uuid", "percent": 10}, {"company": "%s", "percent": 120}]}""".formatted(UUID.randomUUID()));
        Http.Response byExporter = http.post("/api/v1/register/companies", token("exporter"), """
                {"name": "Anything %s"}""".formatted(letters()));

        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .contains("name", "country", "identifiers[0].value", "owners[0].company", "owners[1].percent");
        assertThat(byExporter.status()).isEqualTo(403);
        assertThat(auditEvents()).isEqualTo(before);
    }

    // ---- re-screening ----

    @Test
    void anImportedVersionReScreensOpenCasesAndFlagsANameListedOnlyInIt() throws Exception {
        String suffix = letters();
        String name = "Quillon Lattice Dynamics " + suffix;
        String id = submitted(deal(name, null, "SA", "HGX H100", 625));
        caseOf(id);
        assertThat(ok(http.get("/api/v1/cases/" + id + "/screening-hits", token("officer")))
                        .size())
                .isZero();

        Response imported = importLists("TEST-" + suffix, "admin", Map.of("csl.csv", TestListFiles.csl(List.of(name))));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode rescreen = imported.json().get("rescreen");
        assertThat(rescreen.get("rescreened").asInt()).isPositive();
        assertThat(rescreen.get("newHits").asInt()).isPositive();
        JsonNode hit = ok(http.get("/api/v1/cases/" + id + "/screening-hits", token("officer")))
                .get(0);
        assertThat(hit.get("list").asString()).isEqualTo("TEST-" + suffix);
        assertThat(hit.get("foundBy").asString()).isEqualTo("RESCREEN");
        JsonNode flagged = ok(http.get("/api/v1/cases/" + id, token("officer")));
        assertThat(flagged.get("flags").findValuesAsString("kind")).contains("SCREENING_HIT");
        JsonNode version = ok(http.get("/api/v1/screening/lists?active=true", token("auditor")));
        assertThat(bySource(version, "TEST-" + suffix)
                        .get("rescreen")
                        .get("newHits")
                        .asInt())
                .isEqualTo(rescreen.get("newHits").asInt());

        post("/api/v1/cases/" + id + "/screening-hits/" + hit.get("id").asLong() + "/disposition", "officer", """
                {"disposition": "FALSE_POSITIVE", "reason": "different registration number"}""");
        assertThat(ok(http.get("/api/v1/cases/" + id, token("officer")))
                        .get("flags")
                        .findValuesAsString("kind"))
                .doesNotContain("SCREENING_HIT");
    }

    @Test
    void anImportedVersionReScreensLicencesInForceAndRecordsTheirNewHits() throws Exception {
        String suffix = letters();
        String name = "Sorrel Compute Partners " + suffix;
        String id = submitted(deal(name, null, "CN", "H200", 20));
        JsonNode review = caseOf(id);
        JsonNode decided = post("/api/v1/cases/" + id + "/decision", "officer", """
                {"decision": "APPROVED_WITH_CONDITIONS", "reasons": "case by case",
                 "conditions": "No resale outside the site.", "version": %d}""".formatted(
                        review.get("version").asLong()));
        String licence = decided.get("decision").get("licenceNumber").asString();

        Response imported = importLists("TEST-" + suffix, "admin", Map.of("csl.csv", TestListFiles.csl(List.of(name))));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("rescreen").get("newHits").asInt()).isPositive();
        JsonNode hit = ok(http.get("/api/v1/cases/" + id + "/screening-hits", token("officer")))
                .get(0);
        assertThat(hit.get("foundBy").asString()).isEqualTo("RESCREEN");
        assertThat(hit.get("disposition").isNull()).isTrue();
        assertThat(ok(http.get(
                                "/api/v1/screening/hits?limit=500&after="
                                        + (hit.get("id").asLong() - 1),
                                token("auditor")))
                        .findValuesAsString("subject"))
                .contains(id);
        assertThat(jdbc.sql("""
                        SELECT CAST(payload AS jsonb) ->> 'licence' FROM audit_event
                        WHERE entity_id = :id AND action = 'screening.rescreen_hits'""").param("id", id).query(String.class).single()).isEqualTo(licence);
    }

    // ---- helpers ----

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Response importLists(String source, String who, Map<String, byte[]> files) throws Exception {
        String boundary = "gatehouse" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + file.getKey() + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(file.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/screening/lists?source=" + source))
                .header("Authorization", "Bearer " + token(who))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private JsonNode register(String name, List<String> aliases, List<String> owners) {
        return register(name, aliases, owners, null);
    }

    /** Registers a company as an officer; null when its name is registered already. */
    private JsonNode register(String name, List<String> aliases, List<String> owners, String country) {
        Http.Response created = http.post("/api/v1/register/companies", token("officer"), """
                {"name": "%s", "country": %s, "aliases": [%s], "owners": [%s]}""".formatted(
                name,
                country == null ? "null" : "\"" + country + "\"",
                String.join(",", aliases.stream().map(a -> "\"" + a + "\"").toList()),
                String.join(",", owners)));
        if (created.status() == 409) {
            return null;
        }
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String owner(JsonNode company, String percent) {
        return "{\"company\": \"" + company.get("id").asString() + "\", \"percent\": " + percent + "}";
    }

    private String submitted(String body) {
        Http.Response created = http.post("/api/v1/applications", token("exporter"), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Http.Response submit = http.post("/api/v1/applications/" + id + "/submit", token("exporter"), null);
        assertThat(submit.status()).as(submit.toString()).isEqualTo(200);
        return id;
    }

    private static String deal(String endUser, String parent, String destination, String item, int units) {
        return """
                {"endUser": {"name": "%s", "ultimateParent": %s, "country": "%s"}, "destination": "%s",
                 "endUse": "AI training", "lines": [{"item": "%s", "quantity": %d}]}""".formatted(
                        endUser, parent == null ? "null" : "\"" + parent + "\"", destination, destination, item, units);
    }

    /** What the registered company's measure would be with one more small deal, as an officer's dry run shows it. */
    private String measureOf(String company) {
        Http.Response dryRun = http.post("/api/v1/assessments", token("officer"), deal(company, null, "SA", "H100", 1));
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        return dryRun.json().get("measure_after_gb300e").asString();
    }

    private JsonNode application(String id) {
        return ok(http.get("/api/v1/applications/" + id, token("officer")));
    }

    private JsonNode caseOf(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response response = http.get("/api/v1/cases/" + id, token("officer"));
            if (response.status() == 200) {
                return response.json();
            }
            pause();
        }
        throw new AssertionError("no case opened for " + id + " within 15 s");
    }

    private JsonNode awaitFlag(String id, String flag) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode review = caseOf(id);
        while (System.nanoTime() < deadline) {
            review = caseOf(id);
            for (JsonNode raised : review.get("flags")) {
                if (raised.toString().contains(flag)) {
                    return review;
                }
            }
            pause();
        }
        throw new AssertionError("no flag " + flag + " on " + review);
    }

    private static JsonNode evidence(JsonNode review, String requirement) {
        for (JsonNode item : review.get("evidence")) {
            if (item.get("requirement").asString().equals(requirement)) {
                return item;
            }
        }
        throw new AssertionError("no evidence for " + requirement + " in " + review);
    }

    private JsonNode post(String path, String who, String body) {
        return ok(http.post(path, token(who), body));
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode bySource(JsonNode versions, String source) {
        return find(versions, "source", source);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.get(field) != null && value.equals(item.get(field).asString())) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + list);
    }

    private String parentKey(String id) {
        return jdbc.sql("SELECT parent_key FROM ledger_position WHERE application_id = CAST(:id AS uuid)")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long reserved(String id) {
        return jdbc.sql("SELECT reserved_tpp FROM ledger_position WHERE application_id = CAST(:id AS uuid)")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private long auditEvents() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }

    private List<String> auditActions(String entityId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE entity_id = :id ORDER BY seq")
                .param("id", entityId)
                .query(String.class)
                .list();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Eight letters from a random UUID: names unique to one run, written as words. */
    static String letters() {
        StringBuilder text = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            text.append((char) ('a' + Character.digit(c, 16)));
        }
        return text.toString();
    }

    private String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> {
            CurrentUser system = TestCallers.SYSTEM;
            return tokens.create(
                            system,
                            users.getByUsername(system, new Username(u)).id(),
                            new TokenName("screening " + u),
                            null)
                    .secret()
                    .value();
        });
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
