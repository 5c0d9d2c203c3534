package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Assessor;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.Deals;
import org.gatehouse.policy.LedgerView;
import org.gatehouse.policy.Tier;
import org.junit.jupiter.api.Test;

/**
 * The rule an amendment's increase must pass, on real assessments under the default policy: the increase alone,
 * against a ledger that already counts the licence (here: {@code already} GB300e for the company in the country).
 */
class ReassessmentTests {

    private static final long GB300 = 60_000;

    private static Assessment increase(String destination, long units, long alreadyGb300e) {
        Deal deal = Deals.aDeal("GB300", units, destination);
        LedgerView ledger = (measure, key, date) -> alreadyGb300e * GB300;
        return Assessor.assess(deal, Deals.defaultPolicy(), ledger, Deals.IN_2026);
    }

    @Test
    void anIncreaseThatStaysInTheLicencesTierPasses() {
        Assessment assessment = increase("SA", 500, 5_000);

        assertThat(assessment.tier()).isEqualTo("T2");
        assertThat(Reassessment.refusal(new Tier("T2"), assessment)).isEmpty();
    }

    @Test
    void anIncreaseThatCrossesIntoTheNextTierIsRefusedNamingBothTiers() {
        Assessment assessment = increase("SA", 1_000, 199_500);

        assertThat(Reassessment.refusal(new Tier("T2"), assessment))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("raises the tier from T2 to T3")
                        .contains("200500.00 GB300e")
                        .contains("file a new application"));
    }

    @Test
    void aTierOneLicenceThatGrowsIntoTierTwoIsRefused() {
        Assessment assessment = increase("SA", 100, 950);

        assertThat(Reassessment.refusal(new Tier("T1"), assessment))
                .hasValueSatisfying(reason -> assertThat(reason).contains("from T1 to T2"));
    }

    @Test
    void anIncreaseThatWouldBeExemptIsNoLongerLicensable() {
        Assessment assessment = increase("DE", 10, 0);

        assertThat(assessment.outcome().name()).isEqualTo("EXEMPT");
        assertThat(Reassessment.refusal(new Tier("T1"), assessment))
                .hasValueSatisfying(reason -> assertThat(reason).contains("assessed EXEMPT"));
    }

    @Test
    void anIncreaseToAnEmbargoedDestinationIsRefused() {
        assertThat(Reassessment.refusal(new Tier("T2"), increase("IR", 10, 0)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("PROHIBITED"));
    }

    @Test
    void aLowerTierThanTheLicencesPasses() {
        assertThat(Reassessment.refusal(new Tier("T3"), increase("SA", 10, 0))).isEmpty();
    }

    @Test
    void aTierTheLadderDoesNotKnowCannotBeCompared() {
        assertThat(Reassessment.refusal(new Tier("LPP"), increase("SA", 10, 0)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("does not rank against it"));
    }
}
