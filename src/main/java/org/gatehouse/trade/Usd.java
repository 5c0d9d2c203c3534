package org.gatehouse.trade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of US dollars, exact to the cent: a {@link BigDecimal} of scale 2, never a floating-point number. Sums
 * and differences stay exact; the one rounding rule, for a rate applied to an amount ({@link #times}), is half-even
 * to the cent (a half cent goes to the even cent, so that many roundings do not drift one way).
 */
public record Usd(BigDecimal amount) implements Comparable<Usd> {

    /** Largest amount a client may state: a thousand trillion dollars. */
    public static final BigDecimal INPUT_MAX = new BigDecimal("1000000000000000");

    public static final Usd ZERO = new Usd(BigDecimal.ZERO);

    public Usd {
        Objects.requireNonNull(amount, "amount");
        amount = amount.setScale(2, RoundingMode.UNNECESSARY); // refuses sub-cent amounts: ArithmeticException
    }

    /**
     * An amount a client stated: 0..{@link #INPUT_MAX} with at most two decimals.
     *
     * @throws IllegalArgumentException naming the rule (for {@link InputCheck#field})
     */
    public static Usd input(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("is required (US dollars, at most 2 decimals)");
        }
        if (value.signum() < 0
                || value.compareTo(INPUT_MAX) > 0
                || value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must be 0.." + INPUT_MAX.toPlainString()
                    + " US dollars with at most 2 decimals, got " + Text.number(value));
        }
        return new Usd(value);
    }

    /** A positive amount a client stated (as {@link #input}, and more than zero). */
    public static Usd positiveInput(BigDecimal value) {
        Usd usd = input(value);
        if (usd.isZero()) {
            throw new IllegalArgumentException("must be more than 0 US dollars");
        }
        return usd;
    }

    /** An amount as stored or computed ({@code "1250.00"}). */
    public static Usd of(String text) {
        return new Usd(new BigDecimal(text));
    }

    public Usd plus(Usd other) {
        return new Usd(amount.add(other.amount));
    }

    public Usd minus(Usd other) {
        return new Usd(amount.subtract(other.amount));
    }

    /** {@code rate × this}, computed exactly and then rounded half-even to the cent (the only rounding). */
    public Usd times(BigDecimal rate) {
        return new Usd(amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN));
    }

    /** The larger of this and zero. */
    public Usd atLeastZero() {
        return amount.signum() < 0 ? ZERO : this;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isLessThan(Usd other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Usd other) {
        return amount.compareTo(other.amount);
    }

    /** For people: {@code $1,250,000.00}. */
    public String display() {
        DecimalFormat format = new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        String text = format.format(amount.abs());
        return amount.signum() < 0 ? "-" + text : text;
    }

    /** For machines: the plain decimal with two places ({@code 1250000.00}). */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
