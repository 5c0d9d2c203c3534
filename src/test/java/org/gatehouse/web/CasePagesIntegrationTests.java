package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.MutableClock;
import org.gatehouse.Reactions;
import org.gatehouse.TestCallers;
import org.gatehouse.WebSession;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.cases.CaseService;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.NewOrganization;
import org.gatehouse.identity.NewUser;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.OrganizationName;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.screening.RegisteredCompany;
import org.gatehouse.screening.server.RegisterService;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.NotFoundException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case pages over real HTTP, as a browser without JavaScript sends them: the queue with its clocks (overdue said in
 * colour and in words), paged and filtered by the database; who may open which case (another organization's or an
 * unreferred case answers 404, as one that does not exist; a role without cases 403); each form's problems beside its
 * fields with nothing changed; refused steps with their reasons; and the review loop from referral to decision through
 * the pages. The clock is the tests' own ({@link MutableClock}), moved forward to make cases overdue.
 */
@IntegrationTest
@Import(MutableClock.Replacing.class)
class CasePagesIntegrationTests {

    private static final Pattern VERSION = Pattern.compile("id=\"case-version\">(\\d+)<");

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ApplicationService applications;

    @Autowired
    CaseService cases;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegisterService registry;

    /** A real SDN entry of the bundled snapshot: entry 306. */
    private static final String SDN_NAME = "BANCO NACIONAL DE CUBA";

    private WebSession as(String username) {
        return WebSession.signedIn(port, username);
    }

    @Nested
    class TheQueue {

        @Test
        void showsEachCasesThreeClocksAndMarksAnOverdueOneInColourAndInWords() {
            String parent = aCompany();
            String id = aCase(parent, "SA", 1_000);
            WebSession officer = as("officer");

            Http.Response fresh = officer.open("/cases?company=" + encoded(parent));
            assertThat(fresh.status()).isEqualTo(200);
            String row = row(fresh.body(), id);
            assertThat(row)
                    .contains("0 of 9 days")
                    .contains("9 days left")
                    .contains("0 of 90 days")
                    .contains("not referred")
                    .doesNotContain("gh-row--overdue");

            clock.advance(Duration.ofDays(9).plusHours(1));
            Http.Response overdue = officer.open("/cases?queue=overdue&company=" + encoded(parent));
            row = row(overdue.body(), id);
            assertThat(row)
                    .as("overdue in colour")
                    .contains("gh-row--overdue")
                    .contains("gh-clock--overdue")
                    .as("and in words")
                    .contains("9 of 9 days")
                    .contains(">Overdue<");
            assertThat(overdue.body()).contains("aria-current=\"page\" data-queue=\"overdue\"");
            assertThat(officer.open("/").body())
                    .as("the officer's home lists the overdue cases first")
                    .contains("id=\"home-cases-overdue\"")
                    .contains("gh-clock--overdue");
        }

        @Test
        void pagesOnTheServerAndFiltersByCompanyDestinationAndTier() {
            String parent = aCompany();
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 27; i++) {
                ids.add(submitted(parent, "AE", 10));
            }
            ids.forEach(CasePagesIntegrationTests.this::aCaseOpened);
            WebSession officer = as("officer");

            Http.Response first = officer.open("/cases?company=" + encoded(parent));
            assertThat(rows(first.body())).isEqualTo(25);
            assertThat(first.body()).contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
            Http.Response second = officer.open("/cases?company=" + encoded(parent) + "&page=2");
            assertThat(rows(second.body())).isEqualTo(2);
            assertThat(second.body()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
            assertThat(rows(officer.open("/cases?company=" + encoded(parent) + "&destination=SA")
                            .body()))
                    .isZero();
            assertThat(rows(officer.open("/cases?company=" + encoded(parent.toUpperCase()) + "&tier=T1")
                            .body()))
                    .as("any spelling of the company")
                    .isEqualTo(25);

            Http.Response refused = officer.open("/cases?destination=ZZ&tier=t2");
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body())
                    .contains("id=\"error-destination\">Not an ISO 3166-1 alpha-2 country code")
                    .contains("id=\"error-tier\">Must be a tier name such as T1, T2 or T3.")
                    .contains("No case in this queue matches.");
            assertThat(officer.open("/cases?queue=everything&page=-3").status())
                    .as("an address the page does not offer falls back to its first tab")
                    .isEqualTo(200);
        }

