package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages of the tier-2 and tier-3 instruments over real HTTP, as a browser without JavaScript sends them: a buyer's
 * request with its uploaded disclosure (the hash computed by the server), the officer's decisions and scheduling, the
 * inspector's result, the agreement's forms; who may open which page (403 for a role, 404 for a record the caller may
 * not see); and bad input named next to its field with nothing changed in the database.
 */
@IntegrationTest
class InstrumentPagesIntegrationTests {

    private static final Pattern PREAPPROVAL = Pattern.compile("/preapprovals/([0-9a-f-]{36})");
    private static final Pattern INSPECTION = Pattern.compile("/inspections/([0-9a-f-]{36})");
    private static final String BUYER = "Falaj Digital Infrastructure FZ-LLC";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private WebSession as(String username) {
        return WebSession.signedIn(port, username);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** The request form's fields for the demo buyer, with a site named {@code site}. */
    private static Map<String, List<String>> aRequest(String site) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("company", List.of(BUYER));
        fields.put("ultimateParent", List.of("Falaj Holding PJSC"));
        fields.put("countries", List.of("ae"));
        fields.put("sites[0].name", List.of(site));
        fields.put("sites[0].country", List.of("AE"));
        fields.put("sites[0].address", List.of("Plot 9, Khalifa Industrial Zone, Abu Dhabi"));
        fields.put("inspectionConsent", List.of("yes"));
        fields.put("validFrom", List.of(LocalDate.now().toString()));
        fields.put("validUntil", List.of(LocalDate.now().plusYears(1).toString()));
        return fields;
    }

    private long preApprovals() {
        return jdbc.sql("SELECT count(*) FROM preapproval").query(Long.class).single();
    }

