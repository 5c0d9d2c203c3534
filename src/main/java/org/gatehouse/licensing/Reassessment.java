package org.gatehouse.licensing;

import java.util.List;
import java.util.Optional;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.Tally;
import org.gatehouse.policy.Tier;

/**
 * The rule an amendment that raises quantities must pass: its increase, assessed under the policy in force against a
 * ledger that already counts the licence, must still need a licence, and in a tier no higher than the licence's. A
 * deal that grew into a higher tier needs what that tier requires (pre-approval, a government agreement…), which only
 * a new application can show, so the amendment is refused and says so.
 */
public final class Reassessment {

    private Reassessment() {}

    /** Why the increase cannot be granted by amendment, or nothing when it can. */
    public static Optional<String> refusal(Tier licenceTier, Assessment increase) {
        if (increase.outcome() != Outcome.LICENSE_REQUIRED) {
            return Optional.of("the increase is assessed " + increase.outcome() + " under policy "
                    + increase.facts().policy().id() + ", no longer LICENSE_REQUIRED: file a new application");
        }
        String tier = increase.tier();
        String held = licenceTier == null ? null : licenceTier.name();
        if (tier == null ? held == null : tier.equals(held)) {
            return Optional.empty();
        }
        Tally primary = increase.facts().primary();
        List<Policy.Band> bands = primary == null ? List.of() : primary.ladder().bands();
        int was = rank(bands, held);
        int now = rank(bands, tier);
        if (was < 0 || now < 0) {
            return Optional.of("the licence was granted in tier " + held + " and the increase is assessed in tier "
                    + tier + ", which policy " + increase.facts().policy().id()
                    + " does not rank against it: file a new application");
        }
        if (now > was) {
            return Optional.of("the increase raises the tier from " + held + " to " + tier + " (measure after it: "
                    + afterText(increase) + "): file a new application");
        }
        return Optional.empty();
    }

    /** Position of {@code tier} in the ladder, lowest first; -1 when it is not a band of it. */
    private static int rank(List<Policy.Band> bands, String tier) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).tier().equals(tier)) {
                return i;
            }
        }
        return -1;
    }

    private static String afterText(Assessment assessment) {
        long after = assessment.measureAfterTpp();
        return after < 0
                ? "not measured"
                : org.gatehouse.trade.Gb300e.format(
                                after, assessment.facts().policy().referenceTpp()) + " GB300e";
    }
}
