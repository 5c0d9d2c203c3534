package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.policy.Deals.IN_2026;
import static org.gatehouse.policy.Deals.aDeal;
import static org.gatehouse.policy.Deals.aGb300Deal;
import static org.gatehouse.policy.Deals.aLine;
import static org.gatehouse.policy.Deals.anApplication;
import static org.gatehouse.policy.Deals.assess;
import static org.gatehouse.policy.Deals.assessInOrder;
import static org.gatehouse.policy.Deals.defaultPolicy;
import static org.gatehouse.policy.Requirement.BUSINESS_MODEL_DISCLOSURE;
import static org.gatehouse.policy.Requirement.BUYER_PREAPPROVAL;
import static org.gatehouse.policy.Requirement.G2G_AGREEMENT;
import static org.gatehouse.policy.Requirement.KYC_REMOTE_ACCESS_CONTROLS;
import static org.gatehouse.policy.Requirement.POST_SHIPMENT_NOTIFICATION;
import static org.gatehouse.policy.Requirement.REVENUE_SHARE;
import static org.gatehouse.policy.Requirement.SCREENING_REVIEW;
import static org.gatehouse.policy.Requirement.SECURITY_COMMITMENTS;
import static org.gatehouse.policy.Requirement.SITE_INSPECTION_CONSENT;
import static org.gatehouse.policy.Requirement.THIRD_PARTY_TESTING_US;
import static org.gatehouse.policy.Requirement.US_INVESTMENT_MATCH;

import java.time.LocalDate;
import java.util.Map;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default policy, us-global-2026-draft (SPEC §3.1–§3.4). */
class AssessorTests {

    @Test
    void theSpecExampleOf1200Gb300IsTier2Standard() {
        Assessment a = assess(aGb300Deal(1200));
        assertThat(a).isInstanceOf(Assessment.LicenseRequired.class);
        assertThat(a.tier()).isEqualTo("T2");
        assertThat(a.reviewPath()).isEqualTo(ReviewPath.STANDARD);
        assertThat(a.requirements())
                .containsExactly(BUYER_PREAPPROVAL, BUSINESS_MODEL_DISCLOSURE, SITE_INSPECTION_CONSENT);
        String json = AssessmentJson.toJson(a);
        assertThat(json)
                .startsWith(
                        "{\"id\":\"deal\",\"outcome\":\"LICENSE_REQUIRED\",\"tier\":\"T2\",\"review_path\":\"STANDARD\","
                                + "\"gb300e\":\"1200.00\",\"measure_after_gb300e\":\"1200.00\"");
        assertThat(json)
                .contains(
                        "\"lines\":[{\"item\":\"GB300\",\"quantity\":1200,\"controlled\":true,\"eccn\":\"3A090.a\",\"gb300e\":\"1200.00\"}]");
        assertThat(json)
                .contains("\"policy\":{\"id\":\"us-global-2026-draft\",\"version\":\"1\",\"sha256\":\""
                        + defaultPolicy().sha256() + "\"}");
    }

    @Test
    void oneH100IsAQuarterGb300AndExemptInAGeneralCountry() {
        Assessment a = assess(aDeal("H100", 1, "DE"));
        assertThat(a).isInstanceOf(Assessment.Exempt.class);
        assertThat(a.tier()).isEqualTo("T1");
        assertThat(a.reviewPath()).isEqualTo(ReviewPath.EXEMPT);
        assertThat(a.requirements()).containsExactly(POST_SHIPMENT_NOTIFICATION);
        assertThat(AssessmentJson.toJson(a)).contains("\"gb300e\":\"0.26\"");
    }

    @Nested
    class BoundaryAt1000 {
        @ParameterizedTest(name = "{0} GB300 → {1}")
        @CsvSource({"999, EXEMPT, T1", "1000, LICENSE_REQUIRED, T2", "1001, LICENSE_REQUIRED, T2"})
        void inOneDeal(long units, Outcome outcome, String tier) {
            Assessment a = assess(aGb300Deal(units));
            assertThat(a.outcome()).isEqualTo(outcome);
            assertThat(a.tier()).isEqualTo(tier);
        }

