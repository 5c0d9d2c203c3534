package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.policy.Deals.aDeal;
import static org.gatehouse.policy.Deals.assess;
import static org.gatehouse.policy.Deals.assessInOrder;
import static org.gatehouse.policy.Deals.policy;

import java.time.LocalDate;
import java.util.Map;
import org.gatehouse.trade.CountryCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of each shipped policy other than the default (SPEC §3.5), all of them pure data. */
class ShippedPoliciesTests {

    private static final LocalDate IN_2025 = LocalDate.of(2025, 3, 1);

    @Nested
    class GlobalDraftReutersReading {
        private final Policy alt = policy("us-global-2026-draft-alt");

        @ParameterizedTest(name = "{0} GB300 → {1} {2}")
        @CsvSource({
            "999, T1, EXEMPT",
            "1000, T2, STANDARD",
            "100000, T2, STANDARD",
            "100001, T3, STANDARD",
            "199999, T3, STANDARD",
            "200000, T4, G2G",
        })
        void hasFourBands(long units, String tier, ReviewPath path) {
            Assessment a = assess(aDeal("GB300", units, "DE"), alt);
            assertThat(a.tier()).isEqualTo(tier);
            assertThat(a.reviewPath()).isEqualTo(path);
        }

        @Test
        void exemptsTier1OnlyWithMonitoringAndAntiClusteringSoftware() {
            assertThat(assess(aDeal("GB300", 10, "DE"), alt).requirements())
                    .containsExactly(Requirement.EXPORTER_MONITORING, Requirement.ANTI_CLUSTERING_SOFTWARE);
            Assessment controlled = assess(aDeal("GB300", 10, "SA"), alt);
            assertThat(controlled.outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);
            assertThat(controlled.reviewPath()).isEqualTo(ReviewPath.SIMPLIFIED);
        }

        @Test
        void tier4OffersInvestmentOrHostGovernmentCertification() {
            Assessment a = assess(aDeal("GB300", 250_000, "DE"), alt);
            assertThat(a.requirements())
                    .containsExactly(
                            Requirement.G2G_ASSURANCES,
                            Requirement.US_SITE_VISITS,
                            Requirement.US_INVESTMENT,
                            Requirement.HOST_GOV_SECURITY_CERTIFICATION);
            assertThat(alt.parameters(Requirement.US_INVESTMENT))
                    .isEqualTo(Map.of("alternative", "HOST_GOV_SECURITY_CERTIFICATION"));
        }
    }

    @Nested
    class CurrentFramework {
        private final Policy current = policy("us-2025-current");

        @ParameterizedTest(name = "{0} to {1}: {2} {3}")
        @CsvSource({
            "GB300, DE, NOT_CONTROLLED, ",
            "GB300, IL, NOT_CONTROLLED, ",
            "GB300, IN, NOT_CONTROLLED, ",
            "GB300, SA, LICENSE_REQUIRED, STANDARD",
            "GB300, VN, LICENSE_REQUIRED, STANDARD",
            "GB300, IR, PROHIBITED, ",
            "B200, CN, LICENSE_REQUIRED, PRESUMPTION_OF_DENIAL",
            "H200, CN, LICENSE_REQUIRED, CASE_BY_CASE",
            "GB300, US, NOT_CONTROLLED, ",
        })
        void requiresALicenceOnlyForAboutFortyCountries(
                String item, String destination, Outcome outcome, ReviewPath path) {
            Assessment a = assess(aDeal(item, 500, destination), current);
            assertThat(a.outcome()).isEqualTo(outcome);
            assertThat(a.reviewPath()).isEqualTo(path);
        }

        @Test
        void hasNoTiersWhateverTheSize() {
            assertThat(assess(aDeal("GB300", 1, "SA"), current).tier()).isEqualTo("T1");
            assertThat(assess(aDeal("GB300", 5_000_000, "SA"), current).tier()).isEqualTo("T1");
        }

        @Test
        void licenceCountriesNumberAboutForty() {
            long licensed = CountryCode.all().stream()
                    .map(current::classOf)
                    .filter(c -> c.treatment() == Policy.Treatment.ASSESS)
                    .count();
            assertThat(licensed).isBetween(35L, 45L);
        }
    }

    @Nested
    class AiDiffusion {
        private final Policy diffusion = policy("us-2025-ai-diffusion");

