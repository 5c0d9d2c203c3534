package org.gatehouse.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.Reactions;
import org.gatehouse.TestCallers;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.ledger.LedgerInvariants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Applications through the real HTTP stack and the embedded PostgreSQL. */
@IntegrationTest
class ApplicationsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    private Http http;
    private String exporter;
    private String officer;

    @BeforeEach
    void callers() {
        http = new Http(port);
        exporter = TestCallers.token(tokens, users, Role.APPLICANT);
        officer = TestCallers.token(tokens, users, Role.OFFICER);
    }

    static String aDeal(String parent, String destination, String item, long quantity) {
        return """
                {"endUser": {"name": "%s Cloud", "ultimateParent": "%s", "country": "%s"},
                 "purchaser": {"name": "%s Cloud", "country": "%s"},
                 "destination": "%s", "deploymentSite": "Data centre 1", "endUse": "AI training and inference",
                 "valueUsd": 1250000.50,
                 "lines": [{"item": "%s", "quantity": %d}],
                 "documents": [{"name": "contract.pdf", "mediaType": "application/pdf",
                                "sha256": "%s", "sizeBytes": 120000}]}""".formatted(
                        parent, parent, destination, parent, destination, destination, item, quantity, "ab".repeat(32));
    }

    private JsonNode created(String body) {
        Http.Response response = http.post("/api/v1/applications", exporter, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private Http.Response submit(JsonNode draft) {
        return http.post(
                "/api/v1/applications/" + draft.get("id").asString() + "/submit?version="
                        + draft.get("version").asLong(),
                exporter,
                null);
    }

    @Test
    void aFiveThousandGpuDealToSaudiArabiaIsTierTwoAndReservesItsCompute() {
        String parent = "Sovereign Fund " + UUID.randomUUID();
        JsonNode draft = created(aDeal(parent, "SA", "H100", 5_000));
        assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("version").asLong()).isEqualTo(1);

        Http.Response response = submit(draft);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode submitted = response.json();
        assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
        JsonNode assessment = submitted.get("assessment");
        assertThat(assessment.get("outcome").asString()).isEqualTo("LICENSE_REQUIRED");
        assertThat(assessment.get("tier").asString()).isEqualTo("T2");
        assertThat(assessment.get("review_path").asString()).isEqualTo("STANDARD");
        assertThat(assessment.get("gb300e").asString()).isEqualTo("1319.33");
        assertThat(assessment.get("explanation").toString()).contains("Destination SA is in class controlled");
        assertThat(submitted.get("policy").get("id").asString()).isEqualTo("us-global-2026-draft");
        assertThat(submitted.get("policy").get("sha256").asString()).hasSize(64);

        String id = draft.get("id").asString();
        assertThat(jdbc.sql("SELECT tpp FROM ledger_movement WHERE application_id = CAST(:id AS uuid)")
                        .param("id", id)
                        .query(Long.class)
                        .list())
                .containsExactly(5_000L * 15_832);
        // The application's own events: the case the submission opens is audited by its own module, after the commit.
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'application' AND entity_id = :id"
                                + " ORDER BY seq")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("application.created", "application.submitted");
        JsonNode country =
                http.get("/api/v1/ledger/countries/SA?limit=100", officer).json();
        assertThat(country.get("topCompanies").toString()).contains(parent);
    }

    @Test
    void smallDealsToGeneralDestinationsAreExemptAndDomesticOnesNeedNoLicence() {
        String parent = "Euro Cloud " + UUID.randomUUID();
        JsonNode exempt = submit(created(aDeal(parent, "FR", "GB300", 10))).json();
        JsonNode domestic = submit(created(aDeal(parent, "US", "GB300", 10))).json();

        assertThat(exempt.get("state").asString()).isEqualTo("EXEMPT");
        assertThat(exempt.get("assessment").get("requirements").toString()).contains("POST_SHIPMENT_NOTIFICATION");
        assertThat(domestic.get("state").asString()).isEqualTo("RETURNED_WITHOUT_ACTION");
        assertThat(domestic.get("assessment").get("outcome").asString()).isEqualTo("NOT_CONTROLLED");
        assertThat(movements(domestic.get("id").asString())).isZero();
    }

    @Test
    void draftsAreUpdatedAtTheVersionReadAndStaleOrLateChangesAreRefused() {
        String parent = "Drafting Co " + UUID.randomUUID();
        JsonNode draft = created(aDeal(parent, "AE", "GB300", 100));
        String id = draft.get("id").asString();
        String update = aDeal(parent, "AE", "GB300", 150).replaceFirst("\\{", "{\"version\": 1, ");

        Http.Response updated = http.api("PUT", "/api/v1/applications/" + id, exporter, update);
        Http.Response stale = http.api("PUT", "/api/v1/applications/" + id, exporter, update);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(updated.json()
                        .get("content")
                        .get("lines")
                        .get(0)
                        .get("quantity")
                        .asLong())
                .isEqualTo(150);
        assertProblem(stale, 409, "conflict", "no longer at version 1");

        assertThat(submit(updated.json()).status()).isEqualTo(200);
        Http.Response again = http.post("/api/v1/applications/" + id + "/submit", exporter, null);
        assertProblem(again, 409, "conflict", "cannot submit an application in state SUBMITTED");
        Http.Response late = http.api(
                "PUT", "/api/v1/applications/" + id, exporter, update.replace("\"version\": 1", "\"version\": 3"));
        assertProblem(late, 409, "conflict", "cannot update an application in state SUBMITTED");
    }

    @Test
    void withdrawingReleasesTheReservedCompute() {
        String parent = "Withdrawing Co " + UUID.randomUUID();
        JsonNode submitted =
                submit(created(aDeal(parent, "QA", "GB300", 2_000))).json();
        String id = submitted.get("id").asString();

        Http.Response withdrawn = http.post(
                "/api/v1/applications/" + id + "/withdraw?version="
                        + submitted.get("version").asLong(),
                exporter,
                null);

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("SELECT reserved_tpp FROM ledger_position WHERE application_id = CAST(:id AS uuid)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT kind FROM ledger_movement WHERE application_id = CAST(:id AS uuid) ORDER BY id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("RESERVE", "RELEASE");
    }

    @Test
    void anotherExportersApplicationIsNotFoundAndOfficersSeeAll() {
        JsonNode draft = created(aDeal("Private Co " + UUID.randomUUID(), "SA", "GB300", 10));
        String id = draft.get("id").asString();
        String buyer = TestCallers.token(tokens, users, Role.BUYER);

        Http.Response asBuyer = http.get("/api/v1/applications/" + id, buyer);
        Http.Response missing = http.get("/api/v1/applications/" + UUID.randomUUID(), buyer);
        Http.Response asOfficer = http.get("/api/v1/applications/" + id, officer);

        assertThat(asBuyer.status()).isEqualTo(404);
        assertThat(asBuyer.json().get("detail").asString().replace(id, "ID"))
                .isEqualTo(missing.json().get("detail").asString().replaceAll("[0-9a-f-]{36}", "ID"));
        assertThat(asOfficer.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/applications?destination=SA&limit=200", officer)
                        .json()
                        .toString())
                .contains(id);
    }

    @Test
    void aDryRunAssessesAgainstTheLedgerAndStoresNothing() {
        String parent = "Dry Run Co " + UUID.randomUUID();
        submit(created(aDeal(parent, "KE", "GB300", 900)));
        long before = counts().applications();

        Http.Response response = http.post("/api/v1/assessments", exporter, aDeal(parent, "KE", "GB300", 200));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("tier").asString()).isEqualTo("T2");
        assertThat(response.json().get("measure_after_gb300e").isNull())
                .as("the whole measure is the authority's to read")
                .isTrue();
        Http.Response asOfficer = http.post("/api/v1/assessments", officer, aDeal(parent, "KE", "GB300", 200));
        assertThat(asOfficer.json().get("measure_after_gb300e").asString()).isEqualTo("1100.00");
        assertThat(counts().applications()).isEqualTo(before);
    }

    static Stream<Arguments> badRequests() {
        String ok = aDeal("Bad Input Co", "SA", "GB300", 10);
        return Stream.of(
                Arguments.of("malformed JSON", "{\"endUser\": ", 400, null),
                Arguments.of("unknown field", ok.replaceFirst("\\{", "{\"colour\": \"red\", "), 400, "colour"),
                Arguments.of(
                        "wrong type (string quantity)",
                        ok.replace("\"quantity\": 10", "\"quantity\": \"10\""),
                        400,
                        "lines[0].quantity"),
                Arguments.of(
                        "wrong type (number destination)",
                        ok.replace("\"destination\": \"SA\"", "\"destination\": 12"),
                        400,
                        "destination"),
                Arguments.of(
                        "missing end use", ok.replace("\"endUse\": \"AI training and inference\",", ""), 400, "endUse"),
                Arguments.of("missing lines", ok.replaceAll("\"lines\": \\[[^]]*],", ""), 400, "lines"),
                Arguments.of("unknown item", ok.replace("\"GB300\"", "\"GB9000\""), 400, "lines[0].item"),
                Arguments.of(
                        "unknown country",
                        ok.replace("\"destination\": \"SA\"", "\"destination\": \"ZZ\""),
                        400,
                        "destination"),
                Arguments.of(
                        "zero quantity", ok.replace("\"quantity\": 10", "\"quantity\": 0"), 400, "lines[0].quantity"),
                Arguments.of(
                        "negative quantity",
                        ok.replace("\"quantity\": 10", "\"quantity\": -5"),
                        400,
                        "lines[0].quantity"),
                Arguments.of(
                        "fractional quantity",
                        ok.replace("\"quantity\": 10", "\"quantity\": 1.5"),
                        400,
                        "lines[0].quantity"),
                Arguments.of(
                        "huge quantity",
                        ok.replace("\"quantity\": 10", "\"quantity\": 1e30"),
                        400,
                        "lines[0].quantity"),
                Arguments.of(
                        "quantity above the limit",
                        ok.replace("\"quantity\": 10", "\"quantity\": 10000001"),
                        400,
                        "lines[0].quantity"),
                Arguments.of(
                        "too many lines",
                        ok.replace(
                                "[{\"item\": \"GB300\", \"quantity\": 10}]",
                                "["
                                        + String.join(
                                                ",",
                                                java.util.Collections.nCopies(
                                                        1_001, "{\"item\": \"H100\", \"quantity\": 1}"))
                                        + "]"),
                        400,
                        "lines"),
                Arguments.of(
                        "over-long end use", ok.replace("AI training and inference", "x".repeat(2_001)), 400, "endUse"),
                Arguments.of(
                        "control character",
                        ok.replace(
                                "\"name\": \"Bad Input Co Cloud\", \"ultimateParent\"",
                                "\"name\": \"Bad\\u0007Co\", \"ultimateParent\""),
                        400,
                        "endUser.name"),
                Arguments.of(
                        "oversized body", ok.replace("AI training and inference", "y".repeat(1_100_000)), 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsRefusedNamingTheFieldAndChangesNothing(String name, String body, int status, String field) {
        Counts before = counts();

        Http.Response response = http.post("/api/v1/applications", exporter, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asString()).startsWith("https://gatehouse.dev/problems/");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .contains(field);
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyTwentyTimesAtOnceCreatesOneApplication() throws Exception {
        String key = "create-" + UUID.randomUUID();
        String body = aDeal("Idempotent Co " + UUID.randomUUID(), "SA", "GB300", 10);
        List<Future<Http.Response>> responses = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                responses.add(pool.submit(() ->
                        http.api("POST", "/api/v1/applications", exporter, body, Map.of("Idempotency-Key", key))));
            }
        }

        List<String> ids = new ArrayList<>();
        for (Future<Http.Response> response : responses) {
            assertThat(response.get().status()).as(response.get().toString()).isEqualTo(201);
            ids.add(response.get().json().get("id").asString());
        }
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'application.created' AND entity_id = :id")
                        .param("id", ids.getFirst())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Http.Response reused = http.api(
                "POST",
                "/api/v1/applications",
                exporter,
                body.replace("\"quantity\": 10", "\"quantity\": 11"),
                Map.of("Idempotency-Key", key));
        assertProblem(reused, 409, "conflict", "already used for a different request");
    }

    @Test
    void sixtyFourRacingSubmissionsAreAssessedInCommitOrderAcrossBothBoundaries() throws Exception {
        racing("Racing Small " + UUID.randomUUID(), 20); // 64 × 20 = 1,280: crosses 1,000
        racing("Racing Large " + UUID.randomUUID(), 3_200); // 64 × 3,200 = 204,800: crosses 200,000
    }

    private void racing(String parent, long units) throws Exception {
        int clients = 64;
        List<JsonNode> drafts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            drafts.add(created(aDeal(parent, "IN", "GB300", units)));
        }
        List<Future<Http.Response>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (JsonNode draft : drafts) {
                responses.add(pool.submit(() -> submit(draft)));
            }
        }
        List<BigDecimal> after = new ArrayList<>();
        List<String> tiers = new ArrayList<>();
        for (Future<Http.Response> response : responses) {
            assertThat(response.get().status()).as(response.get().toString()).isEqualTo(200);
            // The whole measure is the authority's to read; the applicant sees only its own filings in it.
            JsonNode assessment = http.get(
                            "/api/v1/applications/"
                                    + response.get().json().get("id").asString(),
                            officer)
                    .json()
                    .get("assessment");
            after.add(new BigDecimal(assessment.get("measure_after_gb300e").asString()));
            tiers.add(assessment.get("tier").asString());
        }
        // Serialized: the measures seen are exactly units, 2 × units, …, 64 × units, each once.
        List<BigDecimal> expected = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            expected.add(BigDecimal.valueOf(i * units).setScale(2));
        }
        assertThat(after).containsExactlyInAnyOrderElementsOf(expected);
        for (int i = 0; i < clients; i++) {
            BigDecimal measure = after.get(i);
            String tier = measure.compareTo(BigDecimal.valueOf(1_000)) < 0
                    ? "T1"
                    : measure.compareTo(BigDecimal.valueOf(200_000)) <= 0 ? "T2" : "T3";
            assertThat(tiers.get(i)).as("tier at %s GB300e", measure).isEqualTo(tier);
        }
        long reserved = jdbc.sql("SELECT reserved_tpp FROM ledger_company_country WHERE destination = 'IN'"
                        + " AND parent_key = :parent")
                .param("parent", org.gatehouse.trade.CompanyName.of(parent).key())
                .query(Long.class)
                .single();
        assertThat(reserved).isEqualTo(clients * units * 60_000);
        assertThat(LedgerInvariants.violations(jdbc))
                .as("buckets equal the sum of their movements")
                .isEmpty();
    }

    private void assertProblem(Http.Response response, int status, String type, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo("https://gatehouse.dev/problems/" + type);
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    private long movements(String id) {
        return jdbc.sql("SELECT count(*) FROM ledger_movement WHERE application_id = CAST(:id AS uuid)")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    record Counts(long applications, long movements, long auditEvents) {}

    private Counts counts() {
        Reactions.await(jdbc); // an exempt submission's exemption is recorded (and audited) after its commit
        return jdbc.sql("SELECT (SELECT count(*) FROM application), (SELECT count(*) FROM ledger_movement),"
                        + " (SELECT last_seq FROM audit_chain_head)")
                .query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }
}
