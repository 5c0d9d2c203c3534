package org.gatehouse.preapproval;

/** What an on-site inspection found. */
public enum InspectionOutcome {
    /** Nothing to remedy. */
    SATISFACTORY,
    /** Shortcomings to remedy by a due date; the pre-approval stands meanwhile. */
    FINDINGS,
    /** The site does not meet the conditions: the pre-approval is suspended at once and the buyer's cases flagged. */
    FAILED
}
