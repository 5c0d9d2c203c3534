package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.licensing.LicensingFixtures.NOW;
import static org.gatehouse.licensing.LicensingFixtures.TEST_REPORT;
import static org.gatehouse.licensing.LicensingFixtures.TODAY;
import static org.gatehouse.licensing.LicensingFixtures.VALID_UNTIL;
import static org.gatehouse.licensing.LicensingFixtures.aLicence;
import static org.gatehouse.licensing.LicensingFixtures.aLicenceIn;
import static org.gatehouse.licensing.LicensingFixtures.aShipment;
import static org.gatehouse.licensing.LicensingFixtures.aShipmentOn;
import static org.gatehouse.licensing.LicensingFixtures.aTestedShipment;
import static org.gatehouse.licensing.LicensingFixtures.shipped;
import static org.gatehouse.licensing.LicensingFixtures.units;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A licence's life, without storage: transitions, validity, drawdown, conditions and amendments. */
class LicenceTests {

    private static final LocalDate AFTER_VALIDITY = VALID_UNTIL.plusDays(1);

    @Test
    void aNewLicenceIsActiveAtVersionOneWithItsApplicationsLinesAndNothingShipped() {
        Licence licence = aLicence();

        assertThat(licence.state()).isEqualTo(LicenceState.ACTIVE);
        assertThat(licence.version()).isEqualTo(1);
        assertThat(licence.storedVersion()).isZero();
        assertThat(licence.lines().lines())
                .extracting(ItemLine::item, ItemLine::quantity, ItemLine::shipped, ItemLine::tppPerUnit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("H100", 100L, 0L, 15_832L),
                        org.assertj.core.groups.Tuple.tuple("HGX H100", 10L, 0L, 8 * 15_832L));
        assertThat(licence.lines().tpp()).isEqualTo(100 * 15_832L + 80 * 15_832L);
        assertThat(licence.number().value()).isEqualTo("GH-2026-000123");
    }

    @Nested
    class Transitions {

        /** Each change, applied at the version the fixture is stored at (3), on a day within validity. */
        static final Map<String, BiConsumer<Licence, LocalDate>> ACTIONS = Map.of(
                "suspend", (licence, day) -> licence.suspend(3, day, NOW),
                "reinstate", (licence, day) -> licence.reinstate(3, day, NOW),
                "revoke", (licence, day) -> licence.revoke(3, day, NOW),
                "amend", (licence, day) -> licence.amend(3, raiseLineOne(), day, VALID_UNTIL, NOW),
                "expire", (licence, day) -> licence.expire(AFTER_VALIDITY, NOW));

        /** Where each change may start from; every other state is refused. */
        static final Map<String, Set<LicenceState>> ALLOWED_FROM = Map.of(
                "suspend", EnumSet.of(LicenceState.ACTIVE),
                "reinstate", EnumSet.of(LicenceState.SUSPENDED),
                "revoke", EnumSet.of(LicenceState.ACTIVE, LicenceState.SUSPENDED),
                "amend", EnumSet.of(LicenceState.ACTIVE, LicenceState.SUSPENDED),
                "expire", EnumSet.of(LicenceState.ACTIVE, LicenceState.SUSPENDED));

        static Map<String, LicenceState> TARGETS = Map.of(
                "suspend", LicenceState.SUSPENDED,
                "reinstate", LicenceState.ACTIVE,
                "revoke", LicenceState.REVOKED,
                "expire", LicenceState.EXPIRED);

        static Stream<Arguments> everyStateAndChange() {
            return ACTIONS.keySet().stream()
                    .sorted()
                    .flatMap(action -> Stream.of(LicenceState.values()).map(state -> Arguments.of(action, state)));
        }

        @ParameterizedTest(name = "{0} from {1}")
        @MethodSource("everyStateAndChange")
        void eachChangeMovesFromTheStatesTheTableAllowsAndIsRefusedNamingTheStateFromEveryOther(
                String action, LicenceState from) {
            Licence licence = aLicenceIn(from);

            if (ALLOWED_FROM.get(action).contains(from)) {
                ACTIONS.get(action).accept(licence, TODAY);
                assertThat(licence.state()).isEqualTo(TARGETS.getOrDefault(action, from));
                assertThat(licence.version()).isEqualTo(4);
                assertThat(licence.updatedAt()).isEqualTo(NOW);
            } else {
                assertThatThrownBy(() -> ACTIONS.get(action).accept(licence, TODAY))
                        .isInstanceOf(LicenceTransitionException.class)
                        .hasMessageContaining("in state " + from);
                assertThat(licence.state()).isEqualTo(from);
                assertThat(licence.version()).isEqualTo(3);
            }
        }