    private String state(String id) {
        return jdbc.sql("SELECT state FROM preapproval WHERE id = CAST(:id AS uuid)")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** A pre-approval the demo buyer requested through the page; its id. */
    private String aRequested(byte[] disclosure) {
        WebSession buyer = as("buyer");
        assertThat(buyer.open("/preapprovals/new").status()).isEqualTo(200);
        Http.Response sent = buyer.upload(
                "/preapprovals",
                aRequest("AUH-" + UUID.randomUUID().toString().substring(0, 8)),
                "disclosureFile",
                "business-model.pdf",
                disclosure);
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        Matcher m = PREAPPROVAL.matcher(sent.header("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void aBuyerRequestsWithItsDisclosureAndTheServerComputesItsHash() throws Exception {
        byte[] disclosure = ("business model " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String id = aRequested(disclosure);
        Http.Response page = as("buyer").open("/preapprovals/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"preapproval-state\">REQUESTED<")
                .contains(sha256(disclosure))
                .contains("business-model.pdf");
        assertThat(jdbc.sql("SELECT disclosure_sha256 FROM preapproval WHERE id = CAST(:id AS uuid)")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(sha256(disclosure));
        assertThat(as("buyer").open("/preapprovals").body()).contains(id);
        assertThat(as("officer")
                        .open("/preapprovals?state=REQUESTED&sort=requested&dir=desc")
                        .body())
                .contains(id);
        assertThat(as("officer").open("/").body()).contains("Pre-approvals awaiting review");
    }

    @Test
    void anOfficerDispositionsAHitOnTheRequesterOnThePreApprovalsPage() {
        WebSession exporter = as("exporter");
        exporter.open("/preapprovals/new");
        Map<String, List<String>> fields =
                aRequest("HAV-" + UUID.randomUUID().toString().substring(0, 8));
        fields.put("company", List.of("Banco Nacional de Cuba"));
        fields.put("ultimateParent", List.of("Banco Nacional de Cuba"));
        Http.Response sent = exporter.upload("/preapprovals", fields, "disclosureFile", "model.pdf", new byte[] {4, 2});
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        Matcher found = PREAPPROVAL.matcher(sent.header("Location").orElseThrow());
        assertThat(found.find()).isTrue();
        String id = found.group(1);
        assertThat(exporter.open("/preapprovals/" + id).body()).doesNotContain("Screening of the requester");

        WebSession officer = as("officer");
        Http.Response page = officer.open("/preapprovals/" + id);
        assertThat(page.body()).contains("Screening of the requester").contains("Awaiting an officer");
        Matcher hitId = Pattern.compile("data-hit=\"(\\d+)\"").matcher(page.body());
        assertThat(hitId.find()).isTrue();
        long hit = Long.parseLong(hitId.group(1));
        String path = "/preapprovals/" + id + "/screening-hits/" + hit + "/disposition";

        assertThat(officer.post(path, Map.of("reason", "")).status()).isEqualTo(302);
        assertThat(officer.open("/preapprovals/" + id).body())
                .contains("id=\"screening-refused\"")
                .contains("id=\"hit-" + hit + "-error-disposition\"")
                .contains("id=\"hit-" + hit + "-error-reason\"");
        assertThat(disposition(hit)).isNull();

        officer.open("/preapprovals/" + id);
        assertThat(officer.post(
                                path,
                                Map.of(
                                        "disposition",
                                        "FALSE_POSITIVE",
                                        "reason",
                                        "A Havana bank; the buyer is a data-centre operator in Riyadh."))
                        .status())
                .isEqualTo(302);
        assertThat(disposition(hit)).isEqualTo("FALSE_POSITIVE");
        assertThat(officer.open("/preapprovals/" + id).body())
                .contains("is recorded as a false positive")
                .contains("data-disposition=\"False positive\"")
                .doesNotContain("id=\"hit-" + hit + "-form\"");
        assertThat(as("auditor").open("/preapprovals/" + id).body())
                .contains("Screening of the requester")
                .doesNotContain("Record the disposition");
    }

    private String disposition(long hit) {
        return jdbc.sql("SELECT disposition FROM screening_hit WHERE id = :id")
                .param("id", hit)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void whoMayOpenWhat() {
        String id = aRequested("disclosure".getBytes(StandardCharsets.UTF_8));
        for (String allowed : List.of("buyer", "officer", "auditor")) {
            assertThat(as(allowed).open("/preapprovals/" + id).status())
                    .as(allowed)
                    .isEqualTo(200);
        }
        for (String other : List.of("exporter", "inspector")) {
            assertThat(as(other).open("/preapprovals/" + id).status()).as(other).isEqualTo(404);
            assertThat(as(other).open("/preapprovals").body()).as(other).doesNotContain(id);
        }
        assertThat(as("officer").open("/preapprovals/not-an-id").status()).isEqualTo(404);
        WebSession officer = as("officer");
        officer.open("/preapprovals");
        long before = preApprovals();
        assertThat(officer.upload("/preapprovals", aRequest("AUH-1"), "disclosureFile", "m.pdf", new byte[] {1})
                        .status())
                .as("officers decide pre-approvals; they do not ask for them")
                .isEqualTo(403);
        assertThat(preApprovals()).isEqualTo(before);
        assertThat(as("inspector").open("/preapprovals").status()).isEqualTo(200);
        assertThat(as("admin").open("/preapprovals").status()).isEqualTo(403);
        for (String allowed : List.of("officer", "auditor")) {
            assertThat(as(allowed).open("/agreements").status()).as(allowed).isEqualTo(200);
        }
        for (String refused : List.of("exporter", "buyer", "inspector", "admin")) {
            assertThat(as(refused).open("/agreements").status()).as(refused).isEqualTo(403);
        }
        WebSession buyer = as("buyer");
        buyer.open("/preapprovals/" + id);
        Http.Response review = buyer.post("/preapprovals/" + id + "/review", Map.of("version", "1"));
        assertThat(review.status()).isEqualTo(403);
        assertThat(state(id)).isEqualTo("REQUESTED");
        assertThat(buyer.open("/preapprovals/" + id).body()).doesNotContain("Take into review");
    }

    @Test
    void aBadRequestIsNamedBesideEachFieldAndNothingIsStored() {
        WebSession buyer = as("buyer");
        buyer.open("/preapprovals/new");
        long before = preApprovals();
        Map<String, List<String>> fields = aRequest("AUH-9");
        fields.put("countries", List.of("AE, XX"));
        fields.put("sites[0].country", List.of("SA"));
        fields.put("validUntil", List.of("next year"));
        fields.remove("inspectionConsent");
        Http.Response refused = buyer.upload("/preapprovals", fields, "disclosureFile", "model.pdf", new byte[] {1, 2});
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"error-request-countries\"")
                .contains("Entry 2")
                .contains("id=\"error-request-validUntil\"")
                .contains("Must be a date yyyy-mm-dd")
                .contains("id=\"error-request-inspectionConsent\"")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"next year\"")
                .contains("id=\"disclosure-kept\"");
        assertThat(preApprovals()).isEqualTo(before);

        fields = aRequest("AUH-9");
        fields.put("company", List.of("Somebody Else Ltd"));
        Http.Response notItself = buyer.upload("/preapprovals", fields, "disclosureFile", "model.pdf", new byte[] {1});
        assertThat(notItself.body())
                .contains("id=\"error-request-company\"")
                .contains("A buyer asks for a pre-approval of itself");
        Http.Response noDisclosure = buyer.upload("/preapprovals", aRequest("AUH-9"), null, null, null);
        assertThat(noDisclosure.body()).contains("id=\"error-request-disclosure\"");
        assertThat(preApprovals()).isEqualTo(before);
    }

    @Test
    void anOfficerGrantsAndSchedulesAndTheInspectorRecordsFindings() {
        String id = aRequested("disclosure".getBytes(StandardCharsets.UTF_8));
        WebSession officer = as("officer");
        officer.open("/preapprovals/" + id);
        assertThat(officer.post("/preapprovals/" + id + "/review", Map.of("version", "1"))
                        .status())
                .isEqualTo(302);
        assertThat(state(id)).isEqualTo("UNDER_REVIEW");

        officer.open("/preapprovals/" + id);
        Http.Response badGrant = officer.post(
                "/preapprovals/" + id + "/grant",
                Map.of("conditions", "quarterly reports", "validFrom", "2026-13-01", "version", "2"));
        assertThat(badGrant.status()).isEqualTo(200);
        assertThat(badGrant.body())
                .contains("id=\"error-grant-validFrom\"")
                .contains("id=\"error-grant-validUntil\"")
                .contains("quarterly reports");
        assertThat(state(id)).isEqualTo("UNDER_REVIEW");

        Http.Response granted = officer.post(
                "/preapprovals/" + id + "/grant", Map.of("conditions", "quarterly reports", "version", "2"));
        assertThat(granted.status()).isEqualTo(302);
        assertThat(state(id)).isEqualTo("GRANTED");
        Http.Response page = officer.open("/preapprovals/" + id);
        assertThat(page.body()).contains("The pre-approval was granted").contains("Schedule an inspection");

        String site = jdbc.sql("SELECT sites->0->>'name' FROM preapproval WHERE id = CAST(:id AS uuid)")
                .param("id", id)
                .query(String.class)
                .single();
        Http.Response badSchedule = officer.post(
                "/preapprovals/" + id + "/inspections",
                Map.of("site", site, "scheduledFor", "soon", "inspector", "inspector"));
        assertThat(badSchedule.body()).contains("id=\"error-inspections-scheduledFor\"");
        assertThat(jdbc.sql("SELECT count(*) FROM inspection WHERE preapproval_id = CAST(:id AS uuid)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        Http.Response scheduled = officer.post(
                "/preapprovals/" + id + "/inspections",
                Map.of("site", site, "scheduledFor", LocalDate.now().toString(), "inspector", "inspector"));
        assertThat(scheduled.status()).isEqualTo(302);
        Matcher m = INSPECTION.matcher(officer.open("/preapprovals/" + id).body());
        assertThat(m.find()).isTrue();
        String inspection = m.group(1);

        WebSession inspector = as("inspector");
        assertThat(inspector.open("/inspections").body()).contains(inspection);
        assertThat(inspector.open("/").body()).contains("Your inspections due");
        assertThat(as("buyer").open("/inspections").body()).contains(inspection);
        assertThat(as("exporter").open("/inspections/" + inspection).status()).isEqualTo(404);
        inspector.open("/inspections/" + inspection);
        Map<String, List<String>> result = new LinkedHashMap<>();
        result.put("performedOn", List.of(LocalDate.now().toString()));
        result.put("outcome", List.of("FINDINGS"));
        result.put("findings", List.of("two racks outside the declared cage"));
        result.put("version", List.of("1"));
        Http.Response noDueDate = inspector.upload(
                "/inspections/" + inspection + "/result",
                result,
                "reportFile",
                "report.pdf",
                "report".getBytes(StandardCharsets.UTF_8));
        assertThat(noDueDate.status()).isEqualTo(200);
        assertThat(noDueDate.body()).contains("id=\"error-result-remediationDueOn\"");
        assertThat(jdbc.sql("SELECT state FROM inspection WHERE id = CAST(:id AS uuid)")
                        .param("id", inspection)
                        .query(String.class)
                        .single())
                .isEqualTo("SCHEDULED");

        result.put("remediationDueOn", List.of(LocalDate.now().plusDays(30).toString()));
        Http.Response recorded = inspector.upload(
                "/inspections/" + inspection + "/result",
                result,
                "reportFile",
                "report.pdf",
                "report".getBytes(StandardCharsets.UTF_8));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
        Http.Response shown = inspector.open("/inspections/" + inspection);
        assertThat(shown.body()).contains("id=\"inspection-outcome\">FINDINGS<").contains("remediation is due by");
        assertThat(as("buyer").open("/preapprovals/" + id).body()).contains("two racks outside the declared cage");
    }

    private long agreements() {
        return jdbc.sql("SELECT count(*) FROM agreement").query(Long.class).single();
    }

    @Test
    void anOfficerRecordsSignsAndBringsAnAgreementIntoForceAndRecordsWhatIsRealized() {
        WebSession officer = as("officer");
        assertThat(officer.open("/agreements/new").status()).isEqualTo(200);
        long before = agreements();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("country", "QA");
        fields.put("title", "US–Qatar compact on AI infrastructure");
        fields.put("signatories", "Secretary of Commerce\nMinister of Communications and IT");
        fields.put("securityCommitments", "no transfers to D:5 end users\nno remote access from D:5 countries");
        fields.put("investment.pledgedUsd", "two billion");
        fields.put("allocationGb300e", "400000");
        fields.put("tranches[0].dueOn", "31/12/2026");
        fields.put("tranches[0].amountUsd", "800,000,000");
        Http.Response refused = officer.post("/agreements", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"error-agreement-investment.pledgedUsd\"")
                .contains("Must be a number, got")
                .contains("id=\"error-agreement-tranches[0].dueOn\"")
                .contains("value=\"two billion\"");
        assertThat(agreements()).isEqualTo(before);

        LocalDate today = LocalDate.now();
        fields.put("investment.pledgedUsd", "$2,000,000,000.00");
        fields.put("tranches[0].dueOn", today.toString());
        fields.put("tranches[1].dueOn", today.plusYears(1).toString());
        fields.put("tranches[1].amountUsd", "1,200,000,000");
        Http.Response created = officer.post("/agreements", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String path = created.header("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(officer.open(path).body())
                .contains("id=\"agreement-status\">DRAFT<")
                .contains("$800,000,000.00");

        assertThat(officer.post(path + "/sign", Map.of("signedOn", today.toString(), "version", "1"))
                        .status())
                .isEqualTo(302);
        officer.open(path);
        Http.Response badForce = officer.post(path + "/entry-into-force", Map.of("inForceOn", "", "version", "2"));
        assertThat(badForce.body()).contains("id=\"error-force-inForceOn\"");
        assertThat(officer.post(path + "/entry-into-force", Map.of("inForceOn", today.toString(), "version", "2"))
                        .status())
                .isEqualTo(302);
        Http.Response inForce = officer.open(path);
        assertThat(inForce.body())
                .contains("id=\"agreement-status\">IN_FORCE<")
                .contains("Overdue: $800,000,000.00 short")
                .contains("id=\"allocation-remaining\">400000.00 GB300e<");
        assertThat(officer.open("/").body()).contains("Overdue tranches").contains("US–Qatar compact");

        Http.Response badRealization = officer.post(
                path + "/tranches/1/realizations",
                Map.of("amountUsd", "lots", "realizedOn", today.toString(), "evidenceSha256", "abc", "version", "3"));
        assertThat(badRealization.body())
                .contains("id=\"error-realize-1-amountUsd\"")
                .contains("id=\"error-realize-1-evidenceSha256\"");
        assertThat(officer.open(path).body()).contains("Overdue: $800,000,000.00 short");
        Http.Response realized = officer.post(
                path + "/tranches/1/realizations",
                Map.of(
                        "amountUsd",
                        "800,000,000.00",
                        "realizedOn",
                        today.toString(),
                        "evidenceSha256",
                        "9b74c9897bac770ffc029102a200c5de0a5b5e3e9f1c0e3d6c7d8e9f0a1b2c3d",
                        "version",
                        "3"));
        assertThat(realized.status()).isEqualTo(302);
        assertThat(officer.open(path).body()).contains("In good standing").contains("Realized in full");

        Http.Response breached = officer.post(
                path + "/commitments/2/status",
                Map.of("status", "BREACHED", "note", "remote access found", "version", "4"));
        assertThat(breached.status()).isEqualTo(302);
        assertThat(officer.open(path).body())
                .contains("id=\"commitment-2-status\" class=\"text-secondary-dark\">BREACHED<")
                .contains("Not in good standing");
        assertThat(as("auditor").open(path).body()).doesNotContain("Record a realization");
        WebSession auditor = as("auditor");
        auditor.open(path);
        assertThat(auditor.post(path + "/sign", Map.of("signedOn", today.toString(), "version", "5"))
                        .status())
                .isEqualTo(403);
    }
}
