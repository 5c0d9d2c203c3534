package org.gatehouse.agreements;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a government-to-government agreement stands, and the transition table: each status names those it may move
 * to. {@link Agreement} refuses any other move, naming the current status.
 */
public enum AgreementStatus {
    /** Recorded while negotiated: not signed yet. */
    DRAFT,
    /** Signed by its signatories; not in force yet. */
    SIGNED,
    /** In force from its in-force date. */
    IN_FORCE,
    /** Ended on its termination date. */
    TERMINATED;

    public Set<AgreementStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SIGNED, TERMINATED);
            case SIGNED -> EnumSet.of(IN_FORCE, TERMINATED);
            case IN_FORCE -> EnumSet.of(TERMINATED);
            case TERMINATED -> EnumSet.noneOf(AgreementStatus.class);
        };
    }
}
