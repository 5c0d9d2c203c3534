package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.licensing.LicensingFixtures.ISSUED_ON;
import static org.gatehouse.licensing.LicensingFixtures.NOW;
import static org.gatehouse.licensing.LicensingFixtures.aNotification;
import static org.gatehouse.licensing.LicensingFixtures.anExemption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A tier-1 exemption's periods and notifications, without storage. */
class ExemptionTests {

    @Nested
    class Periods {

        @Test
        void shipmentsMayLeaveForTheLapsePeriodAndTheExemptionLapsesOnceTheirNotificationPeriodIsOver() {
            Exemption exemption = anExemption();

            assertThat(exemption.registration().registeredOn()).isEqualTo(ISSUED_ON);
            assertThat(exemption.shipBy()).isEqualTo(ISSUED_ON.plusDays(365));
            assertThat(exemption.lapsesOn()).isEqualTo(ISSUED_ON.plusDays(365 + 30 + 1));
            assertThat(exemption.lapsedOn(exemption.lapsesOn().minusDays(1))).isFalse();
            assertThat(exemption.lapsedOn(exemption.lapsesOn())).isTrue();
            assertThat(exemption.standing(exemption.lapsesOn())).isEqualTo(ExemptionState.LAPSED);
            assertThat(exemption.state()).isEqualTo(ExemptionState.OPEN);
        }

