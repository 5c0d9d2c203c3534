package org.gatehouse.preapproval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.preapproval.PreApprovalFixtures.NOW;
import static org.gatehouse.preapproval.PreApprovalFixtures.TODAY;
import static org.gatehouse.preapproval.PreApprovalFixtures.aCase;
import static org.gatehouse.preapproval.PreApprovalFixtures.aGranted;
import static org.gatehouse.preapproval.PreApprovalFixtures.aRequest;
import static org.gatehouse.preapproval.PreApprovalFixtures.aRequested;

import java.util.List;
import org.gatehouse.cases.Evidence;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A pre-approval's life without storage: each transition checks state and version and refuses the rest. */
class PreApprovalTests {

    @Test
    void aRequestIsReviewedThenGrantedWithItsValidity() {
        PreApproval p = aRequested();
        assertThat(p.state()).isEqualTo(PreApprovalState.REQUESTED);
        assertThat(p.version()).isEqualTo(1);

        p.review(1, "officer", NOW);
        p.grant("reports", TODAY.plusDays(1), TODAY.plusMonths(6), TODAY, 2, "officer", NOW);

        assertThat(p.state()).isEqualTo(PreApprovalState.GRANTED);
        assertThat(p.version()).isEqualTo(3);
        assertThat(p.validFrom()).isEqualTo(TODAY.plusDays(1));
        assertThat(p.validUntil()).isEqualTo(TODAY.plusMonths(6));
        assertThat(p.changedBy()).isEqualTo("officer");
    }

    @Test
    void suspensionReinstatementAndRevocationFollowTheTable() {
        PreApproval p = aGranted();
        p.suspend("audit pending", TODAY, 3, "officer", NOW);
        assertThat(p.state()).isEqualTo(PreApprovalState.SUSPENDED);
        assertThat(p.standing(TODAY).active()).isFalse();
        p.reinstate("audit done", TODAY, 4, "officer", NOW);
        assertThat(p.state()).isEqualTo(PreApprovalState.REINSTATED);
        assertThat(p.standing(TODAY).active()).isTrue();
        p.revoke("misuse", TODAY, 5, "officer", NOW);
        assertThat(p.state()).isEqualTo(PreApprovalState.REVOKED);
        assertThat(p.reason()).isEqualTo("misuse");

        assertThatThrownBy(() -> p.reinstate("again", TODAY, 6, "officer", NOW))
                .isInstanceOf(PreApprovalTransitionException.class)
                .hasMessage("cannot reinstate a pre-approval in state REVOKED (a final state)");
    }

    @Test
    void aFailedInspectionSuspendsOnlyAnActivePreApproval() {
        PreApproval p = aGranted();
        assertThat(p.suspendForFailedInspection("failed", TODAY, "inspector", NOW))
                .isTrue();
        assertThat(p.state()).isEqualTo(PreApprovalState.SUSPENDED);
        assertThat(p.suspendForFailedInspection("failed again", TODAY, "inspector", NOW))
                .isFalse();
        assertThat(p.reason()).isEqualTo("failed");
    }

