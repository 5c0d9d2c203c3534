package org.gatehouse.applications;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands (SPEC §6.2), and the transition table: each state names the states it may move to.
 * {@link Application} refuses any other move, naming the current state. While its case is reviewed, an application
 * stays SUBMITTED (the case module holds the review's own states: in review, referred, held) and then moves to the
 * case's conclusion.
 */
public enum ApplicationState {
    DRAFT,
    SUBMITTED,
    IN_REVIEW,
    REFERRED,
    HELD_WITHOUT_ACTION,
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    DENIED,
    RETURNED_WITHOUT_ACTION,
    WITHDRAWN,
    /** Tier-1 exempt: no review; a post-shipment notification is due. */
    EXEMPT,
    /** A draft its author discarded (drafts are records too: kept, hidden from lists). */
    DISCARDED;

    /** The states this one may move to. */
    public Set<ApplicationState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, EXEMPT, RETURNED_WITHOUT_ACTION, DISCARDED);
            case SUBMITTED ->
                EnumSet.of(
                        IN_REVIEW,
                        REFERRED,
                        HELD_WITHOUT_ACTION,
                        APPROVED,
                        APPROVED_WITH_CONDITIONS,
                        DENIED,
                        RETURNED_WITHOUT_ACTION,
                        WITHDRAWN);
            case IN_REVIEW ->
                EnumSet.of(
                        REFERRED,
                        HELD_WITHOUT_ACTION,
                        APPROVED,
                        APPROVED_WITH_CONDITIONS,
                        DENIED,
                        RETURNED_WITHOUT_ACTION,
                        WITHDRAWN);
            case REFERRED ->
                EnumSet.of(
                        IN_REVIEW,
                        HELD_WITHOUT_ACTION,
                        APPROVED,
                        APPROVED_WITH_CONDITIONS,
                        DENIED,
                        RETURNED_WITHOUT_ACTION,
                        WITHDRAWN);
            case HELD_WITHOUT_ACTION -> EnumSet.of(IN_REVIEW, REFERRED, RETURNED_WITHOUT_ACTION, WITHDRAWN);
            case EXEMPT -> EnumSet.of(WITHDRAWN);
            case APPROVED, APPROVED_WITH_CONDITIONS, DENIED, RETURNED_WITHOUT_ACTION, WITHDRAWN, DISCARDED ->
                EnumSet.noneOf(ApplicationState.class);
        };
    }
}
