package org.gatehouse.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.cases.CaseFacts;
import org.gatehouse.cases.Evidence;
import org.gatehouse.policy.Requirement;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Usd;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** An agreement's life and standing without storage: in force, commitments, tranches and what a case may rely on. */
class AgreementTests {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 1);
    static final Instant NOW = Instant.parse("2026-10-01T09:00:00Z");

    /** An agreement with Qatar: pledge $1,000,000,000.00, two tranches of $400,000,000.00 and $600,000,000.00. */
    static Agreement anAgreement(LocalDate firstDue, LocalDate secondDue) {
        return Agreement.draft(
                AgreementId.random(),
                AgreementTerms.of("QA", "US–Qatar AI compact", List.of("US", "QA")),
                new InvestmentCommitment(Usd.of("1000000000"), BigDecimal.ONE, Usd.of("900000000")),
                Allocation.of(300_000, 60_000),
                List.of("no transfers to D:5 end users"),
                List.of(
                        new Agreement.TrancheTerms(firstDue, Usd.of("400000000")),
                        new Agreement.TrancheTerms(secondDue, Usd.of("600000000"))),
                "officer",
                NOW);
    }

    /** Signed and in force (version 3) from {@code inForce}. */
    static Agreement inForce(LocalDate inForce, LocalDate firstDue, LocalDate secondDue) {
        Agreement a = anAgreement(firstDue, secondDue);
        a.sign(inForce.minusDays(10), TODAY, 1, "officer", NOW);
        a.enterIntoForce(inForce, 2, "officer", NOW);
        return a;
    }

    @Test
    void anAgreementInForceWithNothingDueIsInGoodStanding() {
        Agreement a = inForce(TODAY.minusDays(5), TODAY.plusDays(30), TODAY.plusDays(90));

        Standing s = a.standing(TODAY);

        assertThat(s.good()).isTrue();
        assertThat(s.reasons()).isEmpty();
        assertThat(a.version()).isEqualTo(3);
    }

    @Test
    void aTrancheDueAndNotRealizedInFullIsAShortfallInDollarsNamingTheTranche() {
        Agreement a = inForce(TODAY.minusDays(60), TODAY.minusDays(1), TODAY.plusDays(90));
        a.realize(1, Usd.of("150000000.50"), TODAY.minusDays(2), "b".repeat(64), TODAY, 3, "officer", NOW);

        Standing s = a.standing(TODAY);

        assertThat(s.good()).isFalse();
        assertThat(s.shortfalls()).singleElement().satisfies(f -> {
            assertThat(f.tranche()).isEqualTo(1);
            assertThat(f.missing()).isEqualTo(Usd.of("249999999.50"));
        });
        assertThat(s.reasons())
                .containsExactly("tranche 1 due " + TODAY.minusDays(1)
                        + " ($400,000,000.00) is realized $150,000,000.50: $249,999,999.50 short");
        assertThat(a.standing(TODAY.minusDays(1)).shortfalls())
                .as("due on the day itself counts")
                .hasSize(1);
        assertThat(a.standing(TODAY.minusDays(2)).shortfalls()).isEmpty();
    }

    @Test
    void realizingTheRestRestoresGoodStandingButNoMoreThanTheTrancheLacks() {
        Agreement a = inForce(TODAY.minusDays(60), TODAY.minusDays(1), TODAY.plusDays(90));
        a.realize(1, Usd.of("150000000"), TODAY, "b".repeat(64), TODAY, 3, "officer", NOW);

        assertThatThrownBy(() -> a.realize(1, Usd.of("250000000.01"), TODAY, "b".repeat(64), TODAY, 4, "o", NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tranche 1 lacks $250,000,000.00");
        a.realize(1, Usd.of("250000000"), TODAY, "b".repeat(64), TODAY, 4, "officer", NOW);

        assertThat(a.standing(TODAY).good()).isTrue();
        assertThat(a.realized()).isEqualTo(Usd.of("400000000"));
    }

    @Test
    void aBreachedCommitmentPutsItOutOfGoodStandingUntilMet() {
        Agreement a = inForce(TODAY.minusDays(5), TODAY.plusDays(30), TODAY.plusDays(90));
        a.setCommitment(1, CommitmentStatus.BREACHED, "chips found in a D:5 country", 3, "officer", NOW);

        assertThat(a.standing(TODAY).good()).isFalse();
        assertThat(a.standing(TODAY).reasons())
                .containsExactly("security commitment 1 ('no transfers to D:5 end users') is BREACHED: chips found in a"
                        + " D:5 country");
        a.setCommitment(1, CommitmentStatus.MET, "remedied", 4, "officer", NOW);
        assertThat(a.standing(TODAY).good()).isTrue();
    }

    @Test
    void itIsInForceFromItsDateUntilTheDayBeforeItsTermination() {
        Agreement a = inForce(TODAY.plusDays(1), TODAY.plusDays(30), TODAY.plusDays(90));
        assertThat(a.inForceOn(TODAY)).isFalse();
        assertThat(a.standing(TODAY).reasons()).containsExactly("it enters into force on " + TODAY.plusDays(1));
        assertThat(a.inForceOn(TODAY.plusDays(1))).isTrue();

        a.terminate(TODAY.plusDays(20), "superseded", 3, "officer", NOW);

        assertThat(a.inForceOn(TODAY.plusDays(19))).isTrue();
        assertThat(a.inForceOn(TODAY.plusDays(20))).isFalse();
        assertThatThrownBy(() -> a.addCommitment("more", 4, "officer", NOW))
                .isInstanceOf(AgreementTransitionException.class)
                .hasMessage("cannot add a security commitment to an agreement in status TERMINATED (a final status)");
    }

    @Nested
    class Refusals {

        @Test
        void tranchesMayNotAddUpToMoreThanThePledge() {
            Agreement a = anAgreement(TODAY, TODAY.plusDays(1));
            assertThatThrownBy(() -> a.addTranche(
                            new Agreement.TrancheTerms(TODAY.plusDays(2), Usd.of("0.01")), 1, "officer", NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("more than the pledge of $1,000,000,000.00");
            assertThat(a.tranches()).hasSize(2);
            assertThat(a.version()).isEqualTo(1);
        }

        @Test
        void aDraftCannotEnterIntoForceAndAStaleVersionChangesNothing() {
            Agreement a = anAgreement(TODAY, TODAY.plusDays(1));
            assertThatThrownBy(() -> a.enterIntoForce(TODAY, 1, "officer", NOW))
                    .isInstanceOf(AgreementTransitionException.class)
                    .hasMessage("cannot bring into force an agreement in status DRAFT; from DRAFT it may go to"
                            + " [SIGNED, TERMINATED]");
            assertThatThrownBy(() -> a.sign(TODAY, TODAY, 2, "officer", NOW))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("no longer at version 2");
            assertThatThrownBy(() -> a.sign(TODAY.plusDays(1), TODAY, 1, "officer", NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("signedOn: must not be after today");
            assertThat(a.status()).isEqualTo(AgreementStatus.DRAFT);
        }

        @Test
        void theRatioIsPositiveBoundedAndExact() {
            assertThat(InvestmentCommitment.ratio(new BigDecimal("1")).toPlainString())
                    .isEqualTo("1.0");
            assertThatThrownBy(() -> InvestmentCommitment.ratio(BigDecimal.ZERO))
                    .hasMessageContaining("more than 0");
            assertThatThrownBy(() -> InvestmentCommitment.ratio(new BigDecimal("0.00001")))
                    .hasMessageContaining("at most 4 decimals");
        }
    }

    @Nested
    class Coverage {

        @Test
        void inGoodStandingItAnswersForAllThree() {
            Agreement a = inForce(TODAY.minusDays(5), TODAY.plusDays(30), TODAY.plusDays(90));
            for (Requirement code : AgreementCoverage.ANSWERS) {
                assertThat(AgreementCoverage.evidence(code, aTier3Case("QA", TODAY), List.of(a)))
                        .as(code.name())
                        .isInstanceOf(Evidence.Present.class);
            }
        }

        @Test
        void theInvestmentMatchIsMissingWithTheDollarsAndTheTranche() {
            Agreement a = inForce(TODAY.minusDays(60), TODAY.minusDays(1), TODAY.plusDays(90));

            Evidence e =
                    AgreementCoverage.evidence(Requirement.US_INVESTMENT_MATCH, aTier3Case("QA", TODAY), List.of(a));

            assertThat(e).isInstanceOf(Evidence.Missing.class);
            assertThat(((Evidence.Missing) e).why())
                    .endsWith("tranche 1 due " + TODAY.minusDays(1)
                            + " ($400,000,000.00) is realized $0.00: $400,000,000.00 short");
            assertThat(AgreementCoverage.evidence(Requirement.G2G_AGREEMENT, aTier3Case("QA", TODAY), List.of(a)))
                    .as("the agreement itself is in force")
                    .isInstanceOf(Evidence.Present.class);
        }

        @Test
        void aPledgeBelowRatioTimesHomeInvestmentIsMissingWithTheShortfall() {
            Agreement a = Agreement.draft(
                    AgreementId.random(),
                    AgreementTerms.of("QA", "compact", List.of("US")),
                    new InvestmentCommitment(Usd.of("100"), new BigDecimal("1.5"), Usd.of("100")),
                    null,
                    List.of("c"),
                    List.of(),
                    "officer",
                    NOW);
            a.sign(TODAY, TODAY, 1, "officer", NOW);
            a.enterIntoForce(TODAY, 2, "officer", NOW);

            Evidence e =
                    AgreementCoverage.evidence(Requirement.US_INVESTMENT_MATCH, aTier3Case("QA", TODAY), List.of(a));

            assertThat(((Evidence.Missing) e).why())
                    .contains("the pledge of $100.00 is below ratio 1.5 × home investment $100.00 = $150.00: $50.00"
                            + " short");
        }

        @Test
        void noAgreementOrOneNotInForceIsMissingForEachSayingWhy() {
            Agreement signed = anAgreement(TODAY, TODAY.plusDays(1));
            signed.sign(TODAY, TODAY, 1, "officer", NOW);

            Evidence none = AgreementCoverage.evidence(Requirement.G2G_AGREEMENT, aTier3Case("QA", TODAY), List.of());
            Evidence notYet = AgreementCoverage.evidence(
                    Requirement.SECURITY_COMMITMENTS, aTier3Case("QA", TODAY), List.of(signed));

            assertThat(((Evidence.Missing) none).why())
                    .isEqualTo("no government-to-government agreement with QA is recorded");
            assertThat(((Evidence.Missing) notYet).why()).contains("is SIGNED on " + TODAY + " but not in force yet");
        }
    }

    static CaseFacts aTier3Case(String destination, LocalDate day) {
        return new CaseFacts(
                ApplicationId.random(),
                new OrganizationId(UUID.randomUUID()),
                new ApplicationContent(
                        null,
                        null,
                        List.of(),
                        null,
                        new Party("Qatar AI", "QIA", destination, null),
                        destination,
                        null,
                        "AI training",
                        null,
                        List.of(new LineItem("GB300", null, 200_001)),
                        List.of()),
                CompanyName.of("Qatar AI"),
                CompanyName.of("QIA"),
                CountryCode.of(destination),
                new Tier("T3"),
                day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }
}
