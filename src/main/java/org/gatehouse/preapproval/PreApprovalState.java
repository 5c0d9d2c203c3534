package org.gatehouse.preapproval;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a buyer pre-approval stands (SPEC §7), and the transition table: each state names the states it may move to.
 * {@link PreApproval} refuses any other move, naming the current state.
 */
public enum PreApprovalState {
    /** Asked for by the buyer (or by an exporter for it); no officer has taken it yet. */
    REQUESTED,
    /** An officer is reviewing it. */
    UNDER_REVIEW,
    /** Granted with conditions and a validity: the buyer may receive tier-2 deployments it covers. */
    GRANTED,
    /** Refused, with reasons. */
    DENIED,
    /** Suspended by an officer or by a failed inspection: it covers nothing until reinstated. */
    SUSPENDED,
    /** Granted again after a suspension. */
    REINSTATED,
    /** Withdrawn by an officer for good. */
    REVOKED,
    /** Past its validity. */
    EXPIRED;

    /** The states this one may move to. */
    public Set<PreApprovalState> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(GRANTED, DENIED);
            case GRANTED, REINSTATED -> EnumSet.of(SUSPENDED, REVOKED, EXPIRED);
            case SUSPENDED -> EnumSet.of(REINSTATED, REVOKED, EXPIRED);
            case DENIED, REVOKED, EXPIRED -> EnumSet.noneOf(PreApprovalState.class);
        };
    }

    /** Whether it covers its buyer now (granted or reinstated, and not suspended). */
    public boolean active() {
        return this == GRANTED || this == REINSTATED;
    }

    /** Whether it was granted and has not ended: it has a validity, which can run out. */
    public boolean live() {
        return active() || this == SUSPENDED;
    }
}
