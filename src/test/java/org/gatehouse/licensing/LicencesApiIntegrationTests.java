package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.licensing.LicensingChecks.assertProblem;
import static org.gatehouse.licensing.LicensingChecks.auditActions;
import static org.gatehouse.licensing.LicensingChecks.counts;
import static org.gatehouse.licensing.LicensingChecks.holding;
import static org.gatehouse.licensing.LicensingChecks.movements;
import static org.gatehouse.licensing.TestLicences.aDeal;
import static org.gatehouse.licensing.TestLicences.units;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.gatehouse.Http;
import org.gatehouse.TestCallers;
import org.gatehouse.applications.LineItem;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Licences through the real HTTP stack and the embedded PostgreSQL: issued as the case workflow will issue them, then
 * drawn down, amended, suspended, reinstated, revoked and expired. Every scenario ends with the ledger's invariants and
 * the audit chain verified; every refusal leaves the counts of rows, movements and audit events as they were.
 */
@LicensingIntegrationTest
class LicencesApiIntegrationTests {

    private static final long H100 = 15_832;
    private static final long H200 = 15_832;

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
    MovableClock clock;

    @Autowired
    LicensingJobs jobs;

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
        clock.reset();
        LicensingChecks.ledgerAndAuditHold(jdbc, dataSource);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String aShipment(LocalDate on, String item, long quantity) {
        return """
                {"shippedOn": "%s", "lines": [{"item": "%s", "quantity": %d, "valueUsd": 25000.50}],
                 "reference": "AWB 42"}""".formatted(on, item, quantity);
    }

    private Http.Response ship(String number, String body) {
        return http.post("/api/v1/licences/" + number + "/shipments", exporter, body);
    }

    private JsonNode read(String number, String token) {
        Http.Response response = http.get("/api/v1/licences/" + number, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Http.Response change(String number, String action, long version, String token) {
        return http.post(
                "/api/v1/licences/" + number + "/" + action + "?version=" + version,
                token,
                "{\"reason\": \"inspection findings\"}");
    }

    private Http.Response amend(String number, long version, String body) {
        return http.post("/api/v1/licences/" + number + "/amendments?version=" + version, officer, body);
    }

    @Test
    void aLicenceIsDrawnDownByTwoShipmentsAndAThirdIsRefusedNamingWhatRemains() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));

        JsonNode licence = read(issued.number(), exporter);
        assertThat(issued.number()).matches("GH-" + today().getYear() + "-[0-9]{6,}");
        assertThat(licence.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(licence.get("version").asLong()).isEqualTo(1);
        assertThat(licence.get("validFrom").asString()).isEqualTo(today().toString());
        assertThat(licence.get("validUntil").asString())
                .isEqualTo(today().plusYears(4).minusDays(1).toString());
        assertThat(licence.get("holder").asString())
                .isEqualTo(TestLicences.exporter(context).organizationId().toString());
        assertThat(licence.get("destination").asString()).isEqualTo("SA");
        assertThat(licence.get("parties").get("endUser").get("country").asString())
                .isEqualTo("SA");
        assertThat(licence.get("tier").asString()).isEqualTo("T1");
        assertThat(licence.get("policy").get("id").asString()).isEqualTo("us-global-2026-draft");
        assertThat(licence.get("authorizedTpp").asString()).isEqualTo(Long.toString(10 * H100));
        assertThat(licence.get("assessment").get("outcome").asString()).isEqualTo("LICENSE_REQUIRED");

        Http.Response first = ship(issued.number(), aShipment(today(), "H100", 6));
        Http.Response second = ship(issued.number(), aShipment(today(), "h100", 4));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("drawdowns").get(0).get("quantity").asLong())
                .isEqualTo(6);
        assertThat(first.json().get("tpp").asString()).isEqualTo(Long.toString(6 * H100));
        assertThat(first.json().get("valueUsd").decimalValue()).isEqualByComparingTo("25000.50");
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(read(issued.number(), exporter)
                        .get("lines")
                        .get(0)
                        .get("remaining")
                        .asLong())
                .isZero();

