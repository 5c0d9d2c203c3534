package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.gatehouse.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tier-2 and tier-3 instruments in a real headless Chromium: a buyer requests a pre-approval with its disclosure
 * uploaded (the page shows the SHA-256 the server computed), an officer takes it into review, grants it and schedules
 * an inspection, the inspector records FINDINGS with a report, and the officer reads the demo agreement with its
 * tranches, shortfalls and allocation. Every page visited is checked with axe-core (no serious or critical WCAG 2.1 AA
 * violation); with {@code -Dgatehouse.screenshots=docs/screenshots} the pre-approval's and the agreement's pages are
 * photographed. See {@link BrowserSession} for how the browser is found and when these tests skip.
 */
@IntegrationTest
class InstrumentsBrowserTests {

    @LocalServerPort
    int port;

    private BrowserSession browser;

    @BeforeEach
    void startBrowser() {
        browser = BrowserSession.start(port);
    }

    @Test
    void aBuyerRequestsAnOfficerGrantsAndSchedulesAndTheInspectorRecordsFindings() throws Exception {
        byte[] disclosure = ("Falaj business model " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile("business-model-", ".pdf");
        Files.write(file, disclosure);
        String site = "Falaj AUH-" + UUID.randomUUID().toString().substring(0, 6);

        browser.signIn("buyer", IntegrationTest.DEMO_PASSWORD);
        assertThat(browser.find("#home-preapprovals h2").getText()).isEqualTo("Your pre-approvals");
        browser.open("/preapprovals");
        browser.find("#request-preapproval").click();
        browser.check();
        assertThat(browser.find("#request-company").getAttribute("value"))
                .as("a buyer asks for itself")
                .isEqualTo("Falaj Digital Infrastructure FZ-LLC");
        type("#request-ultimateParent", "Falaj Holding PJSC");
        type("#request-countries", "AE");
        type("[id='request-sites-0.name']", site);
        new Select(browser.find("[id='request-sites-0.country']")).selectByValue("AE");
        type("[id='request-sites-0.address']", "Plot 14, Khalifa Industrial Zone, Abu Dhabi");
        browser.find("#disclosureFile").sendKeys(file.toAbsolutePath().toString());
        browser.find("label[for='consent-yes']").click();
        browser.find("#send-request").click();
        browser.waitForText("#preapproval-state", "REQUESTED");
        assertThat(browser.find("#disclosure-sha256").getText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(disclosure)));
        browser.check();
        String page = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");

        browser.signIn("officer", IntegrationTest.DEMO_PASSWORD);
        assertThat(browser.find("#home-preapprovals h2").getText()).isEqualTo("Pre-approvals awaiting review");
        assertThat(browser.find("#home-tranches h2").getText()).isEqualTo("Overdue tranches");
        browser.open("/preapprovals?state=REQUESTED");
        browser.open(page);
        browser.find("#review").click();
        browser.waitForText("#preapproval-state", "UNDER_REVIEW");
        browser.check();
        type("#grant-conditions", "Quarterly utilization reports to the Bureau.");
        browser.find("#grant").click();
        browser.waitForText("#preapproval-state", "GRANTED");
        assertThat(browser.find("#notice").getText()).contains("granted");
        new Select(browser.find("#schedule-site")).selectByValue(site);
        type("#inspections-scheduledFor", LocalDate.now().toString());
        type("#inspections-inspector", "inspector");
        browser.find("#schedule").click();
        browser.waitForText("#notice", "was scheduled");
        browser.check();
        String inspection = browser.find("#inspections tbody a").getAttribute("href");

        browser.signIn("inspector", IntegrationTest.DEMO_PASSWORD);
        assertThat(browser.find("#home-inspections h2").getText()).isEqualTo("Your inspections due");
        browser.open("/inspections");
        browser.driver().get(inspection);
        browser.check();
        browser.find("label[for='outcome-FINDINGS']").click();
        type("#result-findings", "Two racks outside the declared cage; access log incomplete.");
        type("#result-remediationDueOn", LocalDate.now().plusDays(30).toString());
        Path report = Files.createTempFile("report-", ".pdf");
        Files.writeString(report, "inspection report " + site);
        browser.find("#reportFile").sendKeys(report.toAbsolutePath().toString());
        browser.find("#record").click();
        browser.waitForText("#inspection-outcome", "FINDINGS");
        assertThat(browser.find("#notice").getText()).contains("remediation is due by");
        browser.check();

        browser.signIn("officer", IntegrationTest.DEMO_PASSWORD);
        browser.open(page);
        assertThat(browser.find("#inspections").getText())
                .contains("FINDINGS")
                .contains("Two racks outside the declared cage");
        browser.screenshot("preapproval");

        browser.open("/inspections");
        browser.open("/agreements");
        WebElement demo = browser.driver().findElement(By.xpath("//table[@id='agreements']//th[text()='AE']/.."));
        demo.findElement(By.cssSelector("a")).click();
        browser.waitForText("#agreement-status", "IN_FORCE");
        assertThat(browser.find("#tranches").getText()).contains("$5,000,000,000.00");
        assertThat(browser.find("#allocation-remaining").getText()).contains("GB300e");
        browser.check();
        browser.screenshot("agreement");
        browser.open("/agreements/new");
    }

    @Test
    void aRefusedRequestNamesItsFieldsAndKeepsTheDisclosure() throws Exception {
        Path file = Files.createTempFile("business-model-", ".pdf");
        Files.writeString(file, "model");
        browser.signIn("buyer", IntegrationTest.DEMO_PASSWORD);
        browser.open("/preapprovals/new");
        type("#request-countries", "AE, XX");
        browser.find("#disclosureFile").sendKeys(file.toAbsolutePath().toString());
        browser.find("#send-request").click();
        browser.waitForText("#error-request-countries", "Entry 2");
        assertThat(browser.find("#request-countries").getAttribute("aria-describedby"))
                .contains("error-request-countries");
        assertThat(browser.find("#disclosure-kept").getText()).contains("SHA-256");
        browser.check();
    }

    private void type(String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }
}
