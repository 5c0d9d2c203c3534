package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.gatehouse.IntegrationTest;
import org.gatehouse.licensing.LicensingIntegrationTest;
import org.gatehouse.licensing.MovableClock;
import org.gatehouse.licensing.TestLicences;
import org.gatehouse.revenueshare.Quarter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Revenue share in a real headless Chromium, on a China H200 licence (REVENUE_SHARE 0.25): the exporter records a
 * shipment, the quarter ends (the injected clock moves), the exporter reports the quarter's revenue — first with a
 * figure that is not a number, answered beside the field — and sees the amount due at the licence's rate with the
 * revenue below the shipped value flagged; an officer records a remittance and the balance falls, and the
 * revenue-share page and the home page show it. Every page visited is checked with axe-core (no serious or critical
 * WCAG 2.1 AA violation); with {@code -Dgatehouse.screenshots=docs/screenshots} the licence's statement is photographed.
 */
@LicensingIntegrationTest
class RevenueShareBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MovableClock clock;

    private BrowserSession browser;

    @BeforeEach
    void startBrowser() {
        browser = BrowserSession.start(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void type(String name, String text) {
        WebElement field = browser.find("[name='" + name + "']");
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void theHolderReportsAQuartersRevenueAndAnOfficersRemittanceLowersTheBalance() {
        String number = TestLicences.issue(context, TestLicences.aDeal("CN", TestLicences.units("H200", 10)))
                .number();
        Quarter quarter = Quarter.of(LocalDate.now(clock));

        browser.signIn("exporter", IntegrationTest.DEMO_PASSWORD);
        browser.open("/licences/" + number);
        assertThat(browser.find("#revenue-rate").getText()).isEqualTo("0.25");
        assertThat(browser.find("#revenue-report-wait").getText()).contains("No quarter of this licence is over yet");
        type("lines[0].quantity", "2");
        type("lines[0].valueUsd", "100000");
        type("testReportSha256", "3c".repeat(32));
        browser.find("#ship-submit").click();
        browser.waitForText("#notice", "recorded: 2 × H200");

        // The quarter is over ten days later: its revenue may be reported.
        LocalDate day = quarter.lastDay().plusDays(10);
        clock.advance(Duration.between(clock.instant(), day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
        browser.open("/licences/" + number);
        new Select(browser.find("#revenue-report-quarter")).selectByValue(quarter.toString());
        type("revenueUsd", "eighty thousand");
        browser.find("#revenue-report-submit").click();
        browser.waitForText("#error-revenue-report-revenueUsd", "Must be a number");
        browser.check();
        assertThat(browser.find("#revenue-balance").getText()).isEqualTo("$0.00");

        type("revenueUsd", "80000.10");
        browser.find("#revenue-report-submit").click();
        browser.waitForText("#notice", "$20,000.02 due by");
        browser.check();
        assertThat(browser.find("#revenue-balance").getText()).isEqualTo("$20,000.02");
        String row = browser.find("#revenue-periods tr[data-quarter='" + quarter + "']")
                .getText();
        assertThat(row)
                .contains("$80,000.10")
                .contains("$100,000.00")
                .containsIgnoringCase("Revenue below shipped value"); // a tag: capitals
        browser.open("/licences/revenue-share");
        assertThat(browser.find("#accounts").getText()).contains(number).contains("$20,000.02");

        browser.signIn("officer", IntegrationTest.DEMO_PASSWORD);
        browser.open("/licences/" + number);
        new Select(browser.find("#revenue-remit-quarter")).selectByValue(quarter.toString());
        type("amountUsd", "15000.02");
        type("reference", "SWIFT CN-" + number);
        browser.find("#revenue-remit-submit").click();
        browser.waitForText("#notice", "Remittance of $15,000.02");
        browser.check();
        assertThat(browser.find("#revenue-balance").getText()).isEqualTo("$5,000.00");
        assertThat(browser.find("#revenue-remittances").getText()).contains("SWIFT CN-" + number);
        browser.screenshot("revenue-share");

        // Past the due day with $5,000.00 unpaid: overdue, in colour and in words, here and on the home page.
        clock.advance(Duration.ofDays(25));
        browser.open("/licences/" + number);
        assertThat(browser.find("#revenue-periods tr[data-quarter='" + quarter + "'] [data-status]")
                        .getText())
                .isEqualToIgnoringCase("Overdue: $5,000.00 unpaid");
        browser.open("/");
        assertThat(browser.find("#home-revenue-share").getText())
                .contains(number)
                .contains("Overdue");
        browser.open("/licences/revenue-share");
        assertThat(browser.find("#overdue").getText()).contains(number);
    }
}
