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
import java.time.temporal.ChronoUnit;
import java.util.Map;
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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Tier-1 exemptions through the real HTTP stack: recorded from the EXEMPT submission's event, notified shipment by
 * shipment (on time, late and flagged), lapsed by the job once their period is over, closed by a withdrawal. Every
 * scenario ends with the ledger's invariants and the audit chain verified.
 */
@LicensingIntegrationTest
class ExemptionsApiIntegrationTests {

    private static final long GB300 = 60_000;

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

    /** An exempt deal of the demo exporter: GB300 to Kenya, tier 1 of a general destination. */
    private ApplicationId anExemption(long units) {
        return TestLicences.exemption(context, TestLicences.exporter(context), aDeal("KE", units("GB300", units)));
    }

    private static String aNotification(LocalDate shippedOn, String item, long quantity) {
        return """
                {"shippedOn": "%s", "lines": [{"item": "%s", "quantity": %d}], "reference": "AWB 7"}""".formatted(shippedOn, item, quantity);
    }

    private Http.Response notify(ApplicationId id, String body) {
        return http.post("/api/v1/exemptions/" + id + "/notifications", exporter, body);
    }

    private JsonNode read(ApplicationId id, String token) {
        Http.Response response = http.get("/api/v1/exemptions/" + id, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void anExemptSubmissionRecordsAnExemptionWhoseNotificationsShipItsReservation() {
        ApplicationId id = anExemption(10);

        JsonNode exemption = read(id, exporter);
        assertThat(exemption.get("state").asString()).isEqualTo("OPEN");
        assertThat(exemption.get("registeredOn").asString()).isEqualTo(today().toString());
        assertThat(exemption.get("shipBy").asString())
                .isEqualTo(today().plusDays(365).toString());
        assertThat(exemption.get("lapsesOn").asString())
                .isEqualTo(today().plusDays(396).toString());
        assertThat(exemption.get("notificationDays").asInt()).isEqualTo(30);
        assertThat(exemption.get("tier").asString()).isEqualTo("T1");
        assertThat(exemption.get("reservedTpp").asString()).isEqualTo(Long.toString(10 * GB300));
        assertThat(http.get("/api/v1/applications/" + id, exporter)
                        .json()
                        .get("state")
                        .asString())
                .as("an exempt submission opens no case")
                .isEqualTo("EXEMPT");

        Http.Response first = notify(id, aNotification(today(), "GB300", 4));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("late").asBoolean()).isFalse();
        assertThat(first.json().get("dueOn").asString())
                .isEqualTo(today().plusDays(30).toString());
        assertThat(holding(jdbc, id)).containsExactly(6 * GB300, 0L, 4 * GB300);
        assertThat(movements(jdbc, id))
                .containsExactly(
                        "RESERVE " + 10 * GB300 + " application.submitted",
                        "SHIP " + 4 * GB300 + " exemption.notified:"
                                + first.json().get("id").asString());

        Http.Response last = notify(id, aNotification(today(), "gb300", 6));
        assertThat(last.status()).as(last.toString()).isEqualTo(201);
        assertThat(read(id, exporter).get("state").asString()).isEqualTo("COMPLETED");
        assertThat(holding(jdbc, id)).containsExactly(0L, 0L, 10 * GB300);

        LicensingChecks.Counts before = counts(jdbc);
        assertProblem(notify(id, aNotification(today(), "GB300", 1)), 409, "conflict", "has been notified already");
        assertThat(counts(jdbc)).isEqualTo(before);
        assertThat(auditActions(jdbc, "exemption", id.toString()))
                .containsExactly("exemption.registered", "exemption.notified", "exemption.notified");
        assertThat(http.get("/api/v1/exemptions/" + id + "/notifications", exporter)
                        .json()
                        .size())
                .isEqualTo(2);
    }

    @Test
    void aLateNotificationIsAcceptedAndFlagged() {
        ApplicationId id = anExemption(10);
        LocalDate shipped = today().plusDays(2);
        clock.advance(Duration.ofDays(45));

        Http.Response late = notify(id, aNotification(shipped, "GB300", 10));

        assertThat(late.status()).as(late.toString()).isEqualTo(201);
        assertThat(late.json().get("late").asBoolean()).isTrue();
        assertThat(late.json().get("dueOn").asString())
                .isEqualTo(shipped.plusDays(30).toString());
        assertThat(read(id, officer).get("lateNotifications").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/exemptions?late=true&limit=200", officer)
                        .json()
                        .toString())
                .contains(id.toString());
        assertThat(http.get("/api/v1/exemptions?late=false&limit=200", officer)
                        .json()
                        .toString())
                .doesNotContain(id.toString());
        assertThat(jdbc.sql("SELECT payload::jsonb ->> 'late' FROM audit_event WHERE entity_id = :id"
                                + " AND action = 'exemption.notified'")
                        .param("id", id.toString())
                        .query(String.class)
                        .single())
                .isEqualTo("true");
    }

    @Test
    void anExemptionNotShippedInItsPeriodLapsesOnceAndReleasesItsReservation() {
        ApplicationId id = anExemption(10);
        notify(id, aNotification(today(), "GB300", 3));
        LocalDate lapsesOn = LocalDate.parse(read(id, exporter).get("lapsesOn").asString());
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today(), lapsesOn)));

        assertThat(read(id, exporter).get("standing").asString()).isEqualTo("LAPSED");
        LicensingChecks.Counts before = counts(jdbc);
        assertProblem(
                notify(id, aNotification(lapsesOn.minusDays(40), "GB300", 1)),
                409,
                "conflict",
                "lapsed on " + lapsesOn);
        assertThat(counts(jdbc))
                .as("refused before the job ran, and nothing changed")
                .isEqualTo(before);

        jobs.run();
        jobs.run();

        assertThat(read(id, exporter).get("state").asString()).isEqualTo("LAPSED");
        assertThat(holding(jdbc, id)).containsExactly(0L, 0L, 3 * GB300);
        assertThat(movements(jdbc, id))
                .filteredOn(m -> m.startsWith("RELEASE"))
                .containsExactly("RELEASE " + 7 * GB300 + " exemption.lapsed");
        assertThat(auditActions(jdbc, "exemption", id.toString()))
                .containsExactly("exemption.registered", "exemption.notified", "exemption.lapsed");
    }

    @Test
    void withdrawingAnExemptApplicationClosesItsExemption() throws InterruptedException {
        ApplicationId id = anExemption(5);

        Http.Response withdrawn = http.post("/api/v1/applications/" + id + "/withdraw?version=2", exporter, null);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!read(id, exporter).get("state").asString().equals("WITHDRAWN") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(read(id, exporter).get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(holding(jdbc, id)).containsExactly(0L, 0L, 0L);
        LicensingChecks.Counts before = counts(jdbc);
        assertProblem(notify(id, aNotification(today(), "GB300", 1)), 409, "conflict", "was withdrawn");
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    @Test
    void otherOrganizationsSeeNoExemptionAndOnlyItsHolderNotifies() {
        ApplicationId id = anExemption(5);
        LicensingChecks.Exporter other = LicensingChecks.anotherExporter(context);
        String buyer = TestCallers.token(tokens, users, Role.BUYER);
        String auditor = TestCallers.token(tokens, users, Role.AUDITOR);
        LicensingChecks.Counts before = counts(jdbc);

        assertProblem(http.get("/api/v1/exemptions/" + id, other.token()), 404, "not-found", "exemption " + id);
        assertProblem(http.get("/api/v1/exemptions/" + id, buyer), 404, "not-found", "not found");
        assertProblem(
                http.post(
                        "/api/v1/exemptions/" + id + "/notifications",
                        other.token(),
                        aNotification(today(), "GB300", 1)),
                404,
                "not-found",
                "not found");
        assertProblem(
                http.post("/api/v1/exemptions/" + id + "/notifications", officer, aNotification(today(), "GB300", 1)),
                403,
                "forbidden",
                "APPLICANT");
        assertProblem(
                http.post("/api/v1/exemptions/" + id + "/notifications", auditor, aNotification(today(), "GB300", 1)),
                403,
                "forbidden",
                "read-only");
        assertThat(http.get("/api/v1/exemptions?limit=200", other.token())
                        .json()
                        .toString())
                .doesNotContain(id.toString());
        assertThat(counts(jdbc)).isEqualTo(before);
        assertThat(read(id, officer).get("applicationId").asString()).isEqualTo(id.toString());
        assertThat(read(id, auditor).get("applicationId").asString()).isEqualTo(id.toString());
    }

    @Test
    void aBadNotificationIsRefusedNamingTheFieldsAndChangesNothing() {
        ApplicationId id = anExemption(5);
        LicensingChecks.Counts before = counts(jdbc);

        Http.Response fractional =
                notify(id, aNotification(today(), "GB300", 1).replace("\"quantity\": 1", "\"quantity\": 0.5"));
        Http.Response notExempted = notify(id, aNotification(today(), "H100", 1));
        Http.Response tooMany = notify(id, aNotification(today(), "GB300", 6));
        Http.Response beforeRegistration = notify(id, aNotification(today().minusDays(1), "GB300", 1));
        Http.Response noDate = notify(id, "{\"lines\": [{\"item\": \"GB300\", \"quantity\": 1}]}");

        assertProblem(fractional, 400, "invalid-input", "must be a whole number, got 0.5");
        assertThat(notExempted.json().get("errors").findValuesAsString("field")).containsExactly("lines[0].item");
        assertProblem(tooMany, 409, "conflict", "6 GB300 reported, but only 5 remain on exemption " + id);
        assertThat(beforeRegistration.json().get("errors").findValuesAsString("field"))
                .containsExactly("shippedOn");
        assertThat(noDate.json().get("errors").findValuesAsString("field")).containsExactly("shippedOn");
        assertProblem(http.get("/api/v1/exemptions/not-a-uuid", exporter), 400, "invalid-input", "id: must be a UUID");
        assertThat(counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOneNotification() {
        ApplicationId id = anExemption(5);
        String path = "/api/v1/exemptions/" + id + "/notifications";
        Map<String, String> key = Map.of("Idempotency-Key", "notification-1");

        Http.Response first = http.api("POST", path, exporter, aNotification(today(), "GB300", 2), key);
        Http.Response retry = http.api("POST", path, exporter, aNotification(today(), "GB300", 2), key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(holding(jdbc, id)).containsExactly(3 * GB300, 0L, 2 * GB300);
    }
}
