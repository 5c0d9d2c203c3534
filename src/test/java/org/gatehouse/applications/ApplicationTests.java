package org.gatehouse.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.applications.ApplicationFixtures.CREATED;
import static org.gatehouse.applications.ApplicationFixtures.LATER;
import static org.gatehouse.applications.ApplicationFixtures.aDeal;
import static org.gatehouse.applications.ApplicationFixtures.aDraft;
import static org.gatehouse.applications.ApplicationFixtures.aDraftOf;
import static org.gatehouse.applications.ApplicationFixtures.aSubmittedApplication;
import static org.gatehouse.applications.ApplicationFixtures.assessedAlone;
import static org.gatehouse.applications.ApplicationFixtures.shownWhole;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ConflictException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The application's life, without storage: each change checks state and version, moves, and records its event. */
class ApplicationTests {

    @Test
    void aNewDraftIsAtVersionOneAndUnstored() {
        Application draft = aDraft();

        assertThat(draft.state()).isEqualTo(ApplicationState.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.storedVersion()).isZero();
        assertThat(draft.registration()).isNull();
        assertThat(draft.holdsCompute()).isFalse();
        assertThat(draft.pullEvents()).isEmpty();
    }

    @Nested
    class Update {

        @Test
        void replacesTheContentOfADraftAndBumpsTheVersion() {
            Application draft = aDraft();

            draft.update(aDeal("AE", "GB300", 10), 1, LATER);

            assertThat(draft.content().destination()).isEqualTo("AE");
            assertThat(draft.version()).isEqualTo(2);
            assertThat(draft.updatedAt()).isEqualTo(LATER);
            assertThat(draft.createdAt()).isEqualTo(CREATED);
        }

        @Test
        void isRefusedAtAStaleVersion() {
            Application draft = aDraft();

            assertThatThrownBy(() -> draft.update(aDeal("AE", "GB300", 10), 7, LATER))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("is no longer at version 7");
            assertThat(draft.version()).isEqualTo(1);
        }

        @Test
        void isRefusedOnceSubmittedNamingTheState() {
            Application submitted = aSubmittedApplication();

            assertThatThrownBy(() -> submitted.update(aDeal("AE", "GB300", 10), 2, LATER))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessageStartingWith("cannot update an application in state SUBMITTED");
        }
    }

    @Nested
    class Submit {

        @Test
        void aLicensableDealGoesToReviewWithItsRegistrationAndEvent() {
            Application draft = aDraft();

            ApplicationState state = draft.submit(1L, assessedAlone(draft.id()), shownWhole(), LATER);

            assertThat(state).isEqualTo(ApplicationState.SUBMITTED);
            assertThat(draft.version()).isEqualTo(2);
            assertThat(draft.submittedAt()).isEqualTo(LATER);
            Registration registration = draft.registration();
            assertThat(registration.outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);
            assertThat(registration.tier()).isEqualTo(new Tier("T2"));
            assertThat(registration.reviewPath()).isEqualTo(ReviewPath.STANDARD);
            assertThat(registration.controlledTpp().value()).isEqualTo(5_000L * 15_832);
            assertThat(registration.policy().id()).isEqualTo("us-global-2026-draft");
            assertThat(registration.assessmentJson()).contains("\"tier\":\"T2\"");
            assertThat(draft.holdsCompute()).isTrue();
            assertThat(draft.pullEvents())
                    .containsExactly(new ApplicationSubmitted(
                            draft.id(),
                            draft.organizationId(),
                            ApplicationState.SUBMITTED,
                            Outcome.LICENSE_REQUIRED,
                            new Tier("T2"),
                            ReviewPath.STANDARD,
                            LATER));
            assertThat(draft.pullEvents()).as("events are handed over once").isEmpty();
        }

        @Test
        void aTierOneDealInAGeneralCountryIsExempt() {
            Application draft = aDraftOf(aDeal("KE", "GB300", 10));

            assertThat(draft.submit(null, assessedAlone(draft.id()), shownWhole(), LATER))
                    .isEqualTo(ApplicationState.EXEMPT);
            assertThat(draft.registration().outcome()).isEqualTo(Outcome.EXEMPT);
            assertThat(draft.holdsCompute()).isTrue();
        }

        @Test
        void aDomesticDealNeedsNoLicenceAndHoldsNoCompute() {
            Application draft = aDraftOf(aDeal("US", "GB300", 10));

            assertThat(draft.submit(null, assessedAlone(draft.id()), shownWhole(), LATER))
                    .isEqualTo(ApplicationState.RETURNED_WITHOUT_ACTION);
            assertThat(draft.registration().outcome()).isEqualTo(Outcome.NOT_CONTROLLED);
            assertThat(draft.holdsCompute()).isFalse();
        }

