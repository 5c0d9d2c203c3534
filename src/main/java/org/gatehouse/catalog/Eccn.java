package org.gatehouse.catalog;

import java.math.BigDecimal;

/**
 * Export classification of an item under the 3A090/4A090 thresholds of SPEC §2.1: chips are 3A090.a, systems
 * containing such chips 4A090.a; everything below both thresholds is not controlled by these rules.
 */
public enum Eccn {
    ECCN_3A090_A("3A090.a"),
    ECCN_4A090_A("4A090.a"),
    NOT_CONTROLLED(null);

    /** TPP at or above which a chip is controlled whatever its density. */
    public static final long TPP_CONTROLLED = 4_800;
    /** TPP at or above which a dense chip is controlled. */
    public static final long TPP_DENSE_CONTROLLED = 1_600;
    /** Performance density at or above which a chip with TPP ≥ 1,600 is controlled. */
    public static final BigDecimal PD_DENSE_CONTROLLED = new BigDecimal("5.92");

    private final String code;

    Eccn(String code) {
        this.code = code;
    }

    /** The ECCN as written in the regulation ("3A090.a"), or {@code null} when not controlled. */
    public String code() {
        return code;
    }

    /** Whether a chip with this TPP and performance density meets the 3A090.a thresholds. */
    public static boolean isControlledChip(long tpp, BigDecimal performanceDensity) {
        if (tpp >= TPP_CONTROLLED) {
            return true;
        }
        return tpp >= TPP_DENSE_CONTROLLED
                && performanceDensity != null
                && performanceDensity.compareTo(PD_DENSE_CONTROLLED) >= 0;
    }
}
