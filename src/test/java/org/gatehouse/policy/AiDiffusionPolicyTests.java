package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rescinded January 2025 AI diffusion rule as SPEC §3.5 states it ({@code us-2025-ai-diffusion}), one nested class
 * per rule of issue 14. Limits are checked in exact TPP: one H100 is 15,832 TPP.
 */
class AiDiffusionPolicyTests {

    private static final Policy DIFFUSION = Deals.policy("us-2025-ai-diffusion");
    private static final LocalDate IN_2025 = LocalDate.of(2025, 3, 1);
    private static final long H100_TPP = 15_832;

    /** {@code units} H100 to {@code endUser} (its own parent) in {@code destination}, in March 2025. */
    static Deal anH100Deal(String endUser, String destination, long units) {
        return anH100Deal(endUser, destination, units, IN_2025);
    }

    static Deal anH100Deal(String endUser, String destination, long units, LocalDate date) {
        return Deals.aDeal(endUser + "-" + destination + "-" + units, "H100", units, destination, endUser, date);
    }

    /** {@code units} of a chip outside the catalogue, of TPP {@code tpp}, to {@code endUser} in Brazil (tier 2). */
    static Deal aCustomChipDeal(String endUser, long tpp, long units) {
        return Deals.anApplication(
                "custom-" + tpp + "-" + units,
                endUser,
                endUser,
                "BR",
                IN_2025,
                new Line(Deals.aCustomChip(tpp, "10", 0), units));
    }

    static Assessment alone(Deal deal) {
        return Deals.assess(deal, DIFFUSION);
    }

    /** Assesses the deals in order, each seeing the earlier ones as pending; returns the last assessment. */
    static Assessment last(Deal... deals) {
        return Deals.assessInOrder(DIFFUSION, deals);
    }

    private static boolean notedAsNotInForce(Assessment a) {
        return a.explanation().stream().anyMatch(s -> s.startsWith("Note: policy us-2025-ai-diffusion is in force"));
    }

    @Nested
    class DestinationClasses {

        @ParameterizedTest(name = "one H100 to {0}: {1} {2} {3}")
        @CsvSource({
            "US, NOT_CONTROLLED, , ",
            "GB, EXEMPT, T1, EXEMPT",
            "JP, EXEMPT, T1, EXEMPT",
            "IR, PROHIBITED, , ",
            "RU, LICENSE_REQUIRED, LICENCE, PRESUMPTION_OF_DENIAL",
            "CN, LICENSE_REQUIRED, LICENCE, PRESUMPTION_OF_DENIAL",
            "MO, LICENSE_REQUIRED, LICENCE, PRESUMPTION_OF_DENIAL",
            "BR, EXEMPT, LPP, EXEMPT",
            "IN, EXEMPT, LPP, EXEMPT",
            "SA, EXEMPT, LPP, EXEMPT",
        })
        void eachClass(String destination, Outcome outcome, String tier, ReviewPath path) {
            Assessment a = alone(anH100Deal("Buyer", destination, 1));
            assertThat(a.outcome()).isEqualTo(outcome);
            assertThat(a.tier()).isEqualTo(tier);
            assertThat(a.reviewPath()).isEqualTo(path);
        }

        @Test
        void tier1CountriesAreExemptWithoutConditionsWhateverTheSize() {
            Assessment a = alone(Deals.aDeal("d", "GB300", 500_000, "GB", "A", IN_2025));
            assertThat(a.outcome()).isEqualTo(Outcome.EXEMPT);
            assertThat(a.requirements()).isEmpty();
        }

        @Test
        void chinaHasAPresumptionOfDenialWithoutTheLaterOverlay() {
            Assessment a = alone(Deals.aDeal("d", "H200", 10, "CN", "A", LocalDate.of(2026, 3, 1)));
            assertThat(a.reviewPath()).isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
            assertThat(a.requirements()).isEmpty();
        }
    }

    /** Item 1: only exports made under the LPP exception (EAR §740.29) use up the LPP allowance. */
    @Nested
    class OnlyExportsUnderTheLppExceptionUseTheAllowance {

        @Test
        void aLicensedExportDoesNotUseIt() {
            Deal licensed = anH100Deal("Initech", "BR", 2000);
            assertThat(alone(licensed).outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);

            Assessment next = last(licensed, anH100Deal("Initech", "BR", 10));

            assertThat(next.outcome()).isEqualTo(Outcome.EXEMPT);
            assertThat(next.tier()).isEqualTo("LPP");
            assertThat(next.requirements()).containsExactly(Requirement.POST_SHIPMENT_NOTIFICATION);
            assertThat(next.facts().primary().beforeTpp()).isZero();
        }