        @Test
        void tier1CountriesAreExempt() {
            Assessment a = assess(aDeal("d", "GB300", 500_000, "GB", "A", IN_2025), diffusion);
            assertThat(a.outcome()).isEqualTo(Outcome.EXEMPT);
            assertThat(a.requirements()).isEmpty();
        }

        @ParameterizedTest(name = "{0} H100 → {1}")
        @CsvSource({"1698, LPP, EXEMPT", "1699, LPP, EXEMPT", "1700, LICENCE, STANDARD"})
        void lowProcessingPerformanceLimitIs1699H100PerCustomer(long units, String tier, ReviewPath path) {
            Assessment a = assess(aDeal("d", "H100", units, "IN", "A", IN_2025), diffusion);
            assertThat(a.tier()).isEqualTo(tier);
            assertThat(a.reviewPath()).isEqualTo(path);
            if (path == ReviewPath.EXEMPT) {
                assertThat(a.requirements()).containsExactly(Requirement.POST_SHIPMENT_NOTIFICATION);
            }
        }

        @Test
        void theLimitIsPerCalendarYear() {
            Assessment sameYear = assessInOrder(
                    diffusion,
                    aDeal("a", "H100", 1000, "IN", "Buyer", LocalDate.of(2025, 2, 1)),
                    aDeal("b", "H100", 1000, "IN", "Buyer", LocalDate.of(2025, 11, 1)));
            assertThat(sameYear.tier()).isEqualTo("LICENCE");
            Assessment nextYear = assessInOrder(
                    diffusion,
                    aDeal("a", "H100", 1000, "IN", "Buyer", LocalDate.of(2025, 2, 1)),
                    aDeal("b", "H100", 1000, "IN", "Buyer", LocalDate.of(2026, 1, 2)));
            assertThat(nextYear.tier()).isEqualTo("LPP");
        }

        @Test
        void theLimitIsPerCustomerNotPerParent() {
            Assessment a = assessInOrder(
                    diffusion,
                    Deals.anApplication("a", "Buyer One", "Group", "IN", IN_2025, Deals.aLine("H100", 1000)),
                    Deals.anApplication("b", "Buyer Two", "Group", "IN", IN_2025, Deals.aLine("H100", 1000)));
            assertThat(a.outcome()).isEqualTo(Outcome.EXEMPT);
        }

        @ParameterizedTest(name = "{0} H100 licensed → {1}")
        @CsvSource({"49898, STANDARD", "49899, PRESUMPTION_OF_DENIAL"})
        void licensedExportsCountAgainstACountryCapOf790MillionTpp(long units, ReviewPath path) {
            // 49,898 × 15,832 = 789,985,136 TPP ≤ 790,000,000 < 49,899 × 15,832 = 790,000,968.
            Assessment a = assess(aDeal("d", "H100", units, "IN", "A", IN_2025), diffusion);
            assertThat(a.reviewPath()).isEqualTo(path);
            assertThat(a.explanation()).anyMatch(s -> s.startsWith("Measure country-licensed for (IN)"));
        }

        @Test
        void exemptExportsDoNotDrawOnTheCap() {
            Deal licensed = aDeal("big", "H100", 48_000, "IN", "Licensee", IN_2025);
            Deal exempt = aDeal("small", "H100", 1_500, "IN", "Small buyer", IN_2025);
            assertThat(assessInOrder(diffusion, licensed, exempt).outcome()).isEqualTo(Outcome.EXEMPT);
            // 48,000 + 1,800 licensed H100 stay within 49,898; counting the exempt 1,500 would exceed it.
            Deal within = aDeal("within", "H100", 1_800, "IN", "Third", IN_2025);
            assertThat(assessInOrder(diffusion, licensed, exempt, within).reviewPath())
                    .isEqualTo(ReviewPath.STANDARD);
            Deal beyond = aDeal("beyond", "H100", 1_800, "IN", "Fourth", IN_2025);
            assertThat(assessInOrder(diffusion, licensed, exempt, within, beyond)
                            .reviewPath())
                    .isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
        }

        @Test
        void chinaHasAPresumptionOfDenialWithoutTheLaterOverlay() {
            Assessment a = assess(aDeal("d", "H200", 10, "CN", "A", IN_2025), diffusion);
            assertThat(a.reviewPath()).isEqualTo(ReviewPath.PRESUMPTION_OF_DENIAL);
        }
    }
}
