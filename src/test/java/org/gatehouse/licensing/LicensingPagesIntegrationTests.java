package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.licensing.LicensingChecks.counts;
import static org.gatehouse.licensing.TestLicences.aDeal;
import static org.gatehouse.licensing.TestLicences.units;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.gatehouse.Http;
import org.gatehouse.WebSession;
import org.gatehouse.trade.ApplicationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The licence and exemption pages over real HTTP, as a browser without JavaScript sends their forms: who sees which
 * licence (no organization another's), a shipment recorded once however often its form is sent and the remaining
 * quantity falling, bad input answered beside its fields with nothing changed, and the officer's changes naming the
 * version they read.
 */
@LicensingIntegrationTest
class LicensingPagesIntegrationTests {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"");

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

    /** The idempotency key of the form the page shows. */
    private static String key(Http.Response page) {
        Matcher m = KEY.matcher(page.body());
        assertThat(m.find()).as("an idempotency key on the page").isTrue();
        return m.group(1);
    }

    private Map<String, String> aShipment(String key, String quantity) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("idempotencyKey", key);
        fields.put("shippedOn", today().toString());
        fields.put("lines[0].item", "H100");
        fields.put("lines[0].quantity", quantity);
        fields.put("lines[0].valueUsd", "25000.50");
        fields.put("reference", "AWB 7");
        return fields;
    }

    private long shipments(String number) {
        return jdbc.sql("SELECT count(*) FROM shipment WHERE licence_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    /** The remaining quantity of a licence's line as its page shows it. */
    private static String remaining(Http.Response page, int line) {
        Matcher m = Pattern.compile(
                        "id=\"line-" + line + "\">.*?data-remaining><span class=\"text-bold\">(\\d+)</span>",
                        Pattern.DOTALL)
                .matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    @Test
    void noOrganizationSeesAnothersLicencesOrExemptions() {
        TestLicences.Issued mine = TestLicences.issue(context, aDeal("SA", units("H100", 10)));
        LicensingChecks.Exporter other = LicensingChecks.anotherExporter(context);
        TestLicences.Issued theirs = TestLicences.issue(context, other.caller(), aDeal("SA", units("H100", 5)));
        ApplicationId exempt =
                TestLicences.exemption(context, TestLicences.exporter(context), aDeal("KE", units("GB300", 4)));
        WebSession otherSession = new WebSession(port);
        assertThat(otherSession
                        .signIn(other.caller().actor(), "another exporter's password")
                        .status())
                .isEqualTo(302);

        WebSession exporter = as("exporter");
        String exportersList = exporter.open("/licences?destination=SA").body();
        assertThat(exportersList).contains(mine.number()).doesNotContain(theirs.number());
        assertThat(exporter.open("/licences/" + theirs.number()).status()).isEqualTo(404);
        assertThat(exporter.open("/licences/" + mine.number()).status()).isEqualTo(200);

        assertThat(otherSession.open("/licences").body())
                .contains(theirs.number())
                .doesNotContain(mine.number());
        assertThat(otherSession.open("/licences/" + mine.number()).status()).isEqualTo(404);
        assertThat(otherSession.open("/exemptions").body()).doesNotContain(exempt.toString());
        assertThat(otherSession.open("/exemptions/" + exempt).status()).isEqualTo(404);
        assertThat(exporter.open("/exemptions").body()).contains(exempt.toString());
        assertThat(exporter.open("/exemptions/" + exempt).body())
                .contains("Notify a shipment")
                .contains("GB300");

        for (String authority : List.of("officer", "auditor")) {
            WebSession session = as(authority);
            assertThat(session.open("/licences?destination=SA&sort=issued&dir=desc")
                            .body())
                    .as(authority)
                    .contains(mine.number())
                    .contains(theirs.number());
            Http.Response page = session.open("/licences/" + theirs.number());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).as(authority).doesNotContain("Record a shipment");
        }
        assertThat(as("officer").open("/licences/" + mine.number()).body()).contains("Suspend the licence");
        assertThat(as("auditor").open("/licences/" + mine.number()).body()).doesNotContain("Suspend the licence");
        for (String refused : List.of("buyer", "inspector", "state")) {
            assertThat(as(refused).open("/licences").status()).as(refused).isEqualTo(403);
            assertThat(as(refused).open("/licences/" + mine.number()).status())
                    .as(refused)
                    .isIn(403, 404);
        }
        assertThat(exporter.open("/licences/GH-2026-999999999").status()).isEqualTo(404);
        assertThat(exporter.open("/licences/not-a-number").status()).isEqualTo(404);
        assertThat(exporter.open("/licences?state=NOPE").body()).containsIgnoringCase("must be one of");
    }

    @Test
    void aShipmentFormRecordsOnceAndTheRemainingQuantityFalls() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));
        WebSession exporter = as("exporter");
        Http.Response page = exporter.open("/licences/" + issued.number());
        assertThat(remaining(page, 1)).isEqualTo("10");
        String key = key(page);

        Http.Response first = exporter.post("/licences/" + issued.number() + "/shipments", aShipment(key, "3"));
        Http.Response resent = exporter.post("/licences/" + issued.number() + "/shipments", aShipment(key, "3"));

        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(resent.status()).as(resent.body()).isEqualTo(302);
        assertThat(shipments(issued.number())).isEqualTo(1);
        Http.Response after = exporter.open("/licences/" + issued.number());
        assertThat(remaining(after, 1)).isEqualTo("7");
        assertThat(after.body())
                .contains("Shipment of " + today() + " recorded: 3 × H100")
                .contains("AWB 7");
        assertThat(exporter.open("/licences").body()).contains("7 of 10");
        // The home lists the holder's licences that end soonest: other tests' licences of this exporter may come first.
        assertThat(exporter.open("/").body()).contains("id=\"home-licences\"");
    }

    @Test
    void badShipmentInputIsAnsweredBesideItsFieldsAndChangesNothing() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));
        WebSession exporter = as("exporter");
        String key = key(exporter.open("/licences/" + issued.number()));
        LicensingChecks.Counts before = counts(jdbc);

        Http.Response notANumber =
                exporter.post("/licences/" + issued.number() + "/shipments", aShipment(key, "three"));
        Map<String, String> future = aShipment(key, "3");
        future.put("shippedOn", today().plusDays(3).toString());
        Http.Response inTheFuture = exporter.post("/licences/" + issued.number() + "/shipments", future);
        Http.Response tooMany = exporter.post("/licences/" + issued.number() + "/shipments", aShipment(key, "11"));

        assertThat(notANumber.status()).isEqualTo(200);
        assertThat(notANumber.body())
                .containsPattern("id=\"shipment-error-lines-0-quantity\">Must be a number, got &#39;three&#39;")
                .contains("value=\"three\"")
                .contains("aria-invalid=\"true\"");
        assertThat(inTheFuture.status()).isEqualTo(200);
        assertThat(inTheFuture.body())
                .containsPattern("id=\"shipment-error-shippedOn\">[^<]+<")
                .contains("value=\"" + today().plusDays(3) + "\"");
        assertThat(tooMany.status()).isEqualTo(200);
        assertThat(tooMany.body()).contains("shipment-problem").contains("remain");
        assertThat(counts(jdbc)).isEqualTo(before);
        assertThat(shipments(issued.number())).isZero();
        assertThat(remaining(exporter.open("/licences/" + issued.number()), 1)).isEqualTo("10");
    }

    @Test
    void anOfficerSuspendsFromTheVersionReadAndAStaleVersionIsSaidPlainly() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));
        WebSession officer = as("officer");
        WebSession exporter = as("exporter");
        String path = "/licences/" + issued.number();
        officer.open(path);
        LicensingChecks.Counts before = counts(jdbc);

        Http.Response noReason = officer.post(path + "/suspend", Map.of("version", "1"));
        Http.Response byExporter =
                exporter.post(path + "/suspend", Map.of("version", "1", "reason", "not mine to suspend"));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body()).containsPattern("id=\"suspend-error-reason\"[^>]*>[^<]+<");
        assertThat(byExporter.status()).isEqualTo(403);
        assertThat(counts(jdbc)).isEqualTo(before);

        Http.Response suspended =
                officer.post(path + "/suspend", Map.of("version", "1", "reason", "inspection findings"));
        assertThat(suspended.status()).isEqualTo(302);
        Http.Response page = officer.open(path);
        assertThat(page.body())
                .contains("Licence " + issued.number() + " is suspended")
                .contains("SUSPENDED (version 2)")
                .contains("inspection findings")
                .contains("Reinstate the licence");

        Http.Response stale = officer.post(path + "/revoke", Map.of("version", "1", "reason", "read an old page"));
        assertThat(stale.status()).isEqualTo(302);
        assertThat(officer.open(path).body())
                .contains("version")
                .contains("The page shows the licence as it is now.")
                .contains("SUSPENDED (version 2)");

        Http.Response holders = exporter.open(path);
        assertThat(holders.body()).doesNotContain("Record the shipment").contains("No shipment can be reported");
        assertThat(as("officer").open("/licences?state=SUSPENDED").body()).contains(issued.number());
    }

    private long notifications(ApplicationId id) {
        return jdbc.sql("SELECT count(*) FROM exemption_notification WHERE application_id = :id")
                .param("id", id.value())
                .query(Long.class)
                .single();
    }

    private static Map<String, String> aNotification(String key, LocalDate shippedOn, String item, String quantity) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("idempotencyKey", key);
        fields.put("shippedOn", shippedOn.toString());
        fields.put("lines[0].item", item);
        fields.put("lines[0].quantity", quantity);
        fields.put("reference", "AWB 9");
        return fields;
    }

    @Test
    void aNotificationFormFilesOnceBadInputChangesNothingAndALateOneIsFlagged() {
        ApplicationId id =
                TestLicences.exemption(context, TestLicences.exporter(context), aDeal("KE", units("GB300", 4)));
        String path = "/exemptions/" + id;
        WebSession exporter = as("exporter");
        String key = key(exporter.open(path));
        LicensingChecks.Counts before = counts(jdbc);

        Http.Response notANumber = exporter.post(path + "/notifications", aNotification(key, today(), "GB300", "x"));
        Http.Response notOnIt = exporter.post(path + "/notifications", aNotification(key, today(), "H100", "1"));

        assertThat(notANumber.status()).isEqualTo(200);
        assertThat(notANumber.body()).containsPattern("id=\"notify-error-lines-0-quantity\">Must be a number");
        assertThat(notOnIt.status()).isEqualTo(200);
        assertThat(notOnIt.body()).containsPattern("id=\"notify-error-lines-0-item\">[^<]+<");
        assertThat(counts(jdbc)).isEqualTo(before);
        assertThat(notifications(id)).isZero();

        Http.Response filed = exporter.post(path + "/notifications", aNotification(key, today(), "GB300", "3"));
        Http.Response resent = exporter.post(path + "/notifications", aNotification(key, today(), "GB300", "3"));
        assertThat(filed.status()).isEqualTo(302);
        assertThat(resent.status()).isEqualTo(302);
        assertThat(notifications(id)).isEqualTo(1);
        assertThat(exporter.open(path).body()).contains("On time").doesNotContain("late-warning");

        LocalDate shipped = today();
        clock.advance(Duration.ofDays(45));
        WebSession later = as("exporter");
        Http.Response late =
                later.post(path + "/notifications", aNotification(key(later.open(path)), shipped, "GB300", "1"));
        assertThat(late.status()).isEqualTo(302);
        assertThat(later.open(path).body())
                .contains("recorded as late")
                .contains("late-warning")
                .contains(">Late<");
        assertThat(later.open("/exemptions?late=true").body()).contains(id.toString());
    }

    @Test
    void anOfficerAmendsFromTheVersionReadBadInputAndAStaleVersionChangeNothing() {
        TestLicences.Issued issued = TestLicences.issue(context, aDeal("SA", units("H100", 10)));
        WebSession officer = as("officer");
        String path = "/licences/" + issued.number();
        officer.open(path);
        Map<String, String> amendment = new LinkedHashMap<>();
        amendment.put("version", "1");
        amendment.put("lines[0].line", "1");
        amendment.put("lines[0].quantity", "eight");
        amendment.put("reason", "the buyer reduced its order");
        LicensingChecks.Counts before = counts(jdbc);

        Http.Response notANumber = officer.post(path + "/amendments", amendment);
        assertThat(notANumber.status()).isEqualTo(200);
        assertThat(notANumber.body()).containsPattern("id=\"amend-error-lines-0-quantity\">Must be a number");
        assertThat(counts(jdbc)).isEqualTo(before);

        amendment.put("lines[0].quantity", "8");
        Http.Response amended = officer.post(path + "/amendments", amendment);
        assertThat(amended.status()).as(amended.body()).isEqualTo(302);
        Http.Response page = officer.open(path);
        assertThat(page.body()).contains("now at version 2").contains("the buyer reduced its order");
        assertThat(remaining(page, 1)).isEqualTo("8");

        amendment.put("lines[0].quantity", "6");
        Http.Response stale = officer.post(path + "/amendments", amendment);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("amend-problem").contains("version");
        assertThat(remaining(officer.open(path), 1)).isEqualTo("8");
    }
}