        LicensingChecks.Counts before = counts(jdbc);
        Http.Response third = ship(issued.number(), aShipment(today(), "H100", 1));

        assertProblem(third, 409, "conflict", "1 H100 reported, but only 0 remain on licence " + issued.number());
        assertThat(counts(jdbc)).as("a refused shipment changes nothing").isEqualTo(before);
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 0L, 10 * H100);
        assertThat(movements(jdbc, issued.applicationId()))
                .extracting(m -> m.substring(0, m.indexOf(' ')))
                .containsExactly("RESERVE", "AUTHORIZE", "SHIP", "SHIP");
        assertThat(auditActions(jdbc, "licence", issued.number()))
                .containsExactly("licence.issued", "licence.shipment.reported", "licence.shipment.reported");
        Http.Response shipments = http.get("/api/v1/licences/" + issued.number() + "/shipments", exporter);
        assertThat(shipments.json().size()).isEqualTo(2);
        assertThat(shipments.json().get(0).get("id").asString())
                .isEqualTo(second.json().get("id").asString());
    }

    @Test
    void raisingAQuantityIsReassessedAndAuthorizedAndLoweringOneReleasesTheDifference() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 100)));

        Http.Response raised = amend(issued.number(), 1, """
                {"lines": [{"line": 1, "quantity": 150}], "reason": "a second data hall"}""");

        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(raised.json().get("version").asLong()).isEqualTo(2);
        assertThat(raised.json().get("lines").get(0).get("quantity").asLong()).isEqualTo(150);
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 150 * H100, 0L);
        String cause = "licence.amended:" + issued.number() + "@2";
        assertThat(movements(jdbc, issued.applicationId()))
                .endsWith("RESERVE " + 50 * H100 + " " + cause, "AUTHORIZE " + 50 * H100 + " " + cause);
        JsonNode versions = http.get("/api/v1/licences/" + issued.number() + "/versions", officer)
                .json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("action").asString()).isEqualTo("issued");
        assertThat(versions.get(0).get("lines").get(0).get("quantity").asLong()).isEqualTo(100);
        assertThat(versions.get(1).get("assessment").get("outcome").asString()).isEqualTo("LICENSE_REQUIRED");
        assertThat(http.get("/api/v1/licences/" + issued.number() + "/versions/2", exporter)
                        .json()
                        .get("assessment")
                        .isNull())
                .as("the re-assessment counts every organization's filings: the authority's to read")
                .isTrue();
        assertThat(http.get("/api/v1/licences/" + issued.number() + "/versions/1", exporter)
                        .json()
                        .get("lines")
                        .get(0)
                        .get("quantity")
                        .asLong())
                .isEqualTo(100);

        assertThat(ship(issued.number(), aShipment(today(), "H100", 30)).status())
                .isEqualTo(201);
        LicensingChecks.Counts before = counts(jdbc);
        Http.Response belowShipped = amend(issued.number(), 2, """
                {"lines": [{"line": 1, "quantity": 20}], "reason": "fewer"}""");
        assertProblem(belowShipped, 400, "invalid-input", "30 H100 have already been shipped on line 1");
        assertThat(belowShipped.json().get("errors").findValuesAsString("field"))
                .containsExactly("lines[0].quantity");
        assertThat(counts(jdbc)).isEqualTo(before);

        Http.Response lowered = amend(issued.number(), 2, """
                {"lines": [{"line": 1, "quantity": 40}], "reason": "the buyer needs fewer"}""");

        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 10 * H100, 30 * H100);
        assertThat(movements(jdbc, issued.applicationId()))
                .last()
                .isEqualTo("RELEASE " + 110 * H100 + " licence.amended:" + issued.number() + "@3");
        assertProblem(
                amend(issued.number(), 2, """
                        {"validUntil": "%s", "reason": "stale"}""".formatted(today().plusYears(1))),
                409,
                "conflict",
                "is no longer at version 2");
        assertThat(auditActions(jdbc, "licence", issued.number()))
                .containsExactly("licence.issued", "licence.amended", "licence.shipment.reported", "licence.amended");
    }

    @Test
    void anIncreaseIntoAHigherTierIsRefusedAndChangesNothing() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("GB300", 900)));
        LicensingChecks.Counts before = counts(jdbc);

        Http.Response refused = amend(issued.number(), 1, """
                {"lines": [{"line": 1, "quantity": 1100}], "reason": "a bigger cluster"}""");

        assertProblem(refused, 409, "conflict", "the increase raises the tier from T1 to T2");
        assertThat(refused.json().get("detail").asString()).contains("1100.00 GB300e");
        assertThat(counts(jdbc)).isEqualTo(before);
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 900 * 60_000L, 0L);
        assertThat(read(issued.number(), officer).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aSuspendedLicenceRefusesShipmentsUntilItIsReinstated() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));

        Http.Response suspended = change(issued.number(), "suspend", 1, officer);
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.json().get("state").asString()).isEqualTo("SUSPENDED");
        LicensingChecks.Counts before = counts(jdbc);

        assertProblem(ship(issued.number(), aShipment(today(), "H100", 1)), 409, "conflict", "is suspended");
        assertProblem(change(issued.number(), "suspend", 2, officer), 409, "conflict", "in state SUSPENDED");
        assertProblem(change(issued.number(), "reinstate", 2, exporter), 403, "forbidden", "OFFICER");
        assertThat(counts(jdbc)).isEqualTo(before);

        Http.Response reinstated = change(issued.number(), "reinstate", 2, officer);
        assertThat(reinstated.json().get("state").asString()).isEqualTo("ACTIVE");
        assertThat(reinstated.json().get("version").asLong()).isEqualTo(3);
        assertThat(ship(issued.number(), aShipment(today(), "H100", 1)).status())
                .isEqualTo(201);
        assertThat(auditActions(jdbc, "licence", issued.number()))
                .containsExactly(
                        "licence.issued", "licence.suspended", "licence.reinstated", "licence.shipment.reported");
        assertThat(jdbc.sql("SELECT payload::jsonb ->> 'reason' FROM audit_event WHERE entity_id = :n"
                                + " AND action = 'licence.suspended'")
                        .param("n", issued.number())
                        .query(String.class)
                        .single())
                .isEqualTo("inspection findings");
    }

    @Test
    void revokingALicenceReleasesWhatWasNotShipped() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));
        ship(issued.number(), aShipment(today(), "H100", 3));

        Http.Response revoked = change(issued.number(), "revoke", 1, officer);

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("state").asString()).isEqualTo("REVOKED");
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 0L, 3 * H100);
        assertThat(movements(jdbc, issued.applicationId()))
                .last()
                .isEqualTo("RELEASE " + 7 * H100 + " licence.revoked:" + issued.number());
        LicensingChecks.Counts before = counts(jdbc);
        assertProblem(ship(issued.number(), aShipment(today(), "H100", 1)), 409, "conflict", "was revoked");
        assertProblem(
                change(issued.number(), "reinstate", 2, officer), 409, "conflict", "in state REVOKED (a final state)");
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aLicencePastItsValidityRefusesShipmentsAtOnceAndTheJobExpiresItOnceReleasingWhatWasNotShipped() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));
        ship(issued.number(), aShipment(today(), "H100", 4));
        LocalDate validUntil = LocalDate.parse(
                read(issued.number(), exporter).get("validUntil").asString());
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today(), validUntil) + 1));

        JsonNode pastValidity = read(issued.number(), exporter);
        assertThat(pastValidity.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(pastValidity.get("standing").asString()).isEqualTo("EXPIRED");
        LicensingChecks.Counts before = counts(jdbc);
        assertProblem(
                ship(issued.number(), aShipment(validUntil, "H100", 1)),
                409,
                "conflict",
                "expired: it was valid until " + validUntil + " inclusive");
        assertThat(counts(jdbc))
                .as("refused before the job ran, and nothing changed")
                .isEqualTo(before);

        jobs.run();
        jobs.run();

        JsonNode expired = read(issued.number(), officer);
        assertThat(expired.get("state").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("version").asLong()).isEqualTo(2);
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 0L, 4 * H100);
        assertThat(movements(jdbc, issued.applicationId()))
                .filteredOn(m -> m.startsWith("RELEASE"))
                .containsExactly("RELEASE " + 6 * H100 + " licence.expired:" + issued.number());
        assertThat(auditActions(jdbc, "licence", issued.number()))
                .containsExactly("licence.issued", "licence.shipment.reported", "licence.expired");
        assertThat(http.get("/api/v1/licences/" + issued.number() + "/versions/2", officer)
                        .json()
                        .get("action")
                        .asString())
                .isEqualTo("expired");
    }

    @Test
    void sixtyFourConcurrentShipmentsNeverOverdrawALicence() throws Exception {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 40)));
        int clients = 64;
        List<Future<Http.Response>> responses = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                responses.add(pool.submit(() -> ship(issued.number(), aShipment(today(), "H100", 1))));
            }
        }

        int accepted = 0;
        for (Future<Http.Response> future : responses) {
            Http.Response response = future.get();
            if (response.status() == 201) {
                accepted++;
            } else {
                assertProblem(response, 409, "conflict", "1 H100 reported, but only 0 remain");
            }
        }
        assertThat(accepted).isEqualTo(40);
        assertThat(read(issued.number(), exporter)
                        .get("lines")
                        .get(0)
                        .get("shipped")
                        .asLong())
                .isEqualTo(40);
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 0L, 40 * H100);
        assertThat(jdbc.sql("SELECT count(*) FROM shipment WHERE licence_number = :n")
                        .param("n", issued.number())
                        .query(Long.class)
                        .single())
                .isEqualTo(40);
        assertThat(auditActions(jdbc, "licence", issued.number()))
                .filteredOn("licence.shipment.reported"::equals)
                .hasSize(40);
    }

    @Test
    void underThirdPartyTestingUsEveryShipmentNamesItsOwnUsTestReport() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("CN", units("H200", 10)));
        JsonNode licence = read(issued.number(), exporter);
        assertThat(licence.get("conditions").findValuesAsString("code"))
                .contains("THIRD_PARTY_TESTING_US", "REVENUE_SHARE");
        LicensingChecks.Counts before = counts(jdbc);

        Http.Response untested = ship(issued.number(), aShipment(today(), "H200", 2));

        assertProblem(untested, 400, "invalid-input", "THIRD_PARTY_TESTING_US");
        assertThat(untested.json().get("errors").findValuesAsString("field")).containsExactly("testReportSha256");
        assertThat(counts(jdbc)).isEqualTo(before);
        String tested =
                aShipment(today(), "H200", 2).replace("\"reference\"", "\"testReportSha256\": \"%s\", \"reference\"");
        Http.Response first = ship(issued.number(), tested.formatted("1a".repeat(32)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("testReportSha256").asString()).isEqualTo("1a".repeat(32));
        before = counts(jdbc);
        assertProblem(
                ship(issued.number(), tested.formatted("1a".repeat(32))),
                409,
                "conflict",
                "was already filed with shipment " + first.json().get("id").asString());
        assertThat(counts(jdbc)).isEqualTo(before);
        assertThat(ship(issued.number(), tested.formatted("2b".repeat(32))).status())
                .isEqualTo(201);
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 6 * H200, 4 * H200);
    }

    @Test
    void otherOrganizationsSeeNoLicenceAndOnlyOfficersChangeOne() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("AE", units("H100", 10)));
        LicensingChecks.Exporter other = LicensingChecks.anotherExporter(context);
        String buyer = TestCallers.token(tokens, users, Role.BUYER);
        String auditor = TestCallers.token(tokens, users, Role.AUDITOR);
        LicensingChecks.Counts before = counts(jdbc);

        Http.Response asOther = http.get("/api/v1/licences/" + issued.number(), other.token());
        Http.Response missing = http.get("/api/v1/licences/GH-2026-999999999", other.token());
        Http.Response shippedByOther = http.post(
                "/api/v1/licences/" + issued.number() + "/shipments", other.token(), aShipment(today(), "H100", 1));

        assertProblem(asOther, 404, "not-found", "licence " + issued.number() + " not found");
        assertProblem(missing, 404, "not-found", "licence GH-2026-999999999 not found");
        assertProblem(shippedByOther, 404, "not-found", "not found");
        assertProblem(http.get("/api/v1/licences/" + issued.number(), buyer), 404, "not-found", "not found");
        assertThat(http.get("/api/v1/licences?limit=200", other.token()).json().toString())
                .doesNotContain(issued.number());
        assertProblem(change(issued.number(), "suspend", 1, auditor), 403, "forbidden", "read-only");
        assertProblem(change(issued.number(), "suspend", 1, exporter), 403, "forbidden", "OFFICER");
        assertProblem(
                http.post("/api/v1/licences/" + issued.number() + "/shipments", officer, aShipment(today(), "H100", 1)),
                403,
                "forbidden",
                "APPLICANT");
        assertThat(counts(jdbc)).isEqualTo(before);

        JsonNode asOfficer = read(issued.number(), officer);
        JsonNode asHolder = read(issued.number(), exporter);
        assertThat(read(issued.number(), auditor).get("number").asString()).isEqualTo(issued.number());
        assertThat(asOfficer.get("assessment").get("measure_after_gb300e").isNull())
                .isFalse();
        assertThat(asHolder.get("assessment").get("measure_after_gb300e").isNull())
                .as("the whole measure is the authority's to read")
                .isTrue();
        assertThat(http.get("/api/v1/licences?destination=AE&limit=200", officer)
                        .json()
                        .toString())
                .contains(issued.number());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOneShipment() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));
        Map<String, String> key = Map.of("Idempotency-Key", "shipment-1");
        String path = "/api/v1/licences/" + issued.number() + "/shipments";

        Http.Response first = http.api("POST", path, exporter, aShipment(today(), "H100", 2), key);
        Http.Response retry = http.api("POST", path, exporter, aShipment(today(), "H100", 2), key);
        Http.Response reused = http.api("POST", path, exporter, aShipment(today(), "H100", 3), key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).hasValue("false");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertProblem(reused, 409, "conflict", "already used for a different request");
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 8 * H100, 2 * H100);
    }

    @Test
    void aShipmentOfAThousandLinesIsRecordedWholeAndAuditedInBrief() {
        LineItem[] lines = new LineItem[1_000];
        Arrays.fill(lines, units("H100", 2));
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", lines));
        String thousand = "{\"shippedOn\": \"" + today() + "\", \"lines\": ["
                + String.join(
                        ",", Collections.nCopies(1_000, "{\"item\": \"H100\", \"quantity\": 1, \"valueUsd\": 1.25}"))
                + "]}";

        Http.Response response = ship(issued.number(), thousand);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("drawdowns").size()).isEqualTo(1_000);
        assertThat(response.json().get("valueUsd").decimalValue()).isEqualByComparingTo("1250.00");
        JsonNode audited = JsonMapper.shared()
                .readTree(jdbc.sql("SELECT payload FROM audit_event WHERE entity_id = :n"
                                + " AND action = 'licence.shipment.reported'")
                        .param("n", issued.number())
                        .query(String.class)
                        .single());
        assertThat(audited.get("lines").size()).isEqualTo(100);
        assertThat(audited.get("moreLines").asInt()).isEqualTo(900);
        assertThat(holding(jdbc, issued.applicationId())).containsExactly(0L, 1_000 * H100, 1_000 * H100);
    }

    static Stream<Arguments> badShipments() {
        String ok = aShipment(LocalDate.now(ZoneOffset.UTC), "H100", 1);
        return Stream.of(
                Arguments.of("malformed JSON", "{\"shippedOn\": ", null),
                Arguments.of("unknown field", ok.replaceFirst("\\{", "{\"colour\": \"red\", "), "colour"),
                Arguments.of(
                        "quantity as a string",
                        ok.replace("\"quantity\": 1", "\"quantity\": \"1\""),
                        "lines[0].quantity"),
                Arguments.of(
                        "fractional quantity", ok.replace("\"quantity\": 1", "\"quantity\": 1.5"), "lines[0].quantity"),
                Arguments.of("zero quantity", ok.replace("\"quantity\": 1", "\"quantity\": 0"), "lines[0].quantity"),
                Arguments.of("huge quantity", ok.replace("\"quantity\": 1", "\"quantity\": 1e30"), "lines[0].quantity"),
                Arguments.of("a value with three decimals", ok.replace("25000.50", "25000.505"), "lines[0].valueUsd"),
                Arguments.of("a negative value", ok.replace("25000.50", "-1"), "lines[0].valueUsd"),
                Arguments.of("no value", ok.replace(", \"valueUsd\": 25000.50", ""), "lines[0].valueUsd"),
                Arguments.of("no shipment date", ok.replaceFirst("\"shippedOn\": \"[0-9-]+\", ", ""), "shippedOn"),
                Arguments.of(
                        "a date that is not one",
                        ok.replaceFirst("[0-9]{4}-[0-9]{2}-[0-9]{2}", "2026-02-30"),
                        "shippedOn"),
                Arguments.of(
                        "a shipment date in the future",
                        ok.replaceFirst(
                                "[0-9]{4}-[0-9]{2}-[0-9]{2}",
                                LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()),
                        "shippedOn"),
                Arguments.of("an item not on the licence", ok.replace("\"H100\"", "\"GB300\""), "lines[0].item"),
                Arguments.of("no lines", ok.replaceFirst("\\[\\{.*}]", "[]"), "lines"),
                Arguments.of(
                        "too many lines",
                        ok.replaceFirst(
                                "\\[\\{.*}]",
                                "["
                                        + String.join(
                                                ",",
                                                Collections.nCopies(
                                                        1_001,
                                                        "{\"item\": \"H100\", \"quantity\": 1, \"valueUsd\": 1}"))
                                        + "]"),
                        "lines"),
                Arguments.of(
                        "a test report that is not a SHA-256",
                        ok.replace("\"reference\"", "\"testReportSha256\": \"ABC\", \"reference\""),
                        "testReportSha256"),
                Arguments.of("a control character", ok.replace("AWB 42", "AWB\\u000742"), "reference"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badShipments")
    void aBadShipmentIsRefusedNamingTheFieldAndChangesNothing(String name, String body, String field) {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));
        LicensingChecks.Counts before = counts(jdbc);

        Http.Response response = ship(issued.number(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("https://gatehouse.dev/problems/invalid-input");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .contains(field);
        }
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aMalformedNumberOrVersionIsRefusedByName() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 1)));

        assertThat(http.get("/api/v1/licences/GH-26-1", exporter)
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("number");
        for (String version : new String[] {"", "0x1", "+1", "1.0"}) {
            Http.Response response = http.post(
                    "/api/v1/licences/" + issued.number() + "/suspend?version=" + version,
                    officer,
                    "{\"reason\": \"r\"}");
            assertThat(response.status()).as(version).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .containsExactly("version");
        }
        assertProblem(
                http.post("/api/v1/licences/" + issued.number() + "/suspend", officer, "{\"reason\": \"r\"}"),
                400,
                "invalid-input",
                "version: is required");
        assertProblem(
                http.post("/api/v1/licences/" + issued.number() + "/suspend?version=1", officer, "{}"),
                400,
                "invalid-input",
                "reason: is required");
    }
}
