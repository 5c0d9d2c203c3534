package org.gatehouse.trade;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * GB300-equivalents: a TPP sum divided by the reference item's TPP. Comparisons stay in exact integer TPP; this
 * class only renders the quotient, rounded half-up to two decimals, for people to read.
 */
public final class Gb300e {

    /** Largest TPP for which {@code tpp * 200} stays inside a long, so the fast path is exact. */
    private static final long FAST_PATH_MAX = Long.MAX_VALUE / 200;

    private Gb300e() {}

    /** {@code tpp ÷ referenceTpp} rounded half-up to two decimals, as a plain decimal string ("1200.00"). */
    public static String format(long tpp, long referenceTpp) {
        if (referenceTpp <= 0) {
            throw new IllegalArgumentException("reference TPP must be positive, got " + referenceTpp);
        }
        if (tpp < 0 || tpp > FAST_PATH_MAX) {
            return of(tpp, referenceTpp).toPlainString();
        }
        // Half-up on non-negative integers: floor((200·tpp + ref) / (2·ref)) hundredths.
        long hundredths = (tpp * 200 + referenceTpp) / (2 * referenceTpp);
        long whole = hundredths / 100;
        int cents = (int) (hundredths % 100);
        StringBuilder text = new StringBuilder(24).append(whole).append('.');
        if (cents < 10) {
            text.append('0');
        }
        return text.append(cents).toString();
    }

    /** {@code tpp ÷ referenceTpp} rounded half-up to two decimals. */
    public static BigDecimal of(long tpp, long referenceTpp) {
        return BigDecimal.valueOf(tpp).divide(BigDecimal.valueOf(referenceTpp), 2, RoundingMode.HALF_UP);
    }

    /** Like {@link #of(long, long)} for sums that may exceed a long. */
    public static BigDecimal of(BigInteger tpp, long referenceTpp) {
        return new BigDecimal(tpp).divide(BigDecimal.valueOf(referenceTpp), 2, RoundingMode.HALF_UP);
    }
}