    @Test
    void pastItsValidityItStandsExpiredAndRefusesChangesUntilTheJobRecordsIt() {
        PreApproval p = aGranted();
        var after = p.validUntil().plusDays(1);

        assertThat(p.standing(p.validUntil())).isEqualTo(PreApprovalState.GRANTED);
        assertThat(p.standing(after)).isEqualTo(PreApprovalState.EXPIRED);
        assertThatThrownBy(() -> p.suspend("x", after, 3, "officer", NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("expired after " + p.validUntil());
        assertThatThrownBy(() -> p.expire(p.validUntil(), "system", NOW)).isInstanceOf(ConflictException.class);
        p.expire(after, "system", NOW);
        assertThat(p.state()).isEqualTo(PreApprovalState.EXPIRED);
    }

    @Nested
    class Refusals {

        @Test
        void aStaleVersionChangesNothing() {
            PreApproval p = aRequested();
            assertThatThrownBy(() -> p.review(4, "officer", NOW))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("no longer at version 4");
            assertThat(p.state()).isEqualTo(PreApprovalState.REQUESTED);
            assertThat(p.version()).isEqualTo(1);
        }

        @Test
        void aGrantEndingBeforeTodayOrLongerThanFiveYearsIsRefused() {
            PreApproval p = aRequested();
            p.review(1, "officer", NOW);
            assertThatThrownBy(() -> p.grant(null, TODAY.minusYears(1), TODAY.minusDays(1), TODAY, 2, "o", NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("validUntil: must not be before today");
            assertThatThrownBy(() -> p.grant(null, TODAY, TODAY.plusYears(5).plusDays(1), TODAY, 2, "o", NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("at most 5 years");
            assertThat(p.state()).isEqualTo(PreApprovalState.UNDER_REVIEW);
        }

        @ParameterizedTest
        @EnumSource(
                value = PreApprovalState.class,
                names = {"DENIED", "REVOKED", "EXPIRED"})
        void aFinalStateGoesNowhere(PreApprovalState state) {
            assertThat(state.next()).isEmpty();
        }

        @Test
        void aSiteOutsideTheCountriesCoveredOrNamedTwiceIsRefusedByField() {
            var base = aRequest(true, "SA");
            assertThatThrownBy(() -> new PreApprovalRequest(
                            base.company(),
                            base.ultimateParent(),
                            base.countries(),
                            List.of(
                                    new Site("A", org.gatehouse.trade.CountryCode.of("AE"), "x"),
                                    new Site("B", org.gatehouse.trade.CountryCode.of("SA"), "y"),
                                    new Site("b", org.gatehouse.trade.CountryCode.of("SA"), "z")),
                            base.disclosure(),
                            true,
                            base.validFrom(),
                            base.validUntil()))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .extracting(org.gatehouse.trade.FieldProblem::field)
                            .containsExactly("sites[0].country", "sites[2].name"));
        }
    }

    @Nested
    class Coverage {

        @Test
        void aGrantedPreApprovalOfTheParentInTheDestinationIsEvidenceForAllThree() {
            PreApproval p = aGranted();
            var facts = aCase("public  investment FUND", "SA", TODAY.plusDays(10));

            for (Requirement code : PreApprovalCoverage.ANSWERS) {
                assertThat(PreApprovalCoverage.evidence(code, facts, List.of(p)))
                        .as(code.name())
                        .isInstanceOf(Evidence.Present.class);
            }
        }

        @Test
        void noCandidateOrAnotherParentIsMissingNamingTheKey() {
            var facts = aCase("Other Fund", "SA", TODAY);

            Evidence none = PreApprovalCoverage.evidence(Requirement.BUYER_PREAPPROVAL, facts, List.of());

            assertThat(none).isInstanceOf(Evidence.Missing.class);
            assertThat(((Evidence.Missing) none).why())
                    .isEqualTo("no pre-approval is recorded for ultimate parent 'Other Fund' (key 'other fund') in SA");
        }

        @Test
        void aSuspendedExpiredOrNotYetValidPreApprovalIsMissingSayingWhy() {
            PreApproval suspended = aGranted();
            suspended.suspend("site audit", TODAY, 3, "officer", NOW);
            PreApproval granted = aGranted();

            assertThat(why(suspended, TODAY)).contains("is SUSPENDED since", "site audit");
            assertThat(why(granted, granted.validUntil().plusDays(1)))
                    .contains("EXPIRED: its validity ended on " + granted.validUntil());
            assertThat(why(granted, TODAY.minusDays(1))).contains("is valid only from " + TODAY);
        }

        @Test
        void consentIsMissingWhenTheCoveringPreApprovalWasAskedWithoutIt() {
            PreApproval p = PreApproval.request(
                    PreApprovalId.random(),
                    new org.gatehouse.trade.OrganizationId(java.util.UUID.randomUUID()),
                    org.gatehouse.identity.Role.BUYER,
                    "buyer",
                    aRequest(false, "SA", "AE"),
                    NOW);
            p.review(1, "officer", NOW);
            p.grant(null, TODAY, TODAY.plusYears(1), TODAY, 2, "officer", NOW);
            var facts = aCase("Public Investment Fund", "AE", TODAY);

            assertThat(PreApprovalCoverage.evidence(Requirement.BUYER_PREAPPROVAL, facts, List.of(p)))
                    .isInstanceOf(Evidence.Present.class);
            assertThat(PreApprovalCoverage.evidence(Requirement.SITE_INSPECTION_CONSENT, facts, List.of(p)))
                    .isInstanceOf(Evidence.Missing.class);
        }

        private String why(PreApproval p, java.time.LocalDate day) {
            Evidence e = PreApprovalCoverage.evidence(
                    Requirement.BUYER_PREAPPROVAL, aCase("Public Investment Fund", "SA", day), List.of(p));
            assertThat(e).isInstanceOf(Evidence.Missing.class);
            return ((Evidence.Missing) e).why();
        }
    }

    @Nested
    class Inspections {

        @Test
        void findingsNeedTextAndARemediationDateAfterTheInspection() {
            assertThatThrownBy(() -> Inspection.Result.of(
                            TODAY, InspectionOutcome.FINDINGS, null, "f".repeat(64), TODAY, TODAY, "inspector", NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .extracting(org.gatehouse.trade.FieldProblem::field)
                            .containsExactly("findings", "remediationDueOn"));
        }

        @Test
        void anInspectionIsRecordedOnceAndOnlyForALivePreApproval() {
            PreApproval p = aGranted();
            Inspection i = Inspection.schedule(
                    InspectionId.random(), p, p.site("riyadh-1"), TODAY, "inspector", TODAY, "officer", NOW);
            i.record(
                    Inspection.Result.of(
                            TODAY, InspectionOutcome.SATISFACTORY, null, "f".repeat(64), null, TODAY, "inspector", NOW),
                    1);
            assertThat(i.state()).isEqualTo(InspectionState.RECORDED);
            assertThatThrownBy(() -> i.record(i.result(), 2))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("RECORDED already");

            PreApproval requested = aRequested();
            assertThatThrownBy(() -> Inspection.schedule(
                            InspectionId.random(),
                            requested,
                            requested.site("Riyadh-1"),
                            TODAY,
                            "inspector",
                            TODAY,
                            "officer",
                            NOW))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("state REQUESTED");
        }
    }
}
