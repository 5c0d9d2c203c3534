package org.gatehouse.licensing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;

/** Licences, exemptions and reports for plain tests: small, valid, and named for what they are. */
final class LicensingFixtures {

    static final Instant ISSUED_AT = Instant.parse("2026-11-03T10:00:00Z");
    static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 3);
    /** Four years from the issue, the day before its anniversary: the last valid day. */
    static final LocalDate VALID_UNTIL = LocalDate.of(2030, 11, 2);

    static final LocalDate TODAY = LocalDate.of(2027, 2, 1);
    static final Instant NOW = Instant.parse("2027-02-01T12:00:00Z");
    static final OrganizationId HOLDER = new OrganizationId(UUID.randomUUID());
    static final PolicyRef POLICY = new PolicyRef("us-global-2026-draft", "1", "ab".repeat(32));
    static final String TEST_REPORT = "cd".repeat(32);

    private LicensingFixtures() {}

    /** An application's content: the given lines for a company's end user in {@code destination}. */
    static ApplicationContent aDeal(String destination, LineItem... lines) {
        return new ApplicationContent(
                "PO-7",
                new Party("Humain Cloud", "Public Investment Fund", destination, null),
                List.of(),
                null,
                new Party("Humain Cloud", "Public Investment Fund", destination, null),
                destination,
                "Riyadh campus",
                "AI training",
                null,
                List.of(lines),
                List.of());
    }

    static LineItem units(String item, long quantity) {
        return new LineItem(item, null, quantity);
    }

    /** An active licence, version 1, for 100 H100 (line 1) and 10 HGX H100 (line 2) to Saudi Arabia. */
    static Licence aLicence() {
        return aLicence(List.of(), units("H100", 100), units("HGX H100", 10));
    }

    static Licence aLicence(List<LicenceCondition> conditions, LineItem... lines) {
        return Licence.issue(issue(conditions, aDeal("SA", lines)));
    }

    static Licence.Issue issue(List<LicenceCondition> conditions, ApplicationContent content) {
        return new Licence.Issue(
                LicenceNumber.of(2026, 123),
                ApplicationId.random(),
                HOLDER,
                content,
                POLICY,
                new Tier("T2"),
                "{}",
                "{}",
                conditions,
                null,
                "officer",
                ISSUED_AT,
                ISSUED_ON,
                VALID_UNTIL);
    }

    /** The same licence as stored in {@code state}, at version 3. */
    static Licence aLicenceIn(LicenceState state) {
        Licence licence = aLicence();
        return Licence.restore(
                licence.issued(),
                state,
                3,
                ISSUED_AT,
                new LicenceTerms(state, VALID_UNTIL, null, licence.lines().lines()));
    }

    static ShipmentLine shipped(String item, long quantity) {
        return new ShipmentLine(item, quantity, new BigDecimal("25000.00").multiply(BigDecimal.valueOf(quantity)));
    }

    static ShipmentReport aShipment(ShipmentLine... lines) {
        return aShipmentOn(TODAY, lines);
    }

    static ShipmentReport aShipmentOn(LocalDate shippedOn, ShipmentLine... lines) {
        return new ShipmentReport(shippedOn, List.of(lines), null, null);
    }

    static ShipmentReport aTestedShipment(ShipmentLine... lines) {
        return new ShipmentReport(TODAY, List.of(lines), TEST_REPORT, "AWB 123");
    }

    /** An exemption registered on {@link #ISSUED_AT} for 40 GB300, 365 days to ship, 30 to notify. */
    static Exemption anExemption() {
        return Exemption.register(
                ApplicationId.random(),
                HOLDER,
                aDeal("FR", units("GB300", 40)),
                POLICY,
                new Tier("T1"),
                ISSUED_AT,
                365,
                30);
    }

    static NotificationReport aNotification(LocalDate shippedOn, String item, long quantity) {
        return new NotificationReport(shippedOn, List.of(new NotificationLine(item, quantity)), null);
    }
}