        @Test
        void aProhibitedDealIsSubmittedForAnOfficerToDenyAndHoldsNoCompute() {
            Application draft = aDraftOf(aDeal("IR", "GB300", 10));

            assertThat(draft.submit(null, assessedAlone(draft.id()), shownWhole(), LATER))
                    .isEqualTo(ApplicationState.SUBMITTED);
            assertThat(draft.registration().outcome()).isEqualTo(Outcome.PROHIBITED);
            assertThat(draft.registration().tier()).isNull();
            assertThat(draft.holdsCompute()).isFalse();
        }

        @Test
        void isNotAssessedWhenItCannotBeSubmitted() {
            Application submitted = aSubmittedApplication();
            AtomicBoolean assessed = new AtomicBoolean();

            assertThatThrownBy(() -> submitted.submit(
                            null,
                            content -> {
                                assessed.set(true);
                                return assessedAlone(submitted.id()).apply(content);
                            },
                            shownWhole(),
                            LATER))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessageStartingWith("cannot submit an application in state SUBMITTED");
            assertThat(assessed).isFalse();
        }

        @Test
        void isRefusedAtAStaleVersionBeforeAnythingChanges() {
            Application draft = aDraft();

            assertThatThrownBy(() -> draft.submit(2L, assessedAlone(draft.id()), shownWhole(), LATER))
                    .isInstanceOf(ConflictException.class);
            assertThat(draft.state()).isEqualTo(ApplicationState.DRAFT);
            assertThat(draft.registration()).isNull();
            assertThat(draft.pullEvents()).isEmpty();
        }
    }

    @Nested
    class Withdraw {

        @Test
        void aSubmittedApplicationIsWithdrawnWithItsEvent() {
            Application submitted = aSubmittedApplication();

            assertThat(submitted.withdraw(2, LATER)).isEqualTo(ApplicationState.WITHDRAWN);

            assertThat(submitted.version()).isEqualTo(3);
            assertThat(submitted.holdsCompute())
                    .as("what it reserved is to be released")
                    .isTrue();
            assertThat(submitted.pullEvents())
                    .containsExactly(new ApplicationWithdrawn(
                            submitted.id(), submitted.organizationId(), ApplicationState.SUBMITTED, LATER));
        }

        @Test
        void aDraftCannotBeWithdrawnOnlyDiscarded() {
            Application draft = aDraft();

            assertThatThrownBy(() -> draft.withdraw(1, LATER))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessage("cannot withdraw an application in state DRAFT; from DRAFT it may go to"
                            + " [SUBMITTED, RETURNED_WITHOUT_ACTION, EXEMPT, DISCARDED]");
        }

        @Test
        void aWithdrawnApplicationIsFinal() {
            Application submitted = aSubmittedApplication();
            submitted.withdraw(2, LATER);

            assertThatThrownBy(() -> submitted.withdraw(3, LATER))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessage("cannot withdraw an application in state WITHDRAWN (a final state)");
        }
    }

    @Nested
    class Discard {

        @Test
        void aDraftIsDiscardedAndKept() {
            Application draft = aDraft();

            assertThat(draft.discard(1, LATER)).isEqualTo(ApplicationState.DISCARDED);
            assertThat(draft.version()).isEqualTo(2);
            assertThat(draft.pullEvents()).isEmpty();
        }

        @Test
        void aSubmittedApplicationCannotBeDiscarded() {
            Application submitted = aSubmittedApplication();

            assertThatThrownBy(() -> submitted.discard(2, LATER))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessageStartingWith("cannot discard an application in state SUBMITTED");
        }
    }

    @ParameterizedTest
    @EnumSource(ApplicationState.class)
    void theTransitionTableNeverLeadsBackToADraft(ApplicationState state) {
        assertThat(state.next()).doesNotContain(ApplicationState.DRAFT);
        if (EnumSet.of(
                        ApplicationState.APPROVED,
                        ApplicationState.APPROVED_WITH_CONDITIONS,
                        ApplicationState.DENIED,
                        ApplicationState.RETURNED_WITHOUT_ACTION,
                        ApplicationState.WITHDRAWN,
                        ApplicationState.DISCARDED)
                .contains(state)) {
            assertThat(state.next()).as("%s is final", state).isEmpty();
        }
    }
}
