package org.gatehouse.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer for one deal under one policy on one date (SPEC §4): one of four outcome types, each carrying
 * the facts it was decided on, from which the public JSON form and the explanation are derived.
 */
public sealed interface Assessment
        permits Assessment.NotControlled, Assessment.Exempt, Assessment.LicenseRequired, Assessment.Prohibited {

    /**
     * What the decision rests on.
     *
     * @param controlledTpp exact TPP of the controlled lines of this deal
     * @param destinationClass the destination's class under the policy
     * @param tallies the ladders evaluated, the first giving the tier; empty when no ladder applied
     * @param overlays bit {@code i} set when overlay {@code i} of the policy matched
     * @param replacedPaths review paths (bit per ordinal) that matching overlays replaced
     */
    record Facts(
            Deal deal,
            Policy policy,
            LocalDate date,
            long controlledTpp,
            Policy.DestinationClass destinationClass,
            List<Tally> tallies,
            long overlays,
            long replacedPaths) {

        /** The tier-giving tally, or {@code null}. */
        public Tally primary() {
            return tallies.isEmpty() ? null : tallies.getFirst();
        }
    }

    /** No licence is needed: no controlled item, or a destination the policy does not control. */
    record NotControlled(Facts facts) implements Assessment {}

    /** No licence is needed because the tier's exemption applies, with the exemption's requirements. */
    record Exempt(Facts facts, String tier, long requirementMask) implements Assessment {}

    /** A licence is needed, reviewed on {@code reviewPath}, subject to {@code requirements}. */
    record LicenseRequired(Facts facts, String tier, ReviewPath reviewPath, long requirementMask)
            implements Assessment {}

    /** No licence can be granted (embargoed destination). */
    record Prohibited(Facts facts) implements Assessment {}

    Facts facts();

    default Outcome outcome() {
        return switch (this) {
            case NotControlled n -> Outcome.NOT_CONTROLLED;
            case Exempt e -> Outcome.EXEMPT;
            case LicenseRequired l -> Outcome.LICENSE_REQUIRED;
            case Prohibited p -> Outcome.PROHIBITED;
        };
    }

    default String id() {
        return facts().deal().id();
    }

    /** The tier, or {@code null} when no band applies. */
    default String tier() {
        return switch (this) {
            case Exempt e -> e.tier();
            case LicenseRequired l -> l.tier();
            case NotControlled n -> null;
            case Prohibited p -> null;
        };
    }

    /** The review path, or {@code null} for NOT_CONTROLLED and PROHIBITED. */
    default ReviewPath reviewPath() {
        return switch (this) {
            case Exempt e -> ReviewPath.EXEMPT;
            case LicenseRequired l -> l.reviewPath();
            case NotControlled n -> null;
            case Prohibited p -> null;
        };
    }

    /** The requirement codes, in SPEC §4 order. */
    default List<Requirement> requirements() {
        return switch (this) {
            case Exempt e -> Requirement.listOf(e.requirementMask());
            case LicenseRequired l -> Requirement.listOf(l.requirementMask());
            case NotControlled n -> List.of();
            case Prohibited p -> List.of();
        };
    }

    /**
     * TPP of the tier measure after this deal, or -1 when no measure decided the tier (no ladder applied, or the
     * tier-giving ladder has no measure).
     */
    default long measureAfterTpp() {
        Tally primary = facts().primary();
        return primary == null || !primary.measured() ? -1 : primary.afterTpp();
    }

    /** Sentences a compliance officer can follow: class, items, measure, band, overlays, numbers. */
    default List<String> explanation() {
        return Explanation.of(this);
    }
}