        @Test
        void anApplicationToAD5DestinationDoesNotUseIt() {
            Deal toRussia = anH100Deal("Dual", "RU", 1000);
            assertThat(alone(toRussia).outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);

            Assessment toBrazil = last(toRussia, anH100Deal("Dual", "BR", 1000));

            assertThat(toBrazil.outcome()).isEqualTo(Outcome.EXEMPT);
            assertThat(toBrazil.tier()).isEqualTo("LPP");
        }

        @Test
        void aTier1ExportDoesNotUseIt() {
            Assessment next = last(anH100Deal("Globex", "GB", 100_000), anH100Deal("Globex", "BR", 1000));
            assertThat(next.outcome()).isEqualTo(Outcome.EXEMPT);
            assertThat(next.tier()).isEqualTo("LPP");
        }

        @Test
        void aLicenceBecauseOfAScreeningHitDoesNotUseIt() {
            Deal hit = Deals.withScreeningHit(anH100Deal("Flagged", "BR", 1000));
            assertThat(alone(hit).outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);

            Assessment next = last(hit, anH100Deal("Flagged", "BR", 1000));

            assertThat(next.outcome()).isEqualTo(Outcome.EXEMPT);
        }

        @Test
        void anExportUnderTheExceptionUsesIt() {
            Assessment next = last(anH100Deal("Initech", "BR", 1000), anH100Deal("Initech", "BR", 1000));
            assertThat(next.outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);
            assertThat(next.tier()).isEqualTo("LICENCE");
            assertThat(next.facts().primary().beforeTpp()).isEqualTo(1000 * H100_TPP);
        }

        @Test
        void theAllowanceIsPerEndUserAcrossTier2Destinations() {
            assertThat(last(anH100Deal("Initech", "BR", 1000), anH100Deal("Initech", "IN", 1000))
                            .tier())
                    .isEqualTo("LICENCE");
            Assessment sameParent = last(
                    Deals.anApplication("a", "Buyer One", "Group", "IN", IN_2025, Deals.aLine("H100", 1000)),
                    Deals.anApplication("b", "Buyer Two", "Group", "IN", IN_2025, Deals.aLine("H100", 1000)));
            assertThat(sameParent.outcome()).isEqualTo(Outcome.EXEMPT);
        }

        @Test
        void theAllowanceIsPerCalendarYear() {
            Deal february = anH100Deal("Buyer", "IN", 1000, LocalDate.of(2025, 2, 1));
            assertThat(last(february, anH100Deal("Buyer", "IN", 1000, LocalDate.of(2025, 11, 1)))
                            .tier())
                    .isEqualTo("LICENCE");
            assertThat(last(february, anH100Deal("Buyer", "IN", 1000, LocalDate.of(2026, 1, 2)))
                            .tier())
                    .isEqualTo("LPP");
        }

        @Test
        void theLedgerKeepsOnlyLppExportsUnderTheAllowance() {
            InMemoryLedger ledger = new InMemoryLedger();
            Deal licensed = anH100Deal("Initech", "BR", 2000);
            Deal exempt = anH100Deal("Initech", "BR", 10);
            Assessment first = Assessor.assess(licensed, DIFFUSION, ledger, IN_2025);
            ledger.record(first);
            ledger.record(Assessor.assess(exempt, DIFFUSION, ledger, IN_2025));

            Tally lpp = first.facts().primary();
            assertThat(ledger.countedTpp(lpp.ladder().measure(), lpp.key(), IN_2025))
                    .isEqualTo(10 * H100_TPP);
        }
    }

    /** Item 2: the LPP limit is the rule's 26,900,000 TPP per customer per calendar year, inclusive. */
    @Nested
    class TheLppLimitIs26900000Tpp {

        @ParameterizedTest(name = "1000 chips of TPP {0} → {1} {2}")
        @CsvSource({"26900, EXEMPT, LPP", "26901, LICENSE_REQUIRED, LICENCE"})
        void forACustomChip(long tpp, Outcome outcome, String tier) {
            Assessment a = alone(aCustomChipDeal("Custom buyer", tpp, 1000));
            assertThat(a.outcome()).isEqualTo(outcome);
            assertThat(a.tier()).isEqualTo(tier);
        }

        @ParameterizedTest(name = "{0} H100 → {1} {2}")
        @CsvSource({"1698, LPP, EXEMPT", "1699, LPP, EXEMPT", "1700, LICENCE, STANDARD"})
        void is1699H100(long units, String tier, ReviewPath path) {
            // 1,699 × 15,832 = 26,898,568 ≤ 26,900,000 < 1,700 × 15,832 = 26,914,400.
            Assessment a = alone(anH100Deal("Buyer", "IN", units));
            assertThat(a.tier()).isEqualTo(tier);
            assertThat(a.reviewPath()).isEqualTo(path);
        }

