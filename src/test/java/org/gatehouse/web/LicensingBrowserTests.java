package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.IntegrationTest;
import org.gatehouse.licensing.TestLicences;
import org.gatehouse.trade.ApplicationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Licences and exemptions in a real headless Chromium: an exporter records a shipment and sees the remaining quantity
 * fall, an officer suspends the licence, and the exemption pages. Every page visited is checked with axe-core (no
 * serious or critical WCAG 2.1 AA violation); with {@code -Dgatehouse.screenshots=docs/screenshots} the licence list
 * and a licence's page are photographed. See {@link BrowserSession} for when these tests skip.
 */
@IntegrationTest
class LicensingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private BrowserSession browser;

    @BeforeEach
    void startBrowser() {
        browser = BrowserSession.start(port);
    }

    private void type(String name, String text) {
        WebElement field = browser.find("[name='" + name + "']");
        field.clear();
        field.sendKeys(text);
    }

    private String remainingOnLine1() {
        return browser.find("#line-1 [data-remaining] .text-bold").getText();
    }

    @Test
    void anExporterRecordsAShipmentAndAnOfficerSuspendsTheLicence() {
        TestLicences.Issued issued = TestLicences.issue(
                context, TestLicences.aDeal("SA", TestLicences.units("H100", 40), TestLicences.units("H20", 8)));

        browser.signIn("exporter", IntegrationTest.DEMO_PASSWORD);
        assertThat(browser.find("#home-licences").getText()).contains("Your licences");
        browser.open("/licences");
        assertThat(browser.find("#licences tbody").getText()).contains(issued.number());
        browser.screenshot("licences");

        browser.find("a[href='/licences/" + issued.number() + "']").click();
        browser.waitForText("h1", issued.number());
        browser.check();
        assertThat(remainingOnLine1()).isEqualTo("40");
        browser.screenshot("licence");

        // A first try with a quantity that is not a number is answered beside the field, nothing recorded.
        type("lines[0].quantity", "twelve");
        type("lines[0].valueUsd", "300000");
        browser.find("#ship-submit").click();
        browser.waitForText("[id='shipment-error-lines-0-quantity']", "Must be a number");
        browser.check();
        assertThat(remainingOnLine1()).isEqualTo("40");

        type("lines[0].quantity", "12");
        browser.find("#ship-submit").click();
        browser.waitForText("#notice", "recorded: 12 × H100");
        browser.check();
        assertThat(remainingOnLine1()).isEqualTo("28");
        assertThat(browser.find("#shipments tbody").getText()).contains("12 × H100");

        browser.signIn("officer", IntegrationTest.DEMO_PASSWORD);
        browser.open("/licences?destination=SA&sort=issued&dir=desc");
        assertThat(browser.find("#licences tbody").getText()).contains(issued.number());
        browser.open("/licences/" + issued.number());
        type("reason", "Site inspection found the chips outside the licensed site");
        browser.find("#suspend-submit").click();
        browser.waitForText("#licence-state", "SUSPENDED");
        browser.check();
        assertThat(browser.find("#notice").getText()).contains("is suspended");
        assertThat(browser.find("#versions tbody").getText()).contains("Site inspection found");
        assertThat(browser.findAll("#reinstate-submit")).hasSize(1);
        browser.screenshot("licence-suspended");

        browser.signIn("exporter", IntegrationTest.DEMO_PASSWORD);
        browser.open("/licences/" + issued.number());
        assertThat(browser.findAll("#ship-submit")).isEmpty();
        assertThat(browser.find("#no-shipment").getText()).contains("SUSPENDED");
    }

    @Test
    void anExporterNotifiesAShipmentOfAnExemption() {
        ApplicationId exemption = TestLicences.exemption(
                context, TestLicences.exporter(context), TestLicences.aDeal("KE", TestLicences.units("GB300", 4)));

        browser.signIn("exporter", IntegrationTest.DEMO_PASSWORD);
        browser.open("/exemptions");
        assertThat(browser.find("#exemptions tbody").getText()).contains("KE");
        browser.open("/exemptions/" + exemption);
        type("lines[0].quantity", "3");
        browser.find("#notify-submit").click();
        browser.waitForText("#notice", "notified: 3 × GB300");
        browser.check();
        assertThat(browser.find("#line-1 [data-remaining]").getText()).isEqualTo("1");
        assertThat(browser.find("#notifications tbody").getText()).contains("On time");

        browser.signIn("officer", IntegrationTest.DEMO_PASSWORD);
        browser.open("/exemptions?destination=KE");
        assertThat(browser.find("#exemptions tbody").getText()).contains("KE");
    }
}
