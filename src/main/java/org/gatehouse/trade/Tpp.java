package org.gatehouse.trade;

/**
 * An amount of compute in Total Processing Performance units (SPEC §2.1), exact: never negative, added and
 * subtracted without overflow. GB300-equivalents are derived from it only for display.
 */
public record Tpp(long value) implements Comparable<Tpp> {

    public static final Tpp ZERO = new Tpp(0);

    public Tpp {
        if (value < 0) {
            throw new IllegalArgumentException("TPP must not be negative, got " + value);
        }
    }

    public static Tpp of(long value) {
        return value == 0 ? ZERO : new Tpp(value);
    }

    /** @throws ArithmeticException when the sum exceeds a long */
    public Tpp plus(Tpp other) {
        return of(Math.addExact(value, other.value));
    }

    /** @throws IllegalArgumentException when {@code other} is larger */
    public Tpp minus(Tpp other) {
        return of(value - other.value);
    }

    public boolean isZero() {
        return value == 0;
    }

    /** GB300-equivalents, rounded half-up to two decimals, for people to read ("1319.33"). */
    public String gb300e(long referenceTpp) {
        return Gb300e.format(value, referenceTpp);
    }

    @Override
    public int compareTo(Tpp other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " TPP";
    }
}
