package org.gatehouse.revenueshare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.gatehouse.trade.Usd;

/**
 * A licence's REVENUE_SHARE condition (SPEC §7): the rate of the condition's parameters (the China H200 overlay: 0.25)
 * applied to its base (the revenue from the licensed items), due a number of days after each calendar quarter ends
 * (the policy's {@code revenueShareDueDays}, 30 by default).
 *
 * <p>The arithmetic, stated once: amount due = rate × revenue, computed exactly in decimal and then rounded half-even
 * to the cent (a half cent goes to the even cent: 0.25 × $0.10 = $0.025 is $0.02, 0.25 × $0.14 = $0.035 is $0.04).
 * Money is never a floating-point number.
 */
public record RevenueShareTerms(BigDecimal rate, String base, int dueDays) {

    /** The base when the condition names none: what SPEC §3.4 says the China overlay's share is of. */
    public static final String DEFAULT_BASE = "revenue from the licensed items";

    /** Longest due period accepted from a policy. */
    public static final int DUE_DAYS_MAX = 366;

    public RevenueShareTerms {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(base, "base");
        if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a revenue-share rate is more than 0 and at most 1, got " + rate);
        }
        if (dueDays < 0 || dueDays > DUE_DAYS_MAX) {
            throw new IllegalArgumentException("revenue share is due 0.." + DUE_DAYS_MAX + " days after the quarter");
        }
    }

    /**
     * The terms of a condition's parameters ({@code rate}, optionally {@code base}).
     *
     * @throws IllegalArgumentException when the rate is missing or not a decimal in (0, 1]
     */
    public static RevenueShareTerms of(Map<String, String> parameters, int dueDays) {
        String rate = parameters.get("rate");
        if (rate == null) {
            throw new IllegalArgumentException("the REVENUE_SHARE condition names no rate");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(rate);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the REVENUE_SHARE rate is not a decimal: '" + rate + "'");
        }
        return new RevenueShareTerms(value, parameters.getOrDefault("base", DEFAULT_BASE), dueDays);
    }

    /** The amount due on {@code revenue}: rate × revenue, rounded half-even to the cent. */
    public Usd due(Usd revenue) {
        return revenue.times(rate);
    }

    /** The last day the share of {@code quarter} may be paid without being overdue. */
    public LocalDate dueOn(Quarter quarter) {
        return quarter.lastDay().plusDays(dueDays);
    }
}