        @Test
        void isInclusiveWhenReachedByAccumulation() {
            Deal first = aCustomChipDeal("Buyer", 26_900, 600);
            Deal upToTheLimit = aCustomChipDeal("Buyer", 26_900, 400);
            Assessment atTheLimit = last(first, upToTheLimit);
            assertThat(atTheLimit.outcome()).isEqualTo(Outcome.EXEMPT);
            assertThat(atTheLimit.measureAfterTpp()).isEqualTo(26_900_000);
            assertThat(last(first, upToTheLimit, aCustomChipDeal("Buyer", 26_900, 1))
                            .outcome())
                    .isEqualTo(Outcome.LICENSE_REQUIRED);
        }

        @Test
        void isStatedInTppInTheExplanation() {
            assertThat(alone(anH100Deal("Buyer", "IN", 1)).explanation())
                    .anyMatch(s -> s.startsWith("Band LPP of ladder lpp (≤ 26900000 TPP)"));
        }
    }

    /** Item 3: E:1 and E:2 destinations are prohibited, as under the other shipped policies (SPEC §12.6). */
    @Nested
    class EmbargoedDestinationsAreProhibited {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"IR", "CU", "KP", "SY"})
        void underThisPolicy(String destination) {
            Assessment a = alone(anH100Deal("Buyer", destination, 1));
            assertThat(a.outcome()).isEqualTo(Outcome.PROHIBITED);
            assertThat(a.tier()).isNull();
            assertThat(a.reviewPath()).isNull();
            assertThat(a.requirements()).isEmpty();
            assertThat(a.explanation().getLast())
                    .isEqualTo("Prohibited: no licence can be granted for class embargoed.");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"IR", "CU", "KP", "SY"})
        void underEveryShippedPolicy(String destination) {
            for (Policy policy : Policies.builtIn().all()) {
                Deal deal = Deals.aDeal("d", "H100", 1, destination, "Buyer", policy.effectiveFrom());
                assertThat(Deals.assess(deal, policy).outcome()).as(policy.id()).isEqualTo(Outcome.PROHIBITED);
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"RU", "CN", "MO", "VE", "BY"})
        void otherD5DestinationsAndMacauKeepAPresumptionOfDenialWithoutExemption(String destination) {
            Assessment a = alone(anH100Deal("Buyer", destination, 1));
            assertThat(a.outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);
            assertThat(a.reviewPath()).isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
        }
    }

    /** Item 4: licensed exports count against a cap of 790,000,000 TPP per country for 2025–2027. */
    @Nested
    class TheCountryCapCovers2025To2027 {

        @ParameterizedTest(name = "{0} H100 licensed → {1}")
        @CsvSource({"49898, STANDARD", "49899, PRESUMPTION_OF_DENIAL"})
        void isInclusive(long units, ReviewPath path) {
            // 49,898 × 15,832 = 789,985,136 TPP ≤ 790,000,000 < 49,899 × 15,832 = 790,000,968.
            Assessment a = alone(anH100Deal("Licensee", "IN", units));
            assertThat(a.reviewPath()).isEqualTo(path);
            assertThat(a.explanation()).anyMatch(s -> s.startsWith("Measure country-licensed for (IN)"));
        }

        @Test
        void exemptExportsDoNotDrawOnIt() {
            Deal licensed = anH100Deal("Licensee", "IN", 48_000);
            Deal exempt = anH100Deal("Small buyer", "IN", 1_500);
            assertThat(last(licensed, exempt).outcome()).isEqualTo(Outcome.EXEMPT);
            // 48,000 + 1,800 licensed H100 stay within 49,898; counting the exempt 1,500 would exceed it.
            Deal within = anH100Deal("Third", "IN", 1_800);
            assertThat(last(licensed, exempt, within).reviewPath()).isEqualTo(ReviewPath.STANDARD);
            Deal beyond = anH100Deal("Fourth", "IN", 1_800);
            assertThat(last(licensed, exempt, within, beyond).reviewPath()).isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
        }

        @Test
        void aDealAfter2027StillDrawsOnThe2025To2027Allocation() {
            Deal in2026 = anH100Deal("Licensee", "IN", 49_000, LocalDate.of(2026, 6, 1));
            Deal in2028 = anH100Deal("Later", "IN", 2_000, LocalDate.of(2028, 3, 1));

            Assessment after2027 = last(in2026, in2028);

            assertThat(after2027.reviewPath()).isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
            Tally cap = after2027.facts().tallies().get(1);
            assertThat(cap.ladder().id()).isEqualTo("country-cap");
            assertThat(cap.beforeTpp()).isEqualTo(49_000 * H100_TPP);
            assertThat(notedAsNotInForce(after2027)).isTrue();
        }

        @Test
        void aDealAfter2027WithinTheAllocationIsReviewedStandard() {
            Assessment a = alone(anH100Deal("Later", "IN", 2_000, LocalDate.of(2028, 3, 1)));
            assertThat(a.reviewPath()).isEqualTo(ReviewPath.STANDARD);
        }

        @Test
        void theAssumptionsSayWhatHappensAfter2027() {
            assertThat(DIFFUSION.assumptions())
                    .anyMatch(s -> s.contains("790,000,000 TPP") && s.contains("after 2027"));
        }
    }

    /** Item 5: the citations and dates of the rule. */
    @Nested
    class SourcesAndDates {

        private List<String> allText() {
            List<String> text = new java.util.ArrayList<>(DIFFUSION.assumptions());
            text.add(DIFFUSION.summary());
            for (Policy.Source s : DIFFUSION.sources()) {
                text.add(s.title());
                text.add(s.reference());
                text.add(s.note());
            }
            text.removeIf(java.util.Objects::isNull);
            return text;
        }

        @Test
        void theLppExceptionIsEar740_29() {
            assertThat(DIFFUSION.sources())
                    .anyMatch(s -> s.reference() != null && s.reference().contains("740.29 (License Exception LPP)"));
            assertThat(allText()).noneMatch(s -> s.contains("740.28"));
        }

        @Test
        void theRuleWasEffectiveOn13January2025() {
            assertThat(DIFFUSION.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 13));
            assertThat(notedAsNotInForce(alone(anH100Deal("Buyer", "IN", 1, LocalDate.of(2025, 1, 13)))))
                    .isFalse();
            assertThat(notedAsNotInForce(alone(anH100Deal("Buyer", "IN", 1, LocalDate.of(2025, 1, 12)))))
                    .isTrue();
        }

        @Test
        void theRuleWasRescindedOn13May2025() {
            assertThat(DIFFUSION.effectiveUntil()).isEqualTo(LocalDate.of(2025, 5, 12));
            assertThat(DIFFUSION.sources()).anyMatch(s -> s.title().contains("rescinded on 13 May 2025"));
            assertThat(notedAsNotInForce(alone(anH100Deal("Buyer", "IN", 1, LocalDate.of(2025, 5, 12)))))
                    .isFalse();
            assertThat(notedAsNotInForce(alone(anH100Deal("Buyer", "IN", 1, LocalDate.of(2025, 5, 13)))))
                    .isTrue();
        }
    }

    /** Item 6: the measure reported (explanation, measure_after_gb300e) is the one that decided the row. */
    @Nested
    class TheReportedMeasureIsTheOneThatDecidedTheRow {

        @Test
        void aTier1RowHasNone() {
            Assessment a = last(anH100Deal("First", "GB", 5_000), anH100Deal("Second", "GB", 10));
            assertThat(a.outcome()).isEqualTo(Outcome.EXEMPT);
            assertThat(a.measureAfterTpp()).isEqualTo(-1);
            assertThat(AssessmentJson.toJson(a)).contains("\"measure_after_gb300e\":null");
            assertThat(a.explanation()).noneMatch(s -> s.startsWith("Measure "));
            assertThat(a.explanation()).anyMatch(s -> s.startsWith("Band T1 of ladder aia"));
        }

        @Test
        void aD5RowHasNone() {
            Assessment a = last(anH100Deal("First", "RU", 5_000), anH100Deal("First", "RU", 10));
            assertThat(a.measureAfterTpp()).isEqualTo(-1);
            assertThat(AssessmentJson.toJson(a)).contains("\"measure_after_gb300e\":null");
            assertThat(a.explanation()).noneMatch(s -> s.startsWith("Measure "));
        }

        @Test
        void anLppRowReportsTheCustomersLppUseNotTheCountrysTotal() {
            Assessment a = last(
                    anH100Deal("Initech", "BR", 1_000),
                    anH100Deal("Licensee", "BR", 40_000),
                    anH100Deal("Initech", "BR", 100));
            assertThat(a.outcome()).isEqualTo(Outcome.EXEMPT);
            assertThat(a.measureAfterTpp()).isEqualTo(1_100 * H100_TPP);
            // 1,100 × 15,832 = 17,415,200 TPP = 290.25 GB300e.
            assertThat(AssessmentJson.toJson(a)).contains("\"measure_after_gb300e\":\"290.25\"");
            assertThat(a.explanation())
                    .anyMatch(
                            s -> s.startsWith(
                                    "Measure lpp-use for (Initech, 2025), counted under the end-user key \"initech\": 263.87 GB300e already counted"));
        }

        @Test
        void aLicensedTier2RowReportsTheCustomersLppUsePlusTheDeal() {
            Assessment a = last(anH100Deal("Licensee", "BR", 40_000), anH100Deal("Newcomer", "BR", 2_000));
            assertThat(a.outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);
            assertThat(a.measureAfterTpp()).isEqualTo(2_000 * H100_TPP);
            assertThat(a.facts().tallies()).extracting(t -> t.ladder().id()).containsExactly("lpp", "country-cap");
        }
    }
}
