package org.gatehouse.policy;

/**
 * One ladder evaluated for an application: the measure's key, its total before and after, and the band reached. For a
 * ladder without a measure the key is {@code null} and both totals are 0: nothing was counted.
 */
public record Tally(Policy.Ladder ladder, MeasureKey key, long beforeTpp, long afterTpp, Policy.Band band) {

    /** Whether a measure decided the band (false for a ladder without a measure). */
    public boolean measured() {
        return key != null;
    }
}
