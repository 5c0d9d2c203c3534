package org.gatehouse.agreements;

import java.math.BigDecimal;
import java.util.Objects;
import org.gatehouse.trade.Usd;

/**
 * The host country's pledge of investment in US AI infrastructure (SPEC §7): the pledged amount, the matching ratio
 * (the policy's default 1.0: one dollar in the US per dollar of AI infrastructure at home) and, when stated, the home
 * investment the pledge matches. The pledge must be at least ratio × home investment, rounded half-even to the cent.
 */
public record InvestmentCommitment(Usd pledged, BigDecimal matchingRatio, Usd homeInvestment) {

    /** Largest matching ratio accepted. */
    public static final BigDecimal RATIO_MAX = new BigDecimal("100");
    /** Most decimals of a matching ratio. */
    public static final int RATIO_SCALE_MAX = 4;

    public InvestmentCommitment {
        Objects.requireNonNull(pledged, "pledged");
        matchingRatio = ratio(matchingRatio);
    }

    /** A ratio more than 0, at most {@link #RATIO_MAX}, with at most {@link #RATIO_SCALE_MAX} decimals. */
    public static BigDecimal ratio(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
        if (value.signum() <= 0
                || value.compareTo(RATIO_MAX) > 0
                || value.stripTrailingZeros().scale() > RATIO_SCALE_MAX) {
            throw new IllegalArgumentException("must be more than 0 and at most " + RATIO_MAX + " with at most "
                    + RATIO_SCALE_MAX + " decimals, got " + org.gatehouse.trade.Text.number(value));
        }
        return value.stripTrailingZeros().scale() < 1 ? value.setScale(1) : value.stripTrailingZeros();
    }

    /** What the pledge must at least be: ratio × home investment (null when no home investment is stated). */
    public Usd required() {
        return homeInvestment == null ? null : homeInvestment.times(matchingRatio);
    }
}