        @Test
        void isComparedInExactTppNotRoundedGb300e() {
            // 3,789 H100 = 59,987,448 TPP = 999.79 GB300e; 3,790 H100 = 60,003,280 TPP = 1000.05 GB300e.
            assertThat(assess(aDeal("H100", 3789, "DE")).tier()).isEqualTo("T1");
            assertThat(assess(aDeal("H100", 3790, "DE")).tier()).isEqualTo("T2");
        }

        @ParameterizedTest(name = "999 then {0} → {1}")
        @CsvSource({"0, T1", "1, T2", "2, T2"})
        void reachedByAccumulation(long more, String tier) {
            Deal first = aDeal("first", "GB300", 999, "DE", "Acme", IN_2026);
            Assessment last = more == 0
                    ? assessInOrder(defaultPolicy(), first)
                    : assessInOrder(defaultPolicy(), first, aDeal("second", "GB300", more, "DE", "Acme", IN_2026));
            assertThat(last.tier()).isEqualTo(tier);
        }
    }

    @Nested
    class BoundaryAt200000 {
        @ParameterizedTest(name = "{0} GB300 → {1} {2}")
        @CsvSource({"199999, T2, STANDARD", "200000, T2, STANDARD", "200001, T3, G2G"})
        void inOneDeal(long units, String tier, ReviewPath path) {
            Assessment a = assess(aGb300Deal(units));
            assertThat(a.tier()).isEqualTo(tier);
            assertThat(a.reviewPath()).isEqualTo(path);
        }

        @Test
        void tier3AddsGovernmentRequirementsWithTheMatchingRatio() {
            Assessment a = assess(aGb300Deal(200_001));
            assertThat(a.requirements())
                    .containsExactly(
                            BUYER_PREAPPROVAL,
                            BUSINESS_MODEL_DISCLOSURE,
                            SITE_INSPECTION_CONSENT,
                            G2G_AGREEMENT,
                            SECURITY_COMMITMENTS,
                            US_INVESTMENT_MATCH);
            assertThat(defaultPolicy().parameters(US_INVESTMENT_MATCH)).isEqualTo(Map.of("ratio", "1.0"));
            assertThat(AssessmentJson.toJson(a))
                    .contains("\"parameters\":{\"US_INVESTMENT_MATCH\":{\"ratio\":\"1.0\"}}");
        }

        @ParameterizedTest(name = "150000 + {0} → {1}")
        @CsvSource({"49999, T2", "50000, T2", "50001, T3"})
        void reachedByAccumulation(long more, String tier) {
            Assessment last = assessInOrder(
                    defaultPolicy(),
                    aDeal("a", "GB300", 150_000, "SA", "Humain", IN_2026),
                    aDeal("b", "GB300", more, "SA", "Humain", IN_2026));
            assertThat(last.tier()).isEqualTo(tier);
            assertThat(AssessmentJson.toJson(last))
                    .contains("\"measure_after_gb300e\":\"" + (150_000 + more) + ".00\"");
        }
    }

    @Test
    void splittingOneDeploymentIntoSmallOrdersDoesNotDodgeTheTier() {
        InMemoryLedger ledger = new InMemoryLedger();
        Assessment a = null;
        for (int i = 1; i <= 10; i++) {
            a = Assessor.assess(
                    aDeal("order-" + i, "GB300", 100, "DE", "Acme", IN_2026), defaultPolicy(), ledger, IN_2026);
            ledger.record(a);
            assertThat(a.tier()).as("order %d", i).isEqualTo(i < 10 ? "T1" : "T2");
        }
        assertThat(a.outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);
    }

