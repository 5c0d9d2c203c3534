package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.gatehouse.WebSession;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.NewOrganization;
import org.gatehouse.identity.NewUser;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.OrganizationName;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web UI's pages over real HTTP, as a browser without JavaScript sends them: who may open which page (403 for a
 * role that may not, 404 for another organization's record), problems shown next to the field they name, CSRF tokens
 * required on every form, and changes made once however often a form is sent.
 */
@IntegrationTest
class WebPagesIntegrationTests {

    private static final Pattern APPLICATION = Pattern.compile("/applications/([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenService tokens;

    private WebSession as(String username) {
        return WebSession.signedIn(port, username);
    }

    /** A complete deal as the application form posts it. */
    private static Map<String, String> aDeal(String reference) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reference", reference);
        fields.put("endUser.name", "Oasis Compute");
        fields.put("endUser.ultimateParent", "Oasis Holdings " + reference);
        fields.put("destination", "AE");
        fields.put("endUse", "AI training");
        fields.put("lines[0].item", "GB300");
        fields.put("lines[0].quantity", "1200");
        return fields;
    }

    /** A draft of the demo exporter, made through the page; its id. */
    private String aDraft(WebSession exporter) {
        exporter.open("/applications/new");
        Map<String, String> fields =
                aDeal("Draft " + UUID.randomUUID().toString().substring(0, 8));
        fields.put("idempotencyKey", UUID.randomUUID().toString());
        Http.Response created = exporter.post("/applications", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        Matcher m = APPLICATION.matcher(created.header("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Nested
    class WhoMayOpenWhat {

        @Test
        void nationalComputeIsTheAuthoritysAgenciesAndAuditors() {
            for (String allowed : List.of("officer", "state", "auditor")) {
                assertThat(as(allowed).open("/compute").status()).as(allowed).isEqualTo(200);
                assertThat(as(allowed).open("/compute/SA").status()).as(allowed).isEqualTo(200);
            }
            for (String refused : List.of("exporter", "buyer", "inspector", "admin")) {
                Http.Response page = as(refused).open("/compute");
                assertThat(page.status()).as(refused).isEqualTo(403);
                assertThat(page.body()).contains("Not allowed").contains("Sign out");
            }
            assertThat(as("officer").open("/compute/XX").status()).isEqualTo(404);
        }

        @Test
        void theAuditLogIsTheAuditorsOnly() {
            assertThat(as("auditor").open("/audit").status()).isEqualTo(200);
            for (String refused : List.of("officer", "exporter", "admin", "state")) {
                WebSession session = as(refused);
                assertThat(session.open("/audit").status()).as(refused).isEqualTo(403);
                assertThat(session.post("/audit/verify", Map.of()).status())
                        .as(refused)
                        .isEqualTo(403);
            }
        }

        @Test
        void thePolicyLabIsTheAuthoritysAgenciesAndAuditorsAndOnlyOfficersAndAuditorsReadThePipeline() {
            for (String allowed : List.of("officer", "state", "auditor")) {
                assertThat(as(allowed).open("/lab").status()).as(allowed).isEqualTo(200);
            }
            for (String refused : List.of("exporter", "buyer", "admin")) {
                assertThat(as(refused).open("/lab").status()).as(refused).isEqualTo(403);
            }
            WebSession agency = as("state");
            agency.open("/lab");
            Http.Response pipeline = agency.upload(
                    "/lab",
                    Map.of("source", List.of("pipeline"), "policies", List.of("us-global-2026-draft")),
                    null,
                    null,
                    null);
            assertThat(pipeline.status()).isEqualTo(403);
            WebSession officer = as("officer");
            officer.open("/lab");
            Http.Response compared = officer.upload(
                    "/lab",
                    Map.of("source", List.of("pipeline"), "policies", List.of("us-global-2026-draft")),
                    null,
                    null,
                    null);
            assertThat(compared.status()).isEqualTo(200);
            assertThat(compared.body()).contains("id=\"results\"");
        }

        @Test
        void applicationsAreTheirOrganizationsAndTheAuthoritysOthersGet404() {
            WebSession exporter = as("exporter");
            String id = aDraft(exporter);
            assertThat(exporter.open("/applications/" + id).status()).isEqualTo(200);
            assertThat(as("officer").open("/applications/" + id).status()).isEqualTo(200);
            assertThat(as("auditor").open("/applications/" + id).status()).isEqualTo(200);
            assertThat(as("state").open("/applications/" + id).status())
                    .as("not referred to this agency")
                    .isEqualTo(404);

            WebSession rival = new WebSession(port);
            rival.signIn(aRivalExporter(), "rival password 1");
            Http.Response theirs = rival.open("/applications/" + id);
            assertThat(theirs.status()).isEqualTo(404);
            assertThat(theirs.body()).doesNotContain("Oasis");
            assertThat(rival.open("/applications").body()).doesNotContain(id);
            assertThat(rival.open("/applications/" + UUID.randomUUID()).status())
                    .isEqualTo(404);
            assertThat(rival.open("/applications/not-an-id").status()).isEqualTo(404);

            assertThat(as("buyer").open("/applications").status()).isEqualTo(403);
            assertThat(as("admin").open("/applications").status()).isEqualTo(403);
        }

        @Test
        void onlyTheOwnersApplicantsChangeAnApplication() {
            String id = aDraft(as("exporter"));
            WebSession officer = as("officer");
            officer.open("/applications/" + id);
            Http.Response submit = officer.post("/applications/" + id + "/submit", Map.of("version", "1"));
            assertThat(submit.status()).isEqualTo(403);
            assertThat(officer.open("/applications/" + id).body()).doesNotContain("Submit application");
            WebSession auditor = as("auditor");
            auditor.open("/applications/" + id);
            assertThat(auditor.post("/applications/" + id + "/discard", Map.of("version", "1"))
                            .status())
                    .isEqualTo(403);
        }

        @Test
        void everyoneSignedInChecksDealsAndChangesTheirPassword() {
            for (String username : List.of("exporter", "buyer", "officer", "state", "inspector", "auditor", "admin")) {
                WebSession session = as(username);
                assertThat(session.open("/").status()).as(username).isEqualTo(200);
                assertThat(session.open("/assess").status()).as(username).isEqualTo(200);
                assertThat(session.open("/account/password").status())
                        .as(username)
                        .isEqualTo(200);
            }
            Http.Response anonymous = new WebSession(port).open("/assess");
            assertThat(anonymous.status()).isEqualTo(302);
        }

        @Test
        void aMissingPageIsAStyledPageWithTheNavigation() {
            Http.Response missing = as("officer").open("/no-such-page");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(missing.body())
                    .contains("Page not found")
                    .contains("National compute")
                    .contains("Sign out");
            Http.Response api =
                    new Http(port).get("/api/v1/no-such-thing", TestCallers.token(tokens, users, Role.OFFICER));
            assertThat(api.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }

        private String aRivalExporter() {
            String name = "rival-" + UUID.randomUUID().toString().substring(0, 8);
            var organization = organizations.create(
                    TestCallers.SYSTEM,
                    new NewOrganization(new OrganizationName("Rival Chips " + name), OrganizationKind.EXPORTER, null));
            users.create(
                    TestCallers.SYSTEM,
                    new NewUser(
                            new Username(name),
                            new DisplayName("Rita Rival"),
                            organization.id(),
                            Set.of(Role.APPLICANT),
                            new Password("rival password 1")));
            return name;
        }
    }

    @Nested
    class ProblemsNextToTheirFields {

        @Test
        void aFractionalQuantityIsNamedBesideItsInputAndWhatWasTypedComesBack() {
            WebSession exporter = as("exporter");
            exporter.open("/applications/new");
            Map<String, String> fields = aDeal("Fraction");
            fields.put("lines[0].quantity", "1.5");
            fields.put("lines[1].item", "HGX H100");
            fields.put("lines[1].quantity", "lots");
            fields.put("idempotencyKey", UUID.randomUUID().toString());
            long applications = count("application");

            Http.Response page = exporter.post("/applications", fields);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .containsPattern(
                            "<span class=\"usa-error-message\" id=\"error-lines-0-quantity\"\\s*>"
                                    + "Must be a whole number, got 1.5.</span>\\s*<input[^>]*id=\"lines\\[0\\].quantity\""
                                    + "[^>]*value=\"1.5\"[^>]*aria-describedby=\"error-lines-0-quantity\"[^>]*aria-invalid=\"true\"")
                    .contains("Must be a number, got &#39;lots&#39;.")
                    .contains("value=\"Oasis Compute\"")
                    .contains("Some fields need your attention");
            assertThat(count("application")).as("nothing stored").isEqualTo(applications);
        }

        @Test
        void theLivePreviewSendsEachFieldsMessageOutOfBand() {
            WebSession exporter = as("exporter");
            exporter.open("/assess");
            Map<String, String> fields = aDeal("Preview");
            fields.put("destination", "ZZ");
            Http.Response preview = exporter.post("/assess/preview", fields);
            assertThat(preview.status()).isEqualTo(200);
            assertThat(preview.body())
                    .startsWith("<section id=\"preview\"")
                    .containsPattern(
                            "id=\"error-destination\"\\s+hx-swap-oob=\"true\">Not an ISO 3166-1 alpha-2 country code")
                    .containsPattern("id=\"error-lines-0-quantity\"\\s+hx-swap-oob=\"true\" hidden=\"hidden\">");

            fields.put("destination", "AE");
            Http.Response answer = exporter.post("/assess/preview", fields);
            assertThat(answer.body())
                    .contains("data-outcome=\"LICENSE_REQUIRED\"")
                    .contains("<dd id=\"assessment-tier\">T2</dd>");
        }

        @Test
        void aWrongCurrentPasswordIsNamedBesideItAndNothingChanges() {
            WebSession buyer = as("buyer");
            buyer.open("/account/password");
            long events = auditHead();
            Http.Response wrong = buyer.post(
                    "/account/password",
                    Map.of(
                            "currentPassword", "not the password",
                            "newPassword", "a long new password",
                            "confirmation", "a long new password"));
            assertThat(wrong.status()).isEqualTo(200);
            assertThat(wrong.body())
                    .contains("id=\"error-currentPassword\">Is not your current password.")
                    .doesNotContain("not the password")
                    .doesNotContain("a long new password");
            Http.Response weak = buyer.post(
                    "/account/password",
                    Map.of(
                            "currentPassword",
                            IntegrationTest.DEMO_PASSWORD,
                            "newPassword",
                            "short",
                            "confirmation",
                            "x"));
            assertThat(weak.body()).contains("id=\"error-newPassword\">Must be at least 12 characters.");
            Http.Response mismatch = buyer.post(
                    "/account/password",
                    Map.of(
                            "currentPassword", IntegrationTest.DEMO_PASSWORD,
                            "newPassword", "a long new password",
                            "confirmation", "a long new passwort"));
            assertThat(mismatch.body()).contains("id=\"error-confirmation\">Does not match the new password.");
            assertThat(auditHead()).isEqualTo(events);
        }

        @Test
        void aBadAuditFilterIsNamedBesideIt() {
            Http.Response page = as("auditor").open("/audit?from=yesterday");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("id=\"error-from\">Must be a date written yyyy-mm-dd, got &#39;yesterday&#39;.");
        }
    }

    @Nested
    class Forms {

        @Test
        void everyFormNeedsItsCsrfToken() {
            WebSession exporter = as("exporter");
            String id = aDraft(exporter);
            Map<String, String> deal = aDeal("Forged");
            for (String path : List.of("/applications", "/assess", "/assess/preview", "/account/password")) {
                assertThat(exporter.postWithoutToken(path, deal).status())
                        .as(path)
                        .isEqualTo(403);
            }
            assertThat(exporter.postWithoutToken("/applications/" + id + "/submit", Map.of("version", "1"))
                            .status())
                    .isEqualTo(403);
            assertThat(as("auditor").postWithoutToken("/audit/verify", Map.of()).status())
                    .isEqualTo(403);
            assertThat(exporter.open("/applications/" + id).body()).contains(">DRAFT<");
        }

        @Test
        void aLivePreviewWithoutASessionIsToldToSignInAgain() throws Exception {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/assess/preview"))
                    .header("HX-Request", "true")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("destination=AE"))
                    .build();
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("no session, hence no CSRF token")
                    .isEqualTo(403);
            assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/login");
            assertThat(new WebSession(port).open("/assess").status())
                    .as("a page without htmx is still redirected")
                    .isEqualTo(302);
        }

        @Test
        void aResentCreateOrSubmitActsOnceAndAStaleVersionIsRefused() {
            WebSession exporter = as("exporter");
            exporter.open("/applications/new");
            Map<String, String> fields =
                    aDeal("Twice " + UUID.randomUUID().toString().substring(0, 8));
            fields.put("idempotencyKey", UUID.randomUUID().toString());
            Http.Response first = exporter.post("/applications", fields);
            Http.Response again = exporter.post("/applications", fields);
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            String path = first.header("Location").orElseThrow();
            String id = path.substring(path.lastIndexOf('/') + 1);

            exporter.open(path);
            Map<String, String> submit = Map.of("version", "1", "idempotencyKey", "submit-" + id);
            assertThat(exporter.post(path + "/submit", submit).status()).isEqualTo(302);
            assertThat(exporter.post(path + "/submit", submit).status()).isEqualTo(302);
            assertThat(exporter.open(path).body())
                    .doesNotContain("id=\"problem\"")
                    .contains(">SUBMITTED<");
            assertThat(jdbc.sql(
                                    "SELECT count(*) FROM audit_event WHERE entity_id = ? AND action = 'application.submitted'")
                            .param(id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            Http.Response stale = exporter.post(path + "/withdraw", Map.of("version", "1"));
            assertThat(stale.status()).isEqualTo(302);
            assertThat(exporter.open(path).body())
                    .contains("id=\"problem\"")
                    .contains("is no longer at version 1")
                    .contains(">SUBMITTED<");
        }

        @Test
        void aDraftIsEditedWithTheVersionItWasReadAt() {
            WebSession exporter = as("exporter");
            String id = aDraft(exporter);
            Http.Response form = exporter.open("/applications/" + id + "/edit");
            assertThat(form.body()).contains("value=\"1200\"").contains("name=\"version\" value=\"1\"");
            Map<String, String> fields = aDeal("Edited");
            fields.put("version", "1");
            fields.put("lines[0].quantity", "800");
            fields.put("intermediateConsignees[0].name", "Jebel Ali Freight");
            fields.put("intermediateConsignees[0].country", "AE");
            assertThat(exporter.post("/applications/" + id, fields).status()).isEqualTo(302);
            Http.Response stale = exporter.post("/applications/" + id, fields);
            assertThat(stale.status()).isEqualTo(200);
            assertThat(stale.body()).contains("id=\"conflict\"").contains("is no longer at version 1");
            assertThat(exporter.open("/applications/" + id).body())
                    .contains(">800<")
                    .contains("version 2");
        }
    }

    @Nested
    class PolicyLabLimits {

        @Test
        void anUploadedFileIsComparedAndDownloadedAsCsv() {
            WebSession officer = as("officer");
            officer.open("/lab");
            byte[] deals = """
                    id,date,end_user,end_user_parent,destination,item,quantity
                    a,2026-02-01,Alpha Cloud,Alpha,SA,GB300,900
                    b,2026-02-02,Alpha Cloud,Alpha,SA,GB300,200
                    "=HYPERLINK(""x"")",2026-02-03,Alpha Cloud,Alpha,SA,GB300,1
                    """.getBytes(StandardCharsets.UTF_8);
            Map<String, List<String>> fields =
                    Map.of("source", List.of("file"), "policies", List.of("us-global-2026-draft", "us-2025-current"));
            Http.Response page = officer.upload("/lab", fields, "file", "deals.csv", deals);
            assertThat(page.body()).contains("id=\"results\"").contains("data-policy=\"us-2025-current\"");
            assertThat(page.body()).contains("LICENSE_REQUIRED · T2 · STANDARD");

            Http.Response csv = officer.upload("/lab/compare.csv", fields, "file", "deals.csv", deals);
            assertThat(csv.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            List<String> lines = csv.body().lines().toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).startsWith("row,id,us-global-2026-draft:outcome,us-global-2026-draft:tier");
            assertThat(lines.get(2)).startsWith("2,b,LICENSE_REQUIRED,T2,STANDARD,200.00,1100.00,");
            assertThat(lines.get(3)).as("a formula is not a formula").startsWith("3,\"'=HYPERLINK(\"\"x\"\")\",");
        }

        @Test
        void tooLargeFilesAndTooManyRowsAreRefusedInWords() {
            WebSession officer = as("officer");
            officer.open("/lab");
            Map<String, List<String>> fields =
                    Map.of("source", List.of("file"), "policies", List.of("us-global-2026-draft"));
            byte[] large = new byte[4 * 1024 * 1024 + 1];
            java.util.Arrays.fill(large, (byte) 'x');
            Http.Response tooLarge = officer.upload("/lab", fields, "file", "big.csv", large);
            assertThat(tooLarge.status()).isEqualTo(200);
            assertThat(tooLarge.body())
                    .contains("id=\"error-file\">Is larger than 4 MiB; split it or use gatehouse compare.");

            StringBuilder rows = new StringBuilder("id,date,end_user,destination,item,quantity\n");
            for (int i = 0; i <= 100_000; i++) {
                rows.append(i).append(",2026-01-01,E,FR,GB300,1\n");
            }
            Http.Response tooMany = officer.upload(
                    "/lab", fields, "file", "many.csv", rows.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(tooMany.body()).contains("Has more than 100000 rows; split it or use gatehouse compare.");

            Http.Response noPolicy = officer.upload(
                    "/lab",
                    Map.of("source", List.of("file")),
                    "file",
                    "one.csv",
                    "id\n".getBytes(StandardCharsets.UTF_8));
            assertThat(noPolicy.body()).contains("id=\"error-policies\">Choose at least one policy.");
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private long auditHead() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head")
                .query(Long.class)
                .single();
    }
}
