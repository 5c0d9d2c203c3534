package org.gatehouse.ledger.web;

import java.util.List;
import java.util.Optional;
import org.gatehouse.ledger.CountryTotals;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.trade.Gb300e;

/**
 * The line above which a company's compute in one country needs its government's involvement — the "Tier 3 line"
 * of the default policy (more than 200,000 GB300e) — read from a policy rather than assumed: the lower bound of the
 * first band reviewed government-to-government ({@link ReviewPath#G2G}) in a ladder measured per (ultimate parent,
 * destination) over all time. A policy without such a band (today's framework) has no line, and pages say so.
 *
 * @param tier the band's name in the policy (T3 in the default policy, T4 in the alternative reading)
 * @param boundTpp the band's lower bound in exact TPP
 * @param inclusive whether reaching the bound is already in the band (≥) or only exceeding it (>)
 * @param buckets the ledger buckets the measure counts
 */
record GovernmentLine(
        String policyId,
        String tier,
        long boundTpp,
        boolean inclusive,
        String boundText,
        List<Policy.Bucket> buckets,
        long referenceTpp) {

    static Optional<GovernmentLine> of(Policy policy) {
        for (Policy.Ladder ladder : policy.ladders()) {
            Policy.Measure measure = ladder.measure();
            if (measure == null
                    || measure.window() != Policy.Window.NONE
                    || measure.key().size() != 2
                    || !measure.keyedBy(Policy.KeyPart.END_USER_PARENT)
                    || !measure.keyedBy(Policy.KeyPart.DESTINATION)) {
                continue;
            }
            for (Policy.Band band : ladder.bands()) {
                if (band.reviewPath() == ReviewPath.G2G && band.lower() != null) {
                    return Optional.of(new GovernmentLine(
                            policy.id(),
                            band.tier(),
                            band.lower().tpp(),
                            band.lower().inclusive(),
                            (band.lower().inclusive() ? "at least " : "more than ")
                                    + band.lower().text(),
                            measure.buckets(),
                            policy.referenceTpp()));
                }
            }
        }
        return Optional.empty();
    }

    /** What the measure counts of a company's totals. */
    long counted(CountryTotals totals) {
        long sum = 0;
        for (Policy.Bucket bucket : buckets) {
            sum = Math.addExact(
                    sum,
                    switch (bucket) {
                        case RESERVED -> totals.reservedTpp();
                        case AUTHORIZED -> totals.authorizedTpp();
                        case SHIPPED -> totals.shippedTpp();
                    });
        }
        return sum;
    }

    /** Whether the company is in the band already. */
    boolean crossed(CountryTotals totals) {
        long counted = counted(totals);
        return inclusive ? counted >= boundTpp : counted > boundTpp;
    }

    /** The distance between the company's counted compute and the bound, in GB300e (always non-negative). */
    String distanceGb300e(CountryTotals totals) {
        return Gb300e.format(Math.abs(boundTpp - counted(totals)), referenceTpp);
    }

    /** The bound in GB300e. */
    String boundGb300e() {
        return Gb300e.format(boundTpp, referenceTpp);
    }
}
