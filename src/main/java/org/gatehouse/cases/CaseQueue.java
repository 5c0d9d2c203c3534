package org.gatehouse.cases;

/** Which cases a queue shows (SPEC §10: the officer's queue with its clocks). */
public enum CaseQueue {
    /** Every open case (in review, referred or held). */
    OPEN,
    /** Open and not held, and nobody has taken it. */
    UNASSIGNED,
    /** Open cases the caller has taken. */
    MINE,
    /** Referred to agencies. */
    REFERRED,
    /** Waiting for the applicant's answer. */
    HELD,
    /** Open, not held, with a clock past its limit. */
    OVERDUE,
    /** Open, with a flag raised and not cleared (it blocks approval). */
    FLAGGED,
    /** Open, and referred to an agency that has not recommended yet (for an agency: to itself). */
    AWAITING_RECOMMENDATION,
    /** Every case, open or closed. */
    ALL
}