        @Test
        void eachRoleIsOfferedItsOwnQueuesAndRolesWithoutCasesAreRefused() {
            assertThat(as("officer").open("/cases").body())
                    .contains("data-queue=\"unassigned\"")
                    .contains("data-queue=\"flagged\"")
                    .contains(">Case queue<");
            assertThat(as("state").open("/cases").body())
                    .contains("Cases referred to State")
                    .contains("aria-current=\"page\" data-queue=\"awaiting_recommendation\"")
                    .doesNotContain("data-queue=\"unassigned\"");
            assertThat(as("exporter").open("/cases").body())
                    .contains("Your cases")
                    .contains(">Awaiting your answer<")
                    .doesNotContain("data-queue=\"flagged\"");
            assertThat(as("auditor").open("/cases").body()).doesNotContain("data-queue=\"mine\"");
            for (String refused : List.of("buyer", "inspector", "admin")) {
                assertThat(as(refused).open("/cases").status()).as(refused).isEqualTo(403);
            }
        }
    }

    @Nested
    class WhoSeesWhat {

        @Test
        void anExporterSeesOnlyItsOwnCasesAndAnAgencyOnlyThoseReferredToIt() {
            String parent = aCompany();
            String id = aCase(parent, "SA", 1_000);
            assertThat(as("exporter").open("/cases/" + id).status()).isEqualTo(200);
            assertThat(as("auditor").open("/cases/" + id).body())
                    .contains("id=\"case-clocks\"")
                    .doesNotContain("id=\"refer-form\"")
                    .doesNotContain("id=\"decide-form\"");

            WebSession rival = new WebSession(port);
            rival.signIn(aRivalExporter(), "rival password 1");
            Http.Response theirs = rival.open("/cases/" + id);
            assertThat(theirs.status()).isEqualTo(404);
            assertThat(theirs.body()).doesNotContain(parent);
            assertThat(rival.open("/cases?queue=all").body()).doesNotContain(id);
            assertThat(rival.open("/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
            assertThat(rival.open("/cases/not-an-id").status()).isEqualTo(404);

            WebSession state = as("state");
            assertThat(state.open("/cases/" + id).status())
                    .as("not referred yet")
                    .isEqualTo(404);
            assertThat(state.open("/cases?queue=all").body()).doesNotContain(id);
            refer(id, "STATE");
            assertThat(state.open("/cases/" + id).status()).isEqualTo(200);
            assertThat(state.open("/cases").body()).contains(id);
            assertThat(state.open("/").body())
                    .contains("id=\"home-cases-referrals\"")
                    .contains(id);
            assertThat(as("defense").open("/cases/" + id).status())
                    .as("referred to State only")
                    .isEqualTo(404);
            assertThat(as("buyer").open("/cases/" + id).status()).isEqualTo(404);
        }

        @Test
        void theApplicantDoesNotSeeTheAuthoritysDeliberation() {
            String id = aCase(aCompany(), "SA", 1_000);
            refer(id, "STATE");
            WebSession state = as("state");
            state.open("/cases/" + id);
            assertThat(state.post(
                                    "/cases/" + id + "/recommendations",
                                    Map.of("recommendation", "DENY", "reasons", "a confidential concern"))
                            .status())
                    .isEqualTo(302);

            String applicantsView = as("exporter").open("/cases/" + id).body();
            assertThat(applicantsView)
                    .doesNotContain("a confidential concern")
                    .doesNotContain(">Deny<")
                    .doesNotContain("id=\"case-assignee\"")
                    .contains("STATE answered");
            assertThat(as("officer").open("/cases/" + id).body()).contains("a confidential concern");
        }
    }

    @Nested
    class Forms {

        @Test
        void aRefusedFieldIsNamedBesideItsInputWithWhatWasTypedAndNothingChanges() {
            String id = aCase(aCompany(), "SA", 1_000);
            WebSession officer = as("officer");
            WebSession exporter = as("exporter");
            officer.open("/cases/" + id);
            long events = auditHead(); // after signing in: sign-ins are audited

            Http.Response pastDue = officer.post(
                    "/cases/" + id + "/hold",
                    Map.of("version", "1", "question", "Who operates the site?", "dueOn", "2020-01-01"));
            assertThat(pastDue.status()).isEqualTo(200);
            assertThat(pastDue.body())
                    .containsPattern("<span class=\"usa-error-message\" id=\"hold-error-dueOn\">"
                            + "Must be a day after today, got 2020-01-01.</span>\\s*<input[^>]*id=\"hold-dueOn\""
                            + "[^>]*value=\"2020-01-01\"[^>]*aria-describedby=\"hold-dueOn-hint hold-error-dueOn\""
                            + "[^>]*aria-invalid=\"true\"")
                    .contains("value=\"Who operates the site?\"")
                    .contains("href=\"#hold-form\"");

            Http.Response noAgency = officer.post("/cases/" + id + "/referrals", Map.of("version", "1"));
            assertThat(noAgency.body()).contains("id=\"refer-error-agencies\">Name at least one agency");
            Http.Response noConditions = officer.post(
                    "/cases/" + id + "/decision",
                    Map.of("version", "1", "decision", "APPROVED_WITH_CONDITIONS", "reasons", "fine"));
            assertThat(noConditions.body())
                    .contains("id=\"decide-error-conditions\">Are required for an approval with conditions.")
                    .containsPattern(
                            "id=\"decide-APPROVED_WITH_CONDITIONS\" value=\"APPROVED_WITH_CONDITIONS\"\\s+checked");
            Http.Response badVersion =
                    officer.post("/cases/" + id + "/return", Map.of("version", "0x1", "reason", "incomplete"));
            assertThat(badVersion.body())
                    .contains(
                            "version: Must be the version you read, as decimal digits (such as 3), got &#39;0x1&#39;.");

            exporter.open("/cases/" + id);
            Http.Response badDocument = exporter.post(
                    "/cases/" + id + "/documents",
                    Map.of(
                            "requirement", "BUSINESS_MODEL_DISCLOSURE",
                            "name", "bm.pdf",
                            "mediaType", "pdf",
                            "sizeBytes", "1.5",
                            "sha256", "ABC"));
            assertThat(badDocument.body())
                    .contains("id=\"document-error-mediaType\">Must look like type/subtype, e.g. application/pdf.")
                    .contains("id=\"document-error-sizeBytes\">Must be a whole number of bytes, got 1.5.")
                    .contains("id=\"document-error-sha256\">Must be 64 lower-case hex digits.")
                    .contains("value=\"bm.pdf\"");
            Http.Response notHeld = exporter.post("/cases/" + id + "/answer", Map.of("answer", "unasked"));
            assertThat(notHeld.status()).isEqualTo(302);
            assertThat(exporter.open("/cases/" + id).body())
                    .contains("id=\"problem\"")
                    .contains("Cannot answer a hold of a case in state IN_REVIEW");

            assertThat(auditHead()).as("no audit event").isEqualTo(events);
            assertThat(officer.open("/cases/" + id).body()).contains("id=\"case-version\">1<");
        }

        @Test
        void aStaleVersionAndARefusedApprovalComeBackWithTheirReasons() {
            String id = aCase(aCompany(), "SA", 1_000);
            WebSession officer = as("officer");
            officer.open("/cases/" + id);
            assertThat(officer.post("/cases/" + id + "/assign", Map.of("officer", "me", "version", "1"))
                            .header("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/cases/" + id));
            assertThat(officer.open("/cases/" + id).body())
                    .contains("id=\"notice\"")
                    .contains("You have the case.")
                    .contains("id=\"case-assignee\">officer<");

            officer.post("/cases/" + id + "/return", Map.of("version", "1", "reason", "stale"));
            assertThat(officer.open("/cases/" + id).body())
                    .contains("is no longer at version 1")
                    .contains(">IN_REVIEW<");

            officer.post(
                    "/cases/" + id + "/decision",
                    Map.of("version", "2", "decision", "APPROVED", "reasons", "all good"));
            String refused = officer.open("/cases/" + id).body();
            assertThat(refused)
                    .contains("<p class=\"usa-alert__text\">Cannot approve yet:</p>")
                    .contains("<li>BUYER_PREAPPROVAL: no pre-approval is recorded for ultimate parent")
                    .contains("<li>SITE_INSPECTION_CONSENT: ")
                    .contains(">IN_REVIEW<");
        }

        @Test
        void onlyTheRoleWhoseFormItIsMayPostIt() {
            String id = aCase(aCompany(), "SA", 1_000);
            WebSession exporter = as("exporter");
            exporter.open("/cases/" + id);
            assertThat(exporter.post("/cases/" + id + "/referrals", Map.of("agencies", "STATE", "version", "1"))
                            .status())
                    .isEqualTo(403);
            WebSession auditor = as("auditor");
            auditor.open("/cases/" + id);
            assertThat(auditor.post(
                                    "/cases/" + id + "/decision",
                                    Map.of("decision", "DENIED", "reasons", "x", "version", "1"))
                            .status())
                    .isEqualTo(403);
            WebSession state = as("state");
            state.open("/cases");
            assertThat(state.post(
                                    "/cases/" + id + "/recommendations",
                                    Map.of("recommendation", "APPROVE", "reasons", "not mine"))
                            .status())
                    .as("not referred to State: as if it did not exist")
                    .isEqualTo(404);
            WebSession officer = as("officer");
            officer.open("/cases/" + id);
            assertThat(officer.post("/cases/" + id + "/answer", Map.of("answer", "officers do not answer"))
                            .status())
                    .isEqualTo(403);
            assertThat(as("officer").open("/cases/" + id).body()).contains("id=\"case-version\">1<");
        }

        @Test
        void everyCaseFormNeedsItsCsrfToken() {
            String id = aCase(aCompany(), "SA", 1_000);
            WebSession officer = as("officer");
            officer.open("/cases/" + id);
            for (String form : List.of(
                    "assign",
                    "referrals",
                    "hold",
                    "return",
                    "decision",
                    "flags",
                    "recommendations",
                    "answer",
                    "documents")) {
                assertThat(officer.postWithoutToken(
                                        "/cases/" + id + "/" + form,
                                        Map.of(
                                                "version",
                                                "1",
                                                "agencies",
                                                "STATE",
                                                "decision",
                                                "DENIED",
                                                "reasons",
                                                "x"))
                                .status())
                        .as(form)
                        .isEqualTo(403);
            }
            assertThat(officer.open("/cases/" + id).body()).contains("id=\"case-version\">1<");
        }
    }

    @Test
    void theReviewLoopThroughThePages() {
        String parent = aCompany();
        String id = aCase(parent, "SA", 1_000);
        String path = "/cases/" + id;
        WebSession officer = as("officer");
        WebSession state = as("state");
        WebSession exporter = as("exporter");

        officer.open(path);
        assertThat(officer.post(
                                path + "/flags",
                                Map.of("company", parent + " Ltd.", "reason", "same address", "version", "1"))
                        .status())
                .isEqualTo(302);
        String flagged = officer.open(path).body();
        assertThat(flagged).contains("Possible same company").contains("may be the same company as " + parent);
        assertThat(officer.open("/cases?queue=flagged&company=" + encoded(parent))
                        .body())
                .contains(id);
        Matcher raised = Pattern.compile("data-flag=\"([^\"]+)\"").matcher(flagged);
        assertThat(raised.find()).isTrue();
        String flag = raised.group(1);
        assertThat(flag).startsWith("same-company:");
        assertThat(officer.post(path + "/flags/" + flag + "/clear", Map.of("reason", "", "version", "2"))
                        .body())
                .contains("id=\"clear-" + flag.replaceAll("[^A-Za-z0-9_-]", "-") + "-error-reason\">Is required.");
        officer.post(path + "/flags/" + flag + "/clear", Map.of("reason", "a different company", "version", "2"));
        assertThat(officer.open(path).body()).contains("The flag is cleared.");
        assertThat(officer.open("/cases?queue=flagged&company=" + encoded(parent))
                        .body())
                .doesNotContain(id);

        officer.post(path + "/referrals", Map.of("agencies", "STATE", "note", "a large cluster", "version", "3"));
        assertThat(officer.open(path).body())
                .contains("The case is referred to State: each agency&#39;s 30 days start now.")
                .contains(">REFERRED<")
                .contains("State&#39;s answer");

        state.open(path);
        state.post(
                path + "/recommendations", Map.of("recommendation", "APPROVE_WITH_CONDITIONS", "reasons", "reports"));
        assertThat(state.open(path).body())
                .contains("Your recommendation (Approve with conditions) is recorded.")
                .doesNotContain("id=\"recommend-form\"");

        String due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusDays(14)
                .toString();
        officer.open(path);
        officer.post(
                path + "/hold",
                Map.of("question", "Who operates the data centre?", "dueOn", due, "version", version(officer, path)));
        assertThat(exporter.open("/").body())
                .contains("id=\"home-cases-holds\"")
                .contains("Awaiting your answer, due " + due);
        String held = exporter.open(path).body();
        assertThat(held).contains("Who operates the data centre?").contains("Paused while held");

        exporter.post(path + "/answer", Map.of("answer", "Its own subsidiary, under its licence."));
        exporter.open(path);
        exporter.post(
                path + "/documents",
                Map.of(
                        "requirement", "BUSINESS_MODEL_DISCLOSURE",
                        "name", "business-model.pdf",
                        "mediaType", "application/pdf",
                        "sizeBytes", "48213",
                        "sha256", "b".repeat(64)));
        assertThat(exporter.open(path).body())
                .contains("The document &#39;business-model.pdf&#39; was filed for Business model disclosure.");

        String page = officer.open(path).body();
        // The document is on the case; the disclosure itself is met only by a granted pre-approval of the buyer.
        assertThat(page)
                .contains("business-model.pdf")
                .contains(">Missing<")
                .contains("Approve with conditions</span>: <span>reports</span>");
        officer.post(
                path + "/decision",
                Map.of(
                        "decision",
                        "DENIED",
                        "reasons",
                        "the end user is not known",
                        "version",
                        version(officer, path)));
        String decided = officer.open(path).body();
        assertThat(decided)
                .contains("The case is decided: Denied.")
                .contains(">DECIDED<")
                .contains("Decision: Denied")
                .doesNotContain("id=\"decide-form\"");
        assertThat(String.join("\n", timeline(decided)))
                .containsSubsequence(
                        "DENIED: the end user is not known",
                        "document &#39;business-model.pdf&#39; filed for BUSINESS_MODEL_DISCLOSURE",
                        "the applicant answered",
                        "held for the applicant&#39;s answer",
                        "STATE recommends APPROVE_WITH_CONDITIONS",
                        "referred to [STATE]",
                        "flag cleared",
                        "flag POSSIBLE_SAME_COMPANY raised",
                        "registered; the clocks start");
    }

    @Test
    void anOfficerDispositionsAScreeningHitAndSeparatesAPossibleSecondSpellingOnTheCasePage() {
        // A real SDN entry of the bundled snapshot (entry 306) as the end user, as ScreeningIntegrationTests does.
        String listed = aCaseOpened(submitted(new Party(SDN_NAME, null, "KE", null), "KE", "H100", 8));
        String path = "/cases/" + listed;
        WebSession officer = as("officer");
        String page = officer.open(path).body();
        Matcher found = Pattern.compile("data-hit=\"(\\d+)\"").matcher(page);
        assertThat(found.find()).as("a hit on the case page").isTrue();
        String hit = found.group(1);
        String form = "hit-" + hit;
        assertThat(page)
                .contains("id=\"screening-heading\"")
                .contains("SDN entry 306")
                .contains("id=\"" + form + "-form\"")
                .contains("Awaiting an officer");
        WebSession exporter = as("exporter");
        assertThat(exporter.open(path).body())
                .as("the screening and the audit log are the authority's")
                .doesNotContain("id=\"case-audit\"")
                .doesNotContain("id=\"screening-heading\"")
                .doesNotContain("SDN entry");
        Reactions.await(jdbc); // the reactions to the case's opening are audited after its commit
        long events = auditHead(); // after signing in: sign-ins are audited

        String disposition = path + "/screening-hits/" + hit + "/disposition";
        Http.Response refused = officer.post(disposition, Map.of("disposition", "MAYBE", "reason", " "));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location").orElseThrow()).endsWith(path + "#" + form + "-form");
        String again = officer.open(path).body();
        assertThat(again)
                .contains("id=\"screening-refused\"")
                .contains("id=\"" + form + "-error-disposition\">Must be TRUE_MATCH or FALSE_POSITIVE.</span>")
                .containsPattern("id=\"" + form + "-error-reason\">[^<]+</span>\\s*<input[^>]*id=\"" + form
                        + "-reason\"[^>]*aria-invalid=\"true\"");
        assertThat(as("exporter")
                        .post(disposition, Map.of("disposition", "TRUE_MATCH", "reason", "mine"))
                        .status())
                .as("only officers disposition")
                .isEqualTo(403);
        assertThat(officer.post(
                                path + "/screening-hits/999999999/disposition",
                                Map.of("disposition", "FALSE_POSITIVE", "reason", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("""
                                SELECT action || ' ' || entity_type || ' ' || entity_id FROM audit_event
                                WHERE seq > :seq AND entity_id IN (:case, :hit) ORDER BY seq""")
                        .param("seq", events)
                        .param("case", listed)
                        .param("hit", hit)
                        .query(String.class)
                        .list())
                .as("nothing changed on the case or its hit")
                .isEmpty();

        Http.Response cleared = officer.post(
                disposition,
                Map.of("disposition", "FALSE_POSITIVE", "reason", "a Kenyan farm cooperative, not the Cuban bank"));
        assertThat(cleared.status()).isEqualTo(302);
        String after = officer.open(path).body();
        assertThat(after)
                .contains("Hit " + hit + " is recorded as a false positive")
                .contains("data-disposition=\"False positive\"")
                .contains("a Kenyan farm cooperative, not the Cuban bank")
                .doesNotContain("id=\"" + form + "-form\"");
        String trail = after.substring(after.indexOf("id=\"case-audit\""));
        assertThat(trail.substring(0, trail.indexOf("</table>")))
                .as("the timeline from the audit log, newest first")
                .containsSubsequence("data-action=\"case.opened\"", "data-action=\"application.submitted\"")
                .contains("data-action=\"screening.screened\"");
        assertThat(officer.post(disposition, Map.of("disposition", "TRUE_MATCH", "reason", "changed my mind"))
                        .status())
                .isEqualTo(302);
        assertThat(officer.open(path).body()).as("a disposition is final").contains("a disposition is final");

        // A party that resembles a registered company under another spelling: separated on the case page.
        String suffix = letters();
        registry.register(
                officer(),
                new RegisteredCompany.Details(
                        CompanyName.of("Marlowe Quantum Systems " + suffix), null, List.of(), List.of(), List.of()));
        String resembling = aCaseOpened(
                submitted(new Party("Marlowe Quantum System " + suffix, null, "SA", null), "SA", "HGX H100", 625));
        String matchPath = "/cases/" + resembling;
        String matchPage = officer.open(matchPath).body();
        Matcher match = Pattern.compile("data-match=\"(\\d+)\"").matcher(matchPage);
        assertThat(match.find()).as("a possible same company on the case page").isTrue();
        String matchForm = "match-" + match.group(1);
        assertThat(matchPage).contains("Marlowe Quantum Systems " + suffix).contains("id=\"" + matchForm + "-form\"");
        String separate = matchPath + "/register-matches/" + match.group(1) + "/separate";
        assertThat(officer.post(separate, Map.of()).header("Location").orElseThrow())
                .endsWith("#" + matchForm + "-form");
        assertThat(officer.open(matchPath).body()).contains("id=\"" + matchForm + "-error-reason\"");
        assertThat(officer.post(separate, Map.of("reason", "another registration number"))
                        .status())
                .isEqualTo(302);
        assertThat(officer.open(matchPath).body())
                .contains("is a different company from the registered one")
                .contains("data-state=\"Separated\"")
                .contains("another registration number")
                .doesNotContain("id=\"" + matchForm + "-form\"");
    }

    // ---- helpers ----

    /** A unique company (the ultimate parent), so that filters find this test's cases only. */
    private static String aCompany() {
        return "Pages Co " + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A case of the demo exporter: an application submitted through the service, once its case opened. */
    private String aCase(String parent, String destination, long gb300) {
        return aCaseOpened(submitted(parent, destination, gb300));
    }

    private String submitted(String parent, String destination, long gb300) {
        return submitted(new Party(parent + " Cloud", parent, destination, null), destination, "GB300", gb300);
    }

    private String submitted(Party endUser, String destination, String item, long quantity) {
        CurrentUser exporter =
                users.currentUser(TestCallers.user(users, Role.APPLICANT).id()).orElseThrow();
        ApplicationContent content = new ApplicationContent(
                null,
                null,
                List.of(),
                null,
                endUser,
                destination,
                null,
                "AI training",
                null,
                List.of(new LineItem(item, null, quantity)),
                List.of());
        var draft = applications.create(exporter, content, null, "pages").application();
        return applications
                .submit(exporter, draft.id(), draft.version(), null)
                .application()
                .id()
                .toString();
    }

    /** Waits for the reaction to the submission to open the case. */
    private String aCaseOpened(String id) {
        CurrentUser officer =
                users.currentUser(TestCallers.user(users, Role.OFFICER).id()).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                cases.get(officer, ApplicationId.parse(id));
                return id;
            } catch (NotFoundException notYet) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no case opened for " + id + " within 15 s");
    }

    private void refer(String id, String agency) {
        WebSession officer = as("officer");
        String path = "/cases/" + id;
        officer.open(path);
        Http.Response referred =
                officer.post(path + "/referrals", Map.of("agencies", agency, "version", version(officer, path)));
        assertThat(referred.status()).isEqualTo(302);
    }

    /** The version the case page shows (and its forms carry). */
    private static String version(WebSession session, String path) {
        Matcher m = VERSION.matcher(session.open(path).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The queue's row of case {@code id}. */
    private static String row(String page, String id) {
        int start = page.indexOf("data-case=\"" + id + "\"");
        assertThat(start).as("case %s in the queue", id).isPositive();
        int from = page.lastIndexOf("<tr", start);
        return page.substring(from, page.indexOf("</tr>", start));
    }

    private static int rows(String page) {
        return page.split("data-case=\"", -1).length - 1;
    }

    /** The timeline's entries, newest first. */
    private static List<String> timeline(String page) {
        String table = page.substring(page.indexOf("id=\"case-timeline\""));
        table = table.substring(0, table.indexOf("</table>"));
        return Pattern.compile("<tr>\\s*<td class=\"gh-nowrap\">[^<]*</td>\\s*<td>[^<]*</td>\\s*<td>([^<]*)</td>")
                .matcher(table)
                .results()
                .map(r -> r.group(1))
                .toList();
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private long auditHead() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head")
                .query(Long.class)
                .single();
    }

    private CurrentUser officer() {
        return users.currentUser(TestCallers.user(users, Role.OFFICER).id()).orElseThrow();
    }

    /** Eight letters, unique to a run (company names whose canonical keys no other test shares). */
    private static String letters() {
        StringBuilder text = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            text.append((char) ('a' + Character.digit(c, 16)));
        }
        return text.toString();
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