        @Test
        void theRegistrationDayIsTheUtcDayOfTheSubmission() {
            Exemption lateEvening = Exemption.register(
                    ApplicationId.random(),
                    LicensingFixtures.HOLDER,
                    LicensingFixtures.aDeal("FR", LicensingFixtures.units("GB300", 1)),
                    LicensingFixtures.POLICY,
                    null,
                    Instant.parse("2026-12-31T23:59:59Z"),
                    1,
                    1);

            assertThat(lateEvening.registration().registeredOn()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(lateEvening.shipBy()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(lateEvening.lapsesOn()).isEqualTo(LocalDate.of(2027, 1, 3));
        }

        @Test
        void aNotificationIsOnTimeUpToItsDueDayAndLateFromTheDayAfter() {
            Exemption exemption = anExemption();
            LocalDate shipped = ISSUED_ON.plusDays(10);

            assertThat(exemption.dueOn(shipped)).isEqualTo(shipped.plusDays(30));
            assertThat(exemption.isLate(shipped, shipped.plusDays(30))).isFalse();
            assertThat(exemption.isLate(shipped, shipped.plusDays(31))).isTrue();
        }

        @Test
        void periodsOutsideThePolicySchemasBoundsAreRefused() {
            assertThatThrownBy(() -> Exemption.register(
                            ApplicationId.random(),
                            LicensingFixtures.HOLDER,
                            LicensingFixtures.aDeal("FR", LicensingFixtures.units("GB300", 1)),
                            LicensingFixtures.POLICY,
                            null,
                            NOW,
                            0,
                            30))
                    .hasMessageContaining("exemption lapse days must be 1..3650");
            assertThatThrownBy(() -> Exemption.register(
                            ApplicationId.random(),
                            LicensingFixtures.HOLDER,
                            LicensingFixtures.aDeal("FR", LicensingFixtures.units("GB300", 1)),
                            LicensingFixtures.POLICY,
                            null,
                            NOW,
                            365,
                            366))
                    .hasMessageContaining("notification days must be 1..365");
        }
    }

    @Nested
    class Notifications {

        @Test
        void partialNotificationsDrawTheExemptionDownAndTheLastOneCompletesIt() {
            Exemption exemption = anExemption();
            LocalDate shipped = ISSUED_ON.plusDays(5);

            assertThat(exemption.notifyShipment(aNotification(shipped, "GB300", 15), shipped.plusDays(1), NOW))
                    .isInstanceOf(Drawn.Accepted.class);
            assertThat(exemption.state()).isEqualTo(ExemptionState.OPEN);
            Drawn last = exemption.notifyShipment(aNotification(shipped, "GB300", 25), shipped.plusDays(2), NOW);

            assertThat(((Drawn.Accepted) last).tpp()).isEqualTo(25 * 60_000L);
            assertThat(exemption.state()).isEqualTo(ExemptionState.COMPLETED);
            assertThat(exemption.version()).isEqualTo(3);
            Drawn more = exemption.notifyShipment(aNotification(shipped, "GB300", 1), shipped.plusDays(3), NOW);
            assertThat(((Drawn.Refused) more).refusals().getFirst().reason()).contains("has been notified already");
        }

        @Test
        void aLateNotificationIsAcceptedAndCounted() {
            Exemption exemption = anExemption();
            LocalDate shipped = ISSUED_ON.plusDays(5);

            Drawn drawn = exemption.notifyShipment(aNotification(shipped, "GB300", 1), shipped.plusDays(31), NOW);

            assertThat(drawn).isInstanceOf(Drawn.Accepted.class);
            assertThat(exemption.lateNotifications()).isEqualTo(1);
        }

        @Test
        void aShipmentAfterTheLastShippingDayOrBeforeTheRegistrationIsRefused() {
            Exemption exemption = anExemption();

            Drawn after = exemption.notifyShipment(
                    aNotification(exemption.shipBy().plusDays(1), "GB300", 1),
                    exemption.shipBy().plusDays(2),
                    NOW);
            Drawn before = exemption.notifyShipment(aNotification(ISSUED_ON.minusDays(1), "GB300", 1), ISSUED_ON, NOW);

            assertThat(((Drawn.Refused) after).refusals().getFirst().reason())
                    .contains("the last day a shipment under this exemption could leave");
            assertThat(((Drawn.Refused) before).refusals().getFirst().reason())
                    .contains("before the exemption was registered");
            assertThat(exemption.lines().shippedTpp()).isZero();
        }

        @Test
        void aShipmentOnTheLastShippingDayMayBeNotifiedUntilTheDayBeforeTheLapseAndNotOnIt() {
            Exemption exemption = anExemption();
            NotificationReport lastDay = aNotification(exemption.shipBy(), "GB300", 1);

            Drawn onLapseDay = exemption.notifyShipment(lastDay, exemption.lapsesOn(), NOW);
            Drawn dayBefore =
                    exemption.notifyShipment(lastDay, exemption.lapsesOn().minusDays(1), NOW);

            assertThat(((Drawn.Refused) onLapseDay).refusals())
                    .singleElement()
                    .satisfies(refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.STATE));
            assertThat(dayBefore).isInstanceOf(Drawn.Accepted.class);
            assertThat(exemption.lateNotifications())
                    .as("due 30 days after the shipment: on time")
                    .isZero();
        }

        @Test
        void anItemNotExemptedOrMoreThanRemainsIsRefused() {
            Exemption exemption = anExemption();
            LocalDate shipped = ISSUED_ON.plusDays(1);

            Drawn drawn = exemption.notifyShipment(
                    new NotificationReport(
                            shipped, List.of(new NotificationLine("H100", 1), new NotificationLine("GB300", 41)), null),
                    shipped,
                    NOW);

            assertThat(((Drawn.Refused) drawn).refusals())
                    .extracting(Refusal::field, Refusal::kind)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("lines[0].item", Refusal.Kind.INPUT),
                            org.assertj.core.groups.Tuple.tuple("lines[1].quantity", Refusal.Kind.QUANTITY));
        }
    }

    @Nested
    class Lapse {

        @Test
        void anOpenExemptionLapsesOnItsLapseDayAndNotBefore() {
            Exemption exemption = anExemption();

            assertThatThrownBy(() -> exemption.lapse(exemption.lapsesOn().minusDays(1), NOW))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("lapses on " + exemption.lapsesOn());
            exemption.lapse(exemption.lapsesOn(), NOW);

            assertThat(exemption.state()).isEqualTo(ExemptionState.LAPSED);
            assertThatThrownBy(() -> exemption.lapse(exemption.lapsesOn(), NOW))
                    .hasMessageContaining("in state LAPSED");
        }

        @Test
        void aWithdrawnApplicationClosesAnOpenOrCompletedExemptionButNotALapsedOne() {
            Exemption open = anExemption();
            Exemption lapsed = anExemption();
            lapsed.lapse(lapsed.lapsesOn(), NOW);

            assertThat(open.withdraw(NOW)).isTrue();
            assertThat(open.state()).isEqualTo(ExemptionState.WITHDRAWN);
            assertThat(open.withdraw(NOW)).as("already final").isFalse();
            assertThat(lapsed.withdraw(NOW)).isFalse();
            assertThat(lapsed.state()).isEqualTo(ExemptionState.LAPSED);
        }
    }
}