        @Test
        void theTransitionTableHasNoWayOutOfAFinalState() {
            assertThat(LicenceState.REVOKED.next()).isEmpty();
            assertThat(LicenceState.EXPIRED.next()).isEmpty();
            assertThat(LicenceState.ACTIVE.next())
                    .containsExactlyInAnyOrder(LicenceState.SUSPENDED, LicenceState.REVOKED, LicenceState.EXPIRED);
            assertThat(LicenceState.SUSPENDED.next())
                    .containsExactlyInAnyOrder(LicenceState.ACTIVE, LicenceState.REVOKED, LicenceState.EXPIRED);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("officerChanges")
        void aChangeAtAStaleVersionIsRefusedAndChangesNothing(String action) {
            Licence licence = aLicenceIn(LicenceState.ACTIVE);

            assertThatThrownBy(() -> stale(action).accept(licence))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("is no longer at version 2");
            assertThat(licence.version()).isEqualTo(3);
            assertThat(licence.state()).isEqualTo(LicenceState.ACTIVE);
        }

        static Stream<String> officerChanges() {
            return Stream.of("suspend", "reinstate", "revoke", "amend");
        }

        private static java.util.function.Consumer<Licence> stale(String action) {
            return switch (action) {
                case "suspend" -> licence -> licence.suspend(2, TODAY, NOW);
                case "reinstate" -> licence -> licence.reinstate(2, TODAY, NOW);
                case "revoke" -> licence -> licence.revoke(2, TODAY, NOW);
                default -> licence -> licence.amend(2, raiseLineOne(), TODAY, VALID_UNTIL, NOW);
            };
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("officerChanges")
        void aLicencePastItsValidityRefusesChangesEvenBeforeTheJobRecordsItsExpiry(String action) {
            Licence licence = aLicenceIn(action.equals("reinstate") ? LicenceState.SUSPENDED : LicenceState.ACTIVE);

            assertThatThrownBy(() -> ACTIONS.get(action).accept(licence, AFTER_VALIDITY))
                    .isInstanceOf(LicenceTransitionException.class)
                    .hasMessageContaining("it expired, valid until " + VALID_UNTIL + " inclusive");
            assertThat(licence.version()).isEqualTo(3);
        }
    }

    @Nested
    class Expiry {

        @Test
        void theLastValidDayIsValidAndTheDayAfterIsNot() {
            Licence licence = aLicence();

            assertThat(licence.expiredOn(VALID_UNTIL)).isFalse();
            assertThat(licence.standing(VALID_UNTIL)).isEqualTo(LicenceState.ACTIVE);
            assertThat(licence.expiredOn(AFTER_VALIDITY)).isTrue();
            assertThat(licence.standing(AFTER_VALIDITY)).isEqualTo(LicenceState.EXPIRED);
            assertThat(licence.state()).as("standing is derived, not recorded").isEqualTo(LicenceState.ACTIVE);
        }

        @Test
        void aSuspendedLicenceStandsExpiredAfterItsValidityAndARevokedOneStaysRevoked() {
            assertThat(aLicenceIn(LicenceState.SUSPENDED).standing(AFTER_VALIDITY))
                    .isEqualTo(LicenceState.EXPIRED);
            assertThat(aLicenceIn(LicenceState.REVOKED).standing(AFTER_VALIDITY))
                    .isEqualTo(LicenceState.REVOKED);
        }

        @Test
        void theJobCannotExpireALicenceOnItsLastValidDay() {
            Licence licence = aLicence();

            assertThatThrownBy(() -> licence.expire(VALID_UNTIL, NOW))
                    .isInstanceOf(LicenceTransitionException.class)
                    .hasMessageContaining("valid until " + VALID_UNTIL + " inclusive");

            licence.expire(AFTER_VALIDITY, NOW);
            assertThat(licence.state()).isEqualTo(LicenceState.EXPIRED);
        }

        @Test
        void aLicenceCannotEndBeforeItBegins() {
            Licence.Issue valid = LicensingFixtures.issue(List.of(), LicensingFixtures.aDeal("SA", units("H100", 1)));

            assertThatThrownBy(() -> new Licence.Issue(
                            valid.number(),
                            valid.applicationId(),
                            valid.holder(),
                            valid.content(),
                            valid.policy(),
                            valid.tier(),
                            "{}",
                            "{}",
                            List.of(),
                            null,
                            "officer",
                            valid.issuedAt(),
                            valid.validFrom(),
                            valid.validFrom().minusDays(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot end before it");
        }
    }

    @Nested
    class Shipments {

        @Test
        void exactlyTheRemainingQuantityIsAcceptedAndLeavesNothing() {
            Licence licence = aLicence();

            Drawn drawn = licence.ship(aShipment(shipped("H100", 100)), TODAY);

            assertThat(drawn).isInstanceOf(Drawn.Accepted.class);
            assertThat(((Drawn.Accepted) drawn).tpp()).isEqualTo(100 * 15_832L);
            assertThat(licence.lines().line(1).remaining()).isZero();
            assertThat(licence.version())
                    .as("a shipment is not a change of terms")
                    .isEqualTo(1);
        }

        @Test
        void oneMoreThanRemainsIsRefusedNamingTheLineAndWhatRemainsAndDrawsNothing() {
            Licence licence = aLicence();
            licence.ship(aShipment(shipped("H100", 60)), TODAY);

            Drawn drawn = licence.ship(aShipment(shipped("H100", 41)), TODAY);

            assertThat(drawn)
                    .isEqualTo(new Drawn.Refused(List.of(new Refusal(
                            Refusal.Kind.QUANTITY,
                            "lines[0].quantity",
                            "41 H100 reported, but only 40 remain on licence GH-2026-000123"))));
            assertThat(licence.lines().line(1).shipped()).isEqualTo(60);
        }

        @Test
        void twoLinesOfOneItemInOneReportCountTogether() {
            Licence licence = aLicence();

            Drawn drawn = licence.ship(aShipment(shipped("H100", 70), shipped("h100 ", 31)), TODAY);

            assertThat(drawn).isInstanceOf(Drawn.Refused.class);
            assertThat(((Drawn.Refused) drawn).refusals())
                    .extracting(Refusal::field)
                    .containsExactly("lines[1].quantity");
        }

        @Test
        void anItemOnSeveralLinesIsDrawnFromTheFirstUntilItIsUsedUp() {
            Licence licence = aLicence(List.of(), units("H100", 5), units("GB300", 3), units("H100", 5));

            Drawn drawn = licence.ship(aShipment(shipped("H100", 7)), TODAY);

            assertThat(((Drawn.Accepted) drawn).drawdowns())
                    .extracting(Drawdown::line, Drawdown::quantity)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, 5L), org.assertj.core.groups.Tuple.tuple(3, 2L));
            assertThat(licence.lines().line(3).remaining()).isEqualTo(3);
        }

        @Test
        void anItemNotOnTheLicenceIsRefusedNamingTheLicencesItems() {
            Licence licence = aLicence();

            Drawn drawn = licence.ship(aShipment(shipped("GB300", 1), shipped("H100", 1)), TODAY);

            assertThat(((Drawn.Refused) drawn).refusals())
                    .containsExactly(new Refusal(
                            Refusal.Kind.INPUT,
                            "lines[0].item",
                            "GB300 is not on licence GH-2026-000123; its items are H100, HGX H100"));
            assertThat(licence.lines().shippedTpp()).isZero();
        }

        @Test
        void anItemThatIsNotControlledIsDrawnDownWithoutCompute() {
            Licence licence = aLicence(List.of(), units("H100", 10), units("H20", 10));

            Drawn drawn = licence.ship(aShipment(shipped("H20", 4)), TODAY);

            assertThat(((Drawn.Accepted) drawn).tpp()).isZero();
            assertThat(licence.lines().line(2).shipped()).isEqualTo(4);
        }

        @Test
        void aFutureOrPreIssueShipmentDateIsRefused() {
            Licence licence = aLicence();

            assertThat(((Drawn.Refused) licence.ship(aShipmentOn(TODAY.plusDays(1), shipped("H100", 1)), TODAY))
                            .refusals())
                    .extracting(Refusal::field, Refusal::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("shippedOn", Refusal.Kind.INPUT));
            assertThat(((Drawn.Refused) licence.ship(
                                    aShipmentOn(LicensingFixtures.ISSUED_ON.minusDays(1), shipped("H100", 1)), TODAY))
                            .refusals()
                            .getFirst()
                            .reason())
                    .contains("before licence GH-2026-000123 was issued on 2026-11-03");
        }

        @Test
        void aShipmentOnTheLastValidDayIsAcceptedAndOneReportedTheDayAfterIsRefusedAsExpired() {
            Licence licence = aLicence();

            assertThat(licence.ship(aShipmentOn(VALID_UNTIL, shipped("H100", 1)), VALID_UNTIL))
                    .isInstanceOf(Drawn.Accepted.class);
            Drawn late = licence.ship(aShipmentOn(VALID_UNTIL, shipped("H100", 1)), AFTER_VALIDITY);

            assertThat(((Drawn.Refused) late).refusals())
                    .containsExactly(new Refusal(
                            Refusal.Kind.STATE,
                            "",
                            "licence GH-2026-000123 expired: it was valid until 2030-11-02 inclusive; no shipment may"
                                    + " be reported against it"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.gatehouse.licensing.LicenceTests#notActive")
        void aLicenceThatIsNotActiveRefusesEveryShipmentForThatReasonAlone(LicenceState state, String reason) {
            Licence licence = aLicenceIn(state);

            Drawn drawn = licence.ship(aShipment(shipped("GB300", 1_000_000)), TODAY);

            assertThat(((Drawn.Refused) drawn).refusals()).singleElement().satisfies(refusal -> {
                assertThat(refusal.kind()).isEqualTo(Refusal.Kind.STATE);
                assertThat(refusal.reason()).contains(reason);
            });
        }
    }

    static Stream<Arguments> notActive() {
        return Stream.of(
                Arguments.of(LicenceState.SUSPENDED, "is suspended"),
                Arguments.of(LicenceState.REVOKED, "was revoked"),
                Arguments.of(LicenceState.EXPIRED, "expired"));
    }

    @Nested
    class Conditions {

        private final List<LicenceCondition> testedInTheUs =
                List.of(new LicenceCondition(Requirement.THIRD_PARTY_TESTING_US, Map.of()));

        @Test
        void underThirdPartyTestingUsAShipmentWithoutItsTestReportIsRefusedNamingTheField() {
            Licence licence = aLicence(testedInTheUs, units("H200", 50));

            Drawn drawn = licence.ship(aShipment(shipped("H200", 5)), TODAY);

            assertThat(((Drawn.Refused) drawn).refusals()).singleElement().satisfies(refusal -> {
                assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INPUT);
                assertThat(refusal.field()).isEqualTo("testReportSha256");
                assertThat(refusal.reason()).contains("THIRD_PARTY_TESTING_US");
            });
            assertThat(licence.lines().shippedTpp()).isZero();
        }

        @Test
        void underThirdPartyTestingUsAShipmentWithItsTestReportIsAccepted() {
            Licence licence = aLicence(testedInTheUs, units("H200", 50));

            assertThat(licence.ship(aTestedShipment(shipped("H200", 5)), TODAY)).isInstanceOf(Drawn.Accepted.class);
        }

        @Test
        void withoutTheConditionNoTestReportIsNeededAndOtherConditionsDoNotGateShipments() {
            Licence licence = aLicence(
                    List.of(
                            new LicenceCondition(Requirement.REVENUE_SHARE, Map.of("rate", "0.25")),
                            new LicenceCondition(Requirement.KYC_REMOTE_ACCESS_CONTROLS, Map.of())),
                    units("H200", 50));

            assertThat(licence.ship(aShipment(shipped("H200", 5)), TODAY)).isInstanceOf(Drawn.Accepted.class);
        }

        @Test
        void aMissingTestReportAndAnOverdrawAreNamedTogether() {
            Licence licence = aLicence(testedInTheUs, units("H200", 50));

            Drawn drawn = licence.ship(aShipment(shipped("H200", 51)), TODAY);

            assertThat(((Drawn.Refused) drawn).refusals())
                    .extracting(Refusal::field)
                    .containsExactly("testReportSha256", "lines[0].quantity");
            assertThat(Refusals.of(((Drawn.Refused) drawn).refusals()))
                    .as("a report that does not fit is invalid input, quantities named with it")
                    .isInstanceOf(InvalidInputException.class);
            assertThat(TEST_REPORT).hasSize(64);
        }
    }

    @Nested
    class Amendments {

        @Test
        void raisingALineReportsTheIncreaseAndItsComputeForReassessment() {
            Licence licence = aLicence();

            Amended amended = licence.amend(1, raiseLineOne(), TODAY, VALID_UNTIL, NOW);

            assertThat(amended.increases()).containsExactly(new Amended.Increase(1, 20));
            assertThat(amended.increasedTpp()).isEqualTo(20 * 15_832L);
            assertThat(amended.decreasedTpp()).isZero();
            assertThat(amended.before().lines().getFirst().quantity()).isEqualTo(100);
            assertThat(licence.lines().line(1).quantity()).isEqualTo(120);
            assertThat(licence.version()).isEqualTo(2);
        }

        @Test
        void loweringALineToWhatWasShippedReleasesTheRestAndBelowItIsRefusedNamingTheField() {
            Licence licence = aLicence();
            licence.ship(aShipment(shipped("HGX H100", 4)), TODAY);

            Amended amended = licence.amend(
                    1,
                    new Amendment(List.of(new AmendedLine(2, 4)), null, null, "the buyer needs fewer"),
                    TODAY,
                    VALID_UNTIL,
                    NOW);
            assertThat(amended.decreasedTpp()).isEqualTo(6 * 8 * 15_832L);
            assertThat(amended.increases()).isEmpty();

            assertThatThrownBy(() -> licence.amend(
                            2,
                            new Amendment(List.of(new AmendedLine(2, 3)), null, null, "fewer still"),
                            TODAY,
                            VALID_UNTIL,
                            NOW))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(org.gatehouse.trade.FieldProblem::field)
                                    .containsExactly("lines[0].quantity"))
                    .hasMessageContaining("4 HGX H100 have already been shipped on line 2");
            assertThat(licence.version()).isEqualTo(2);
        }

        @Test
        void aLineThatDoesNotExistOrAValidityOutsideThePolicysIsRefusedNamingEachField() {
            Licence licence = aLicence();

            assertThatThrownBy(() -> licence.amend(
                            1,
                            new Amendment(List.of(new AmendedLine(3, 1)), VALID_UNTIL.plusDays(1), null, "longer"),
                            TODAY,
                            VALID_UNTIL,
                            NOW))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(org.gatehouse.trade.FieldProblem::field)
                                    .containsExactly("lines[0].line", "validUntil"));
            assertThatThrownBy(() -> licence.amend(
                            1, new Amendment(List.of(), TODAY.minusDays(1), null, "shorter"), TODAY, VALID_UNTIL, NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("must be today (" + TODAY + ") or later");
        }

        @Test
        void anAmendmentThatChangesNothingIsRefused() {
            Licence licence = aLicence();

            assertThatThrownBy(() -> licence.amend(
                            1,
                            new Amendment(List.of(new AmendedLine(1, 100)), null, null, "same"),
                            TODAY,
                            VALID_UNTIL,
                            NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("changes nothing");
        }

        @Test
        void anAmendmentNamesWhatItChangesAndWhy() {
            assertThatThrownBy(() -> new Amendment(List.of(), null, null, "nothing"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("changes nothing");
            assertThatThrownBy(() -> new Amendment(List.of(new AmendedLine(1, 2)), null, null, " "))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(org.gatehouse.trade.FieldProblem::field)
                                    .containsExactly("reason"));
            assertThatThrownBy(() ->
                            new Amendment(List.of(new AmendedLine(1, 2), new AmendedLine(1, 3)), null, null, "twice"))
                    .hasMessageContaining("names line 1 more than once");
        }
    }

    static Amendment raiseLineOne() {
        return new Amendment(List.of(new AmendedLine(1, 120)), null, null, "a second hall");
    }
}
