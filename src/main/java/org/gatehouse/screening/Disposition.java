package org.gatehouse.screening;

/** An officer's finding on a screening hit (SPEC §8). */
public enum Disposition {
    /** The party is the listed party: the application's outcome is PROHIBITED and its case denied. */
    TRUE_MATCH,
    /** The party is not the listed party: the hit is cleared, with the reason (evidence for SCREENING_REVIEW). */
    FALSE_POSITIVE
}
