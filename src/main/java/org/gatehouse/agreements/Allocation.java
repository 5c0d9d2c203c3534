package org.gatehouse.agreements;

/**
 * The compute an agreement allocates to tier-3 licences for its country, in whole GB300-equivalents as agreed, kept as
 * exact TPP at the reference item's TPP of the policy in force when it was recorded (SPEC §2.1).
 */
public record Allocation(long gb300e, long tpp, long referenceTpp) {

    /** Largest allocation: ten million GB300e, far above any country's plans. */
    public static final long GB300E_MAX = 10_000_000L;

    public Allocation {
        if (gb300e < 1 || gb300e > GB300E_MAX) {
            throw new IllegalArgumentException("must be 1.." + GB300E_MAX + " GB300e, got " + gb300e);
        }
        if (referenceTpp < 1 || tpp != Math.multiplyExact(gb300e, referenceTpp)) {
            throw new IllegalArgumentException("the allocation's TPP is its GB300e × the reference TPP");
        }
    }

    public static Allocation of(long gb300e, long referenceTpp) {
        if (gb300e < 1 || gb300e > GB300E_MAX) {
            throw new IllegalArgumentException("must be a whole number 1.." + GB300E_MAX + " GB300e, got " + gb300e);
        }
        return new Allocation(gb300e, gb300e * referenceTpp, referenceTpp);
    }
}
