package org.gatehouse.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in review (SPEC §6.2), and the transition table: each state names the states it may move to.
 * {@link Case} refuses any other move, naming the current state and what it allows.
 */
public enum CaseState {
    /** With the licensing officer (assigned or not). */
    IN_REVIEW,
    /** Referred to one or more agencies (State, Defense, Energy) for their recommendation. */
    REFERRED,
    /** Waiting for the applicant's answer to a question: every clock stops. */
    HELD_WITHOUT_ACTION,
    /** Returned to the applicant without a decision; its compute is released. */
    RETURNED_WITHOUT_ACTION,
    /** The applicant withdrew the application. */
    WITHDRAWN,
    /** Approved (with or without conditions) or denied. */
    DECIDED;

    /** The states this one may move to. */
    public Set<CaseState> next() {
        return switch (this) {
            case IN_REVIEW -> EnumSet.of(REFERRED, HELD_WITHOUT_ACTION, RETURNED_WITHOUT_ACTION, WITHDRAWN, DECIDED);
            case REFERRED -> EnumSet.of(HELD_WITHOUT_ACTION, RETURNED_WITHOUT_ACTION, WITHDRAWN, DECIDED);
            case HELD_WITHOUT_ACTION -> EnumSet.of(IN_REVIEW, REFERRED, RETURNED_WITHOUT_ACTION, WITHDRAWN);
            case RETURNED_WITHOUT_ACTION, WITHDRAWN, DECIDED -> EnumSet.noneOf(CaseState.class);
        };
    }

    /** Whether the case is still under review (not returned, withdrawn or decided). */
    public boolean open() {
        return !next().isEmpty();
    }
}
