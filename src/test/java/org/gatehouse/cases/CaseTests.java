package org.gatehouse.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.cases.CaseFixtures.EO_12981;
import static org.gatehouse.cases.CaseFixtures.aCase;
import static org.gatehouse.cases.CaseFixtures.aTier2Case;
import static org.gatehouse.cases.CaseFixtures.allPresent;
import static org.gatehouse.cases.CaseFixtures.day;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.identity.Agency;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The review workflow without storage: each step checks state and version, appends its event, refuses others. */
class CaseTests {

    @Test
    void aNewCaseIsInReviewUnassignedWithItsOpeningRecorded() {
        Case review = aTier2Case();

        assertThat(review.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(review.version()).isEqualTo(1);
        assertThat(review.assignee()).isNull();
        assertThat(review.pullAppended()).singleElement().isInstanceOf(CaseEvent.Opened.class);
    }

    @Test
    void historyRebuildsTheSameCase() {
        Case review = aTier2Case();
        review.assign("officer", 1, "officer", day(1));
        review.refer(Set.of(Agency.STATE, Agency.DEFENSE), "dual use", 2, "officer", day(2));
        review.recommend(Agency.STATE, Recommendation.APPROVE, "fine", "state", day(3));
        review.hold("Site plan?", LocalDate.of(2026, 10, 30), 4, "officer", day(4));

        Case restored = Case.restore(
                review.applicationId(), review.applicant(), review.subject(), review.version(), review.history());

        assertThat(restored.state()).isEqualTo(CaseState.HELD_WITHOUT_ACTION);
        assertThat(restored.assignee()).isEqualTo("officer");
        assertThat(restored.referrals().keySet()).containsExactly(Agency.STATE, Agency.DEFENSE);
        assertThat(restored.referrals().get(Agency.STATE).answered()).isTrue();
        assertThat(restored.hold().question()).isEqualTo("Site plan?");
        assertThat(restored.version()).isEqualTo(5);
        assertThat(restored.pullAppended()).isEmpty();
        restored.answer("Here.", "exporter", day(5));
        assertThat(restored.state()).as("back where it was held from").isEqualTo(CaseState.REFERRED);
    }

    @Nested
    class Refusals {

        @Test
        void aStaleVersionChangesNothing() {
            Case review = aTier2Case();

            assertThatThrownBy(() -> review.assign("officer", 7, "officer", day(1)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("no longer at version 7");
            assertThat(review.version()).isEqualTo(1);
        }

        @Test
        void aHeldCaseCannotBeReferredOrDecided() {
            Case review = aTier2Case();
            review.hold("?", LocalDate.of(2026, 10, 30), 1, "officer", day(1));

            assertThatThrownBy(() -> review.refer(Set.of(Agency.STATE), null, 2, "officer", day(2)))
                    .isInstanceOf(CaseTransitionException.class)
                    .hasMessage("cannot refer a case in state HELD_WITHOUT_ACTION; from HELD_WITHOUT_ACTION it may go"
                            + " to [IN_REVIEW, REFERRED, RETURNED_WITHOUT_ACTION, WITHDRAWN]");
            assertThatThrownBy(() -> review.decide(
                            Decision.DENIED, "no", null, List.of(), EO_12981, 2, "officer", day(2), () -> null))
                    .isInstanceOf(CaseTransitionException.class)
                    .hasMessageStartingWith("cannot decide a case in state HELD_WITHOUT_ACTION");
        }

        @ParameterizedTest
        @EnumSource(
                value = CaseState.class,
                names = {"RETURNED_WITHOUT_ACTION", "WITHDRAWN", "DECIDED"})
        void aClosedCaseRefusesEveryStep(CaseState closed) {
            Case review = closed(closed);
            long v = review.version();

            assertThatThrownBy(() -> review.assign("officer", v, "o", day(50)))
                    .isInstanceOf(CaseTransitionException.class);
            assertThatThrownBy(() -> review.refer(Set.of(Agency.STATE), null, v, "o", day(50)))
                    .isInstanceOf(CaseTransitionException.class);
            assertThatThrownBy(() -> review.hold("?", LocalDate.of(2027, 1, 1), v, "o", day(50)))
                    .isInstanceOf(CaseTransitionException.class);
            assertThatThrownBy(() -> review.answer("!", "x", day(50))).isInstanceOf(CaseTransitionException.class);
            assertThatThrownBy(() -> review.returnWithoutAction("r", v, "o", day(50)))
                    .isInstanceOf(CaseTransitionException.class)
                    .hasMessageContaining("(a final state)");
            assertThatThrownBy(() -> review.withdraw("x", day(50))).isInstanceOf(CaseTransitionException.class);
            assertThatThrownBy(() -> review.decide(
                            Decision.DENIED, "no", null, List.of(), EO_12981, v, "o", day(50), () -> null))
                    .isInstanceOf(CaseTransitionException.class);
            assertThat(review.version()).isEqualTo(v);
        }

        @Test
        void anAgencyAnswersOnlyWhatWasReferredToItAndOnce() {
            Case review = aTier2Case();
            review.refer(Set.of(Agency.STATE), null, 1, "officer", day(1));

            assertThatThrownBy(() -> review.recommend(Agency.ENERGY, Recommendation.DENY, "no", "energy", day(2)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("the case is not referred to ENERGY");
            review.recommend(Agency.STATE, Recommendation.APPROVE, "ok", "state", day(2));
            assertThatThrownBy(() -> review.recommend(Agency.STATE, Recommendation.DENY, "no", "state", day(3)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageStartingWith("STATE already recommended APPROVE");
            assertThatThrownBy(() -> review.refer(Set.of(Agency.STATE), null, 3, "officer", day(3)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("the case is already referred to [STATE]");
        }

        @Test
        void onlyTheCasesRequirementsTakeDocuments() {
            Case review = aTier2Case();

            assertThatThrownBy(() -> review.fileDocument(Requirement.G2G_AGREEMENT, null, "exporter", day(1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("G2G_AGREEMENT is not a requirement of this case");
        }
    }

    @Nested
    class Approval {

        @Test
        void isRefusedNamingEachMissingRequirementAndNoLicenceIsIssued() {
            Case review = aTier2Case();
            AtomicInteger issued = new AtomicInteger();
            List<Evidence> evidence = List.of(
                    new Evidence.Missing(Requirement.BUYER_PREAPPROVAL, "no granted pre-approval"),
                    new Evidence.Present(Requirement.BUSINESS_MODEL_DISCLOSURE, "doc"),
                    new Evidence.Missing(Requirement.SITE_INSPECTION_CONSENT, "no document"));

            assertThatThrownBy(() -> review.decide(
                            Decision.APPROVED, "ok", null, evidence, EO_12981, 1, "officer", day(5), () -> {
                                issued.incrementAndGet();
                                return "GH-1";
                            }))
                    .isInstanceOfSatisfying(
                            ApprovalRefusedException.class,
                            e -> assertThat(e.reasons())
                                    .containsExactly(
                                            "BUYER_PREAPPROVAL: no granted pre-approval",
                                            "SITE_INSPECTION_CONSENT: no document"));
            assertThat(issued).hasValue(0);
            assertThat(review.state()).isEqualTo(CaseState.IN_REVIEW);
        }

        @Test
        void waitsForEveryReferredAgencyUntilItsClockRunsOut() {
            Case review = aTier2Case();
            review.refer(Set.of(Agency.DEFENSE), null, 1, "officer", day(1));

            assertThat(review.approvalRefusals(allPresent(review), EO_12981, day(20)))
                    .singleElement()
                    .asString()
                    .startsWith("DEFENSE has not recommended yet");
            assertThat(review.approvalRefusals(allPresent(review), EO_12981, day(31).plusSeconds(1)))
                    .as("silence after 30 days is no objection")
                    .isEmpty();
        }

        @Test
        void aRaisedFlagBlocksApprovalUntilAnOfficerClearsIt() {
            Case review = aTier2Case();

            assertThat(review.flag(
                            "inspection:42",
                            "INSPECTION_FAILED",
                            "the buyer's site failed inspection",
                            "system",
                            day(2)))
                    .isTrue();
            assertThat(review.flag("inspection:42", "INSPECTION_FAILED", "again", "system", day(3)))
                    .as("raising it again changes nothing")
                    .isFalse();
            assertThat(review.approvalRefusals(allPresent(review), EO_12981, day(4)))
                    .containsExactly("flag INSPECTION_FAILED is raised: the buyer's site failed inspection"
                            + " (an officer clears it)");

            review.clearFlag("inspection:42", "re-inspected: satisfactory", 2, "officer", day(5));

            assertThat(review.flags()).isEmpty();
            assertThat(review.approvalRefusals(allPresent(review), EO_12981, day(6)))
                    .isEmpty();
            assertThatThrownBy(() -> review.clearFlag("inspection:42", "again", 3, "officer", day(7)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageStartingWith("the case has no raised flag 'inspection:42'");
        }

        @Test
        void aProhibitedDealIsNeverApproved() {
            Case review = aCase(Outcome.PROHIBITED, List.of());

            assertThat(review.approvalRefusals(List.of(), EO_12981, day(1)))
                    .containsExactly("the assessment's outcome is PROHIBITED: no licence can be granted");
        }

        @Test
        void recordsTheLicenceItBecame() {
            Case review = aTier2Case();

            review.decide(
                    Decision.APPROVED_WITH_CONDITIONS,
                    "meets the requirements",
                    "quarterly site reports",
                    allPresent(review),
                    EO_12981,
                    1,
                    "officer",
                    day(30),
                    () -> "GH-2026-000001");

            assertThat(review.state()).isEqualTo(CaseState.DECIDED);
            assertThat(review.decision().licenceNumber()).isEqualTo("GH-2026-000001");
            assertThat(review.decision().conditions()).isEqualTo("quarterly site reports");
        }
    }

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void theTransitionTableNeverReopensACase(CaseState state) {
        if (state != CaseState.HELD_WITHOUT_ACTION) {
            assertThat(state.next())
                    .as("only an answered hold goes back to review")
                    .doesNotContain(CaseState.IN_REVIEW);
        }
        if (EnumSet.of(CaseState.RETURNED_WITHOUT_ACTION, CaseState.WITHDRAWN, CaseState.DECIDED)
                .contains(state)) {
            assertThat(state.next()).isEmpty();
            assertThat(state.open()).isFalse();
        } else {
            assertThat(state.open()).isTrue();
        }
    }

    private static Case closed(CaseState state) {
        Case review = aTier2Case();
        switch (state) {
            case RETURNED_WITHOUT_ACTION -> review.returnWithoutAction("incomplete", 1, "officer", day(2));
            case WITHDRAWN -> review.withdraw("exporter", day(2));
            case DECIDED ->
                review.decide(Decision.DENIED, "no", null, List.of(), EO_12981, 1, "officer", day(2), () -> null);
            default -> throw new IllegalArgumentException(state.name());
        }
        return review;
    }
}