    @Test
    void oneCompanyInSeveralCountriesIsMeasuredPerCountry() {
        Assessment inFrance = assessInOrder(
                defaultPolicy(),
                aDeal("de", "GB300", 600, "DE", "Acme", IN_2026),
                aDeal("fr", "GB300", 600, "FR", "Acme", IN_2026));
        assertThat(inFrance.outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(inFrance.measureAfterTpp()).isEqualTo(600 * 60_000L);
    }

    @Test
    void subsidiariesAggregateUnderTheirParentWhateverTheCaseAndSpacing() {
        Assessment second = assessInOrder(
                defaultPolicy(),
                anApplication("a", "Acme Berlin", "Acme Holdings", "DE", IN_2026, aLine("GB300", 600)),
                anApplication("b", "Acme Munich", "  ACME   holdings ", "DE", IN_2026, aLine("GB300", 600)));
        assertThat(second.tier()).isEqualTo("T2");
        assertThat(second.measureAfterTpp()).isEqualTo(1200 * 60_000L);
        assertThat(second.explanation()).anyMatch(s -> s.contains("600.00 GB300e already counted"));
    }

    @Test
    void aSystemExpandsToItsAccelerators() {
        Assessment a = assess(aDeal("GB300 NVL72", 14, "DE"));
        assertThat(a.tier()).isEqualTo("T2");
        assertThat(a.facts().controlledTpp()).isEqualTo(14 * 72 * 60_000L);
        assertThat(AssessmentJson.toJson(a))
                .contains(
                        "\"item\":\"GB300 NVL72\",\"quantity\":14,\"controlled\":true,\"eccn\":\"4A090.a\",\"gb300e\":\"1008.00\"");
    }

    @Test
    void customItemsOnBothSidesOfEachThreshold() {
        var controlledByTpp = new Line(Deals.aCustomChip(4_800, "1.0", 0), 1000);
        var belowTpp = new Line(Deals.aCustomChip(4_799, "5.91", 0), 1000);
        var controlledByDensity = new Line(Deals.aCustomChip(1_600, "5.92", 0), 1000);
        var belowDensity = new Line(Deals.aCustomChip(1_600, "5.91", 0), 1000);
        assertThat(assess(anApplication("x", "A", "A", "DE", IN_2026, controlledByTpp))
                        .outcome())
                .isEqualTo(Outcome.EXEMPT);
        assertThat(assess(anApplication("x", "A", "A", "DE", IN_2026, belowTpp)).outcome())
                .isEqualTo(Outcome.NOT_CONTROLLED);
        assertThat(assess(anApplication("x", "A", "A", "DE", IN_2026, controlledByDensity))
                        .outcome())
                .isEqualTo(Outcome.EXEMPT);
        assertThat(assess(anApplication("x", "A", "A", "DE", IN_2026, belowDensity))
                        .outcome())
                .isEqualTo(Outcome.NOT_CONTROLLED);
    }

    @Test
    void h20IsNotControlledEvenToChina() {
        Assessment a = assess(aDeal("H20", 100_000, "CN"));
        assertThat(a).isInstanceOf(Assessment.NotControlled.class);
        assertThat(a.tier()).isNull();
        assertThat(a.reviewPath()).isNull();
        assertThat(a.explanation()).anyMatch(s -> s.contains("PD 2.91 < 5.92"));
    }

    @Test
    void uncontrolledLinesDoNotCountTowardsTheMeasure() {
        Assessment a =
                assess(anApplication("mix", "A", "A", "DE", IN_2026, aLine("H20", 1_000_000), aLine("GB300", 10)));
        assertThat(a.outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(a.facts().controlledTpp()).isEqualTo(600_000);
    }

    @Test
    void domesticIsNotAnExport() {
        Assessment a = assess(aDeal("GB300", 500_000, "US"));
        assertThat(a.outcome()).isEqualTo(Outcome.NOT_CONTROLLED);
        assertThat(a.measureAfterTpp()).isEqualTo(-1);
        assertThat(AssessmentJson.toJson(a))
                .contains("\"tier\":null,\"review_path\":null,\"gb300e\":\"500000.00\",\"measure_after_gb300e\":null");
    }

    @ParameterizedTest(name = "{1} to {0}: {2} {3} {4}")
    @CsvSource({
        "IR, 10, PROHIBITED, , ",
        "CU, 10, PROHIBITED, , ",
        "RU, 10, LICENSE_REQUIRED, T1, PRESUMPTION_OF_DENIAL",
        "CN, 10, LICENSE_REQUIRED, T1, PRESUMPTION_OF_DENIAL",
        "SA, 10, LICENSE_REQUIRED, T1, SIMPLIFIED",
        "AE, 5000, LICENSE_REQUIRED, T2, STANDARD",
        "IL, 10, EXEMPT, T1, EXEMPT",
        "IN, 10, EXEMPT, T1, EXEMPT",
        "BR, 300000, LICENSE_REQUIRED, T3, G2G",
    })
    void eachDestinationClass(String destination, long units, Outcome outcome, String tier, ReviewPath path) {
        Assessment a = assess(aDeal("GB300", units, destination));
        assertThat(a.outcome()).isEqualTo(outcome);
        assertThat(a.tier()).isEqualTo(tier);
        assertThat(a.reviewPath()).isEqualTo(path);
    }

    @Test
    void theDenialClassStillComputesTheTier() {
        Assessment a = assess(aDeal("B200", 400_000, "CN"));
        assertThat(a.tier()).isEqualTo("T3");
        assertThat(a.reviewPath()).isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
        assertThat(a.requirements()).contains(G2G_AGREEMENT);
    }

    @Nested
    class ChinaOverlay {
        @ParameterizedTest(name = "{0} to {1}: {2}")
        @CsvSource({
            "H200, CN, CASE_BY_CASE",
            "MI325X, CN, CASE_BY_CASE",
            "H200, MO, CASE_BY_CASE",
            "B200, CN, PRESUMPTION_OF_DENIAL",
            "MI355X, CN, PRESUMPTION_OF_DENIAL",
            "B200, MO, PRESUMPTION_OF_DENIAL",
        })
        void replacesDenialOnlyForH200ClassChips(String item, String destination, ReviewPath path) {
            Assessment a = assess(aDeal(item, 100, destination));
            assertThat(a.reviewPath()).isEqualTo(path);
            if (path == ReviewPath.CASE_BY_CASE) {
                assertThat(a.requirements())
                        .containsExactly(REVENUE_SHARE, THIRD_PARTY_TESTING_US, KYC_REMOTE_ACCESS_CONTROLS);
                assertThat(AssessmentJson.toJson(a)).contains("\"parameters\":{\"REVENUE_SHARE\":{\"rate\":\"0.25\"}}");
                assertThat(a.explanation())
                        .anyMatch(s -> s.startsWith("Overlay china-h200")
                                && s.contains("replaces PRESUMPTION_OF_DENIAL with CASE_BY_CASE"));
            } else {
                assertThat(a.requirements()).doesNotContain(REVENUE_SHARE);
                assertThat(a.explanation()).anyMatch(s -> s.startsWith("Overlay china-h200 does not apply"));
            }
        }

        @Test
        void appliesOnlyWhenEveryControlledLineMatches() {
            Assessment mixed =
                    assess(anApplication("mix", "A", "A", "CN", IN_2026, aLine("H200", 100), aLine("B200", 1)));
            assertThat(mixed.reviewPath()).isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
            Assessment withH20 =
                    assess(anApplication("h20", "A", "A", "CN", IN_2026, aLine("H200", 100), aLine("H20", 100)));
            assertThat(withH20.reviewPath()).isEqualTo(ReviewPath.CASE_BY_CASE);
        }

        @Test
        void isNotInForceBeforeJanuary2026() {
            Assessment a = assess(aDeal("d", "H200", 100, "CN", "A", LocalDate.of(2026, 1, 14)));
            assertThat(a.reviewPath()).isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
        }

        @Test
        void aCustomChipWithoutBandwidthDoesNotMatch() {
            Line unknownBandwidth = new Line(Deals.aCustomChip(15_000, "20", 0), 10);
            Line knownBandwidth = new Line(Deals.aCustomChip(15_000, "20", 4_000), 10);
            assertThat(assess(anApplication("u", "A", "A", "CN", IN_2026, unknownBandwidth))
                            .reviewPath())
                    .isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
            assertThat(assess(anApplication("k", "A", "A", "CN", IN_2026, knownBandwidth))
                            .reviewPath())
                    .isEqualTo(ReviewPath.CASE_BY_CASE);
        }
    }

    @Test
    void aScreeningHitBlocksTheExemptionAndAddsAReview() {
        Assessment a = assess(Deals.withScreeningHit(aGb300Deal(10)));
        assertThat(a.outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);
        assertThat(a.reviewPath()).isEqualTo(ReviewPath.SIMPLIFIED);
        assertThat(a.requirements()).containsExactly(SCREENING_REVIEW);
        assertThat(a.explanation()).anyMatch(s -> s.contains("a screening hit blocks the exemption"));
    }

    @Test
    void holdingsCountAsShipped() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.addHolding(CompanyName.of("acme cloud"), CountryCode.of("DE"), 999 * 60_000L);
        Assessment a = Assessor.assess(aGb300Deal(1), defaultPolicy(), ledger, IN_2026);
        assertThat(a.tier()).isEqualTo("T2");
        Assessment elsewhere = Assessor.assess(aDeal("GB300", 1, "FR"), defaultPolicy(), ledger, IN_2026);
        assertThat(elsewhere.tier()).isEqualTo("T1");
    }

    @Test
    void theAssessorDoesNotChangeTheLedger() {
        InMemoryLedger ledger = new InMemoryLedger();
        Assessor.assess(aGb300Deal(900), defaultPolicy(), ledger, IN_2026);
        assertThat(Assessor.assess(aGb300Deal(900), defaultPolicy(), ledger, IN_2026)
                        .tier())
                .isEqualTo("T1");
    }

    @Test
    void theExplanationNamesClassMeasureBandAndNumbers() {
        Assessment a = assessInOrder(
                defaultPolicy(),
                aDeal("a", "GB300", 18_000, "SA", "Public Investment Fund", IN_2026),
                aDeal("b", "GB300", 35_000, "SA", "Public Investment Fund", IN_2026));
        assertThat(a.explanation())
                .containsExactly(
                        "GB300 × 35000: TPP 60000 ≥ 4800: controlled (3A090.a), 35000.00 GB300e",
                        "Destination SA is in class controlled (D:1 ∪ D:4 minus A:5 ∪ A:6): licence required, no exemption. "
                                + "Licence required at every tier, no tier-1 exemption; Israel (A:6) is general.",
                        "Measure company-country for (Public Investment Fund, SA), counted under the company key \"public investment fund\": 18000.00 GB300e already counted + 35000.00 GB300e "
                                + "in this application = 53000.00 GB300e (3180000000 TPP).",
                        "Band T2 of ladder tiers (≥ 1000 GB300e and ≤ 200000 GB300e): review STANDARD; requires BUYER_PREAPPROVAL, "
                                + "BUSINESS_MODEL_DISCLOSURE, SITE_INSPECTION_CONSENT.",
                        "Licence required; review path STANDARD (the most restrictive applicable, in the order PRESUMPTION_OF_DENIAL > "
                                + "CASE_BY_CASE > G2G > STANDARD > SIMPLIFIED > EXEMPT); requires BUYER_PREAPPROVAL, "
                                + "BUSINESS_MODEL_DISCLOSURE, SITE_INSPECTION_CONSENT.");
    }

    @Test
    void aDealBeforeThePolicyIsInForceIsFlagged() {
        Assessment a = assess(aDeal("d", "GB300", 1, "DE", "A", LocalDate.of(2025, 5, 13)));
        assertThat(a.explanation().getLast())
                .contains("in force from 2026-01-01")
                .contains("assessed as if it were");
    }

    @Test
    void totalsBeyondExactArithmeticAreRefusedRatherThanWrapping() {
        LedgerView almostFull = (measure, key, date) -> Long.MAX_VALUE - 10;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Assessor.assess(aGb300Deal(1), defaultPolicy(), almostFull, IN_2026))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("quantity:");
    }
}
