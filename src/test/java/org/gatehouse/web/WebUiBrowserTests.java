package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.NewUser;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web UI in a real headless Chromium, as people use it: signing in as each role, the live preview of the deal
 * check, filing and submitting an application, the national compute charts, the policy lab, the auditor's
 * verification and changing one's password. Every page visited is checked with axe-core (no serious or critical
 * WCAG 2.1 AA violation); with {@code -Dgatehouse.screenshots=docs/screenshots} the main pages are photographed. See
 * {@link BrowserSession} for how the browser is found and when these tests skip.
 */
@IntegrationTest
class WebUiBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    ApplicationService applications;

    private BrowserSession browser;

    @BeforeEach
    void startBrowser() {
        browser = BrowserSession.start(port);
    }

    @Test
    void eachRoleSignsInToItsOwnHome() {
        browser.signIn("exporter", IntegrationTest.DEMO_PASSWORD);
        assertThat(navigation())
                .containsExactly(
                        "Home", "Check a deal", "Applications", "Cases", "Licences", "Exemptions", "Pre-approvals");
        assertThat(browser.find("#signed-in-as").getText())
                .contains("Erin Castellano")
                .contains("Veridian");
        assertThat(browser.find("#home-drafts h2").getText()).isEqualTo("Your drafts");
        assertThat(browser.find("#home-submissions h2").getText()).isEqualTo("Your recent submissions");
        browser.screenshot("home-exporter");

        browser.signIn("officer", IntegrationTest.DEMO_PASSWORD);
        assertThat(navigation())
                .containsExactly(
                        "Home",
                        "Check a deal",
                        "Applications",
                        "Cases",
                        "Licences",
                        "Exemptions",
                        "Pre-approvals",
                        "Inspections",
                        "Agreements",
                        "National compute",
                        "Policy lab");
        assertThat(browser.find("#home-compute h2").getText()).isEqualTo("National compute");
        assertThat(browser.find("#home-submissions h2").getText()).isEqualTo("Latest submissions");
        browser.screenshot("home-officer");

        browser.signIn("state", IntegrationTest.DEMO_PASSWORD);
        assertThat(navigation()).containsExactly("Home", "Cases", "National compute", "Policy lab");
        assertThat(browser.findAll("#home-submissions"))
                .as("agencies see referred cases only")
                .isEmpty();

        browser.signIn("auditor", IntegrationTest.DEMO_PASSWORD);
        assertThat(navigation())
                .containsExactly(
                        "Home",
                        "Applications",
                        "Cases",
                        "Licences",
                        "Exemptions",
                        "Pre-approvals",
                        "Inspections",
                        "Agreements",
                        "National compute",
                        "Policy lab",
                        "Audit log");

        browser.signIn("admin", IntegrationTest.DEMO_PASSWORD);
        assertThat(navigation()).containsExactly("Home");
        assertThat(browser.find("#home-accounts").getText())
                .contains("organizations")
                .contains("enabled accounts");
        browser.screenshot("home-admin");

        browser.signIn("buyer", IntegrationTest.DEMO_PASSWORD);
        assertThat(browser.find("#me-roles").getText()).isEqualTo("BUYER");
    }

    @Test
    void theDealCheckPreviewFollowsTheLines() {
        browser.signIn("exporter", IntegrationTest.DEMO_PASSWORD);
        browser.open("/assess");
        String parent = "Preview Holdings " + UUID.randomUUID().toString().substring(0, 8);
        type("endUser.name", "Preview Cloud");
        type("endUser.ultimateParent", parent);
        new Select(browser.find("#destination")).selectByValue("SA");
        type("endUse", "AI training");
        type("lines[0].item", "GB300");
        type("lines[0].quantity", "100");
        browser.waitForText("#assessment-tier", "T1");
        assertThat(browser.find("#assessment-outcome-code").getText()).isEqualTo("LICENSE_REQUIRED");

        WebElement quantity = browser.driver().findElement(By.name("lines[0].quantity"));
        quantity.clear();
        quantity.sendKeys("5000");
        browser.waitForText("#assessment-tier", "T2");
        assertThat(browser.find("#assessment-requirements").getText()).contains("BUYER_PREAPPROVAL");
        browser.check();
        browser.screenshot("check-a-deal");

        quantity.clear();
        quantity.sendKeys("1.5");
        browser.waitForText("[id='error-lines-0-quantity']", "Must be a whole number, got 1.5.");
        assertThat(quantity.getAttribute("aria-describedby")).contains("error-lines-0-quantity");

        browser.find("[data-add-row='lines']").click();
        assertThat(browser.findAll("[name='lines[1].item']")).hasSize(1);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("name"))
                .isEqualTo("lines[1].item");
        browser.findAll("[data-remove-row]").get(1).click();
        assertThat(browser.findAll("[name='lines[1].item']")).isEmpty();
        browser.check();
    }

    @Test
    void theKeyboardAloneReachesTheContentAndAddsLines() {
        browser.signIn("exporter", IntegrationTest.DEMO_PASSWORD);
        browser.open("/assess");
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.driver().switchTo().activeElement();
        assertThat(skip.getAttribute("textContent")).isEqualTo("Skip to main content");
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("main-content");

        WebElement add = browser.find("[data-add-row='lines']");
        add.sendKeys(Keys.ENTER);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("name"))
                .as("focus moves to the new line")
                .isEqualTo("lines[1].item");
        focused.sendKeys("GB300", Keys.TAB, "10");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("name"))
                .isEqualTo("lines[1].quantity");
        browser.check();
    }

    @Test
    void anExporterFilesAndSubmitsAnApplication() {
        browser.signIn("exporter", IntegrationTest.DEMO_PASSWORD);
        browser.open("/applications");
        browser.find("a[href='/applications/new']").click();
        browser.check();
        String reference = "Browser " + UUID.randomUUID().toString().substring(0, 8);
        type("reference", reference);
        type("endUser.name", "Falaj Cloud");
        type("endUser.ultimateParent", "Falaj Holdings " + reference);
        new Select(browser.find("[id='endUser.country']")).selectByValue("AE");
        new Select(browser.find("#destination")).selectByValue("AE");
        type("deploymentSite", "Abu Dhabi, campus 2");
        type("endUse", "Training large language models");
        type("valueUsd", "125000000.00");
        type("lines[0].item", "GB300");
        type("lines[0].quantity", "2000");
        browser.find("[data-add-row='documents']").click();
        type("documents[0].name", "contract.pdf");
        type("documents[0].mediaType", "application/pdf");
        type("documents[0].sizeBytes", "48213");
        type("documents[0].sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        browser.find("form.usa-form button[type=submit]").click();
        browser.waitForText("#application-state", "DRAFT");
        browser.check();
        browser.screenshot("application-draft");

        browser.find("#submit-application").click();
        browser.waitForText("#notice", "submitted");
        assertThat(browser.find("#application-state").getText()).isEqualTo("SUBMITTED");
        assertThat(browser.find("#assessment-tier").getText()).isEqualTo("T2");
        browser.check();
        browser.screenshot("application-submitted");

        browser.open("/applications?sort=created&dir=desc");
        assertThat(browser.find("#applications tbody").getText()).contains(reference);
        browser.screenshot("applications");
    }

    @Test
    void nationalComputeShowsItsCharts() {
        aSubmittedApplication("AE", 1500);
        aSubmittedApplication("SA", 25_000);
        browser.signIn("officer", IntegrationTest.DEMO_PASSWORD);
        browser.open("/compute");
        assertThat(browser.findAll("#countries-table tbody tr")).isNotEmpty();
        if (!browser.findAll("#countries-chart").isEmpty()) {
            browser.waitFor(d -> Boolean.TRUE.equals(browser.script(
                    "return !!window.Chart && !!Chart.getChart(document.getElementById('countries-chart'))")));
        }
        browser.screenshot("national-compute");
        String first = browser.find("#countries-table tbody tr a").getAttribute("href");
        browser.open(first.substring(first.indexOf("/compute/")));
        assertThat(browser.find("#line-text").getText())
                .contains("more than 200000 GB300e")
                .contains("T3");
        browser.waitFor(d -> Boolean.TRUE.equals(
                browser.script("return !!Chart.getChart(document.getElementById('companies-chart'))")));
        assertThat(browser.find("#companies-table").getText()).contains("below it");
        browser.screenshot("national-compute-country");
    }

    @Test
    void thePolicyLabComparesAnUploadedFile() {
        browser.signIn("officer", IntegrationTest.DEMO_PASSWORD);
        browser.open("/lab");
        browser.find("#file")
                .sendKeys(Path.of("src/test/resources/deals/public-deals.csv")
                        .toAbsolutePath()
                        .toString());
        browser.find("label[for='policy-us-global-2026-draft-alt']").click();
        browser.find("#compare").click();
        browser.waitForText("#results", "Summary");
        assertThat(browser.findAll("[data-policy]")).hasSize(2);
        assertThat(browser.findAll("#comparison-rows tbody tr")).hasSize(7);
        browser.check();
        browser.screenshot("policy-lab");
    }

    @Test
    void anAuditorVerifiesTheChain() {
        browser.signIn("auditor", IntegrationTest.DEMO_PASSWORD);
        browser.open("/audit");
        assertThat(browser.findAll("#audit-events tbody tr")).isNotEmpty();
        browser.screenshot("audit-log");
        browser.find("#verify-chain").click();
        browser.waitForText("#verification", "The chain verifies");
        browser.check();
        browser.screenshot("audit-verified");
    }

    @Test
    void aPersonChangesTheirPassword() {
        String name = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        User user = users.create(
                TestCallers.SYSTEM,
                new NewUser(
                        new Username(name),
                        new DisplayName("Pat Browser"),
                        TestCallers.user(users, Role.BUYER).organizationId(),
                        Set.of(Role.BUYER),
                        new Password("first password 1")));
        browser.signIn(user.username().value(), "first password 1");
        browser.find("a[href='/account/password']").click();
        browser.check();
        type("currentPassword", "not my password");
        type("newPassword", "second password 2");
        type("confirmation", "second password 2");
        browser.find("form.usa-form button[type=submit]").click();
        browser.waitForText("#error-currentPassword", "Is not your current password.");
        browser.check();
        browser.screenshot("change-password");

        type("currentPassword", "first password 1");
        type("newPassword", "second password 2");
        type("confirmation", "second password 2");
        browser.find("form.usa-form button[type=submit]").click();
        browser.waitForText("#password-changed", "Your password has been changed.");

        browser.signIn(user.username().value(), "second password 2");
        assertThat(browser.find("#signed-in-as").getText()).contains("Pat Browser");
    }

    /** An application of the demo exporter, submitted through the service, so that the ledger holds its compute. */
    private void aSubmittedApplication(String destination, long gb300) {
        CurrentUser exporter =
                users.currentUser(TestCallers.user(users, Role.APPLICANT).id()).orElseThrow();
        ApplicationContent content = new ApplicationContent(
                null,
                null,
                List.of(),
                null,
                new Party(
                        "Chart Cloud",
                        "Chart Holdings " + UUID.randomUUID().toString().substring(0, 6),
                        destination,
                        null),
                destination,
                null,
                "AI training",
                null,
                List.of(new LineItem("GB300", null, gb300)),
                List.of());
        var draft = applications.create(exporter, content, null, "chart").application();
        applications.submit(exporter, draft.id(), draft.version(), null);
    }

    private List<String> navigation() {
        return browser.findAll(".usa-nav__primary .usa-nav-link").stream()
                .map(e -> e.getAttribute("textContent").strip())
                .toList();
    }

    private void type(String name, String text) {
        WebElement field = browser.driver().findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }
}
