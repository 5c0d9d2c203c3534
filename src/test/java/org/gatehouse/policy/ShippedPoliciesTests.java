package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.policy.Deals.aDeal;
import static org.gatehouse.policy.Deals.assess;
import static org.gatehouse.policy.Deals.policy;

import java.util.Map;
import org.gatehouse.trade.CountryCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Behaviour of the shipped policies other than the default and the AI diffusion rule (SPEC §3.5), all of them pure data;
 * {@link AiDiffusionPolicyTests} covers the AI diffusion rule.
 */
class ShippedPoliciesTests {

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
}
