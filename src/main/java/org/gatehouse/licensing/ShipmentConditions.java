package org.gatehouse.licensing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.policy.Requirement;

/**
 * The licence conditions that a shipment must satisfy when it is reported, each a small named rule that answers a
 * refusal or nothing. Conditions that govern other things (revenue share, remote-access controls) have no rule here.
 */
public final class ShipmentConditions {

    private ShipmentConditions() {}

    /** A rule of one condition. */
    @FunctionalInterface
    interface Rule {
        Optional<Refusal> check(ShipmentReport report);
    }

    /** Every refusal that the conditions of a licence give {@code report}. */
    public static List<Refusal> refusals(List<LicenceCondition> conditions, ShipmentReport report) {
        List<Refusal> refusals = new ArrayList<>(1);
        for (LicenceCondition condition : conditions) {
            rule(condition.code()).flatMap(rule -> rule.check(report)).ifPresent(refusals::add);
        }
        return refusals;
    }

    private static Optional<Rule> rule(Requirement code) {
        return switch (code) {
            case THIRD_PARTY_TESTING_US -> Optional.of(ShipmentConditions::testedInTheUs);
            default -> Optional.empty();
        };
    }

    /**
     * THIRD_PARTY_TESTING_US (the January 2026 China rule): each shipment is tested by a third party in the United
     * States before it leaves, so its report names the test report by its SHA-256.
     */
    static Optional<Refusal> testedInTheUs(ShipmentReport report) {
        if (report.testReportSha256() != null) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(
                Refusal.Kind.INPUT,
                "testReportSha256",
                "is required: the licence's condition THIRD_PARTY_TESTING_US needs the SHA-256 of the US third-party"
                        + " test report of this shipment"));
    }
}
