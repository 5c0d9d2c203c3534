package org.gatehouse.licensing;

import java.util.EnumSet;
import java.util.Set;

/** Where a tier-1 exemption stands, and the transition table. {@link Exemption} refuses any other move. */
public enum ExemptionState {
    /** Shipments may be made and notified; what is not notified stays reserved. */
    OPEN,
    /** Every unit was shipped and notified. */
    COMPLETED,
    /** Not shipped within its period: what was not notified was released. Final. */
    LAPSED,
    /** Its application was withdrawn (which released what was not shipped). Final. */
    WITHDRAWN;

    /** The states this one may move to. */
    public Set<ExemptionState> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(COMPLETED, LAPSED, WITHDRAWN);
            case COMPLETED -> EnumSet.of(WITHDRAWN);
            case LAPSED, WITHDRAWN -> EnumSet.noneOf(ExemptionState.class);
        };
    }
}
