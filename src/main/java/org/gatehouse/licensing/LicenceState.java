package org.gatehouse.licensing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a licence stands (SPEC §6.3), and the transition table: each state names the states it may move to.
 * {@link Licence} refuses any other move, naming the current state.
 */
public enum LicenceState {
    /** Shipments may be reported against it. */
    ACTIVE,
    /** Shipments are refused until an officer reinstates it; it still expires at the end of its validity. */
    SUSPENDED,
    /** Withdrawn by the authority; what was not shipped was released. Final. */
    REVOKED,
    /** Its validity ended; what was not shipped was released. Final. */
    EXPIRED;

    /** The states this one may move to. */
    public Set<LicenceState> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(SUSPENDED, REVOKED, EXPIRED);
            case SUSPENDED -> EnumSet.of(ACTIVE, REVOKED, EXPIRED);
            case REVOKED, EXPIRED -> EnumSet.noneOf(LicenceState.class);
        };
    }

    /** Whether the licence still holds authorized compute (its unshipped part is released on leaving these states). */
    public boolean live() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
