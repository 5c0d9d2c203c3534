package org.gatehouse.policy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a policy to a deal (SPEC §3–§4): a pure function of (deal, policy, ledger view, date).
 * It reads the ledger but never changes it; the same inputs give the same assessment.
 *
 * <p>The order of the rule: classify the lines (only controlled lines count); find the destination class (first match);
 * not controlled and prohibited classes answer at once; otherwise evaluate the class's ladders on their measures
 * (already counted + this deal), collect the review paths of the class, bands and matching overlays, remove
 * those that an overlay replaces, and keep the most restrictive by the policy's precedence. The tier's exemption
 * applies only when the class allows it, there is no screening hit and nothing stricter than EXEMPT remains.
 */
public final class Assessor {

    private Assessor() {}

    /**
     * Assesses {@code deal} under {@code policy} as of {@code date}, counting what {@code ledger} already holds.
     *
     * @throws IllegalArgumentException when the totals exceed the range of exact arithmetic (absurd quantities)
     */
    public static Assessment assess(Deal deal, Policy policy, LedgerView ledger, LocalDate date) {
        List<Line> lines = deal.lines();
        long controlledTpp = 0;
        try {
            for (int i = 0, n = lines.size(); i < n; i++) {
                Line line = lines.get(i);
                if (line.item().controlled()) {
                    controlledTpp = Math.addExact(controlledTpp, line.tpp());
                }
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("quantity: the application's total TPP exceeds " + Long.MAX_VALUE, e);
        }
        int countryIndex = deal.destination().index();
        Policy.DestinationClass destinationClass = policy.classes.get(policy.classByCountry[countryIndex]);
        if (controlledTpp == 0 || destinationClass.treatment() == Policy.Treatment.NOT_CONTROLLED) {
            return new Assessment.NotControlled(
                    facts(deal, policy, date, controlledTpp, destinationClass, List.of(), 0, 0));
        }
        if (destinationClass.treatment() == Policy.Treatment.PROHIBITED) {
            return new Assessment.Prohibited(
                    facts(deal, policy, date, controlledTpp, destinationClass, List.of(), 0, 0));
        }

        List<Policy.Ladder> ladders = destinationClass.ladders();
        Tally[] tallies = new Tally[ladders.size()];
        int tallyCount = 0;
        Tally primary = tally(ladders.getFirst(), deal, ledger, date, controlledTpp);
        tallies[tallyCount++] = primary;

        long paths = destinationClass.reviewPath() == null ? 0 : bit(destinationClass.reviewPath());
        long requirements = destinationClass.requirements();
        for (int i = 1; i < ladders.size(); i++) {
            Policy.Ladder ladder = ladders.get(i);
            if (ladder.applies() == Policy.Applies.ALWAYS) {
                Tally tally = tally(ladder, deal, ledger, date, controlledTpp);
                tallies[tallyCount++] = tally;
                paths |= bandPath(tally.band());
                requirements |= tally.band().requirements();
            }
        }

        long overlays = 0;
        long replaced = 0;
        for (Policy.Overlay overlay : policy.overlaysByCountry[countryIndex]) {
            if (overlay.inForce(date) && matches(overlay, lines)) {
                overlays |= 1L << overlay.index();
                replaced |= overlay.replaces();
                if (overlay.reviewPath() != null) {
                    paths |= bit(overlay.reviewPath());
                }
                requirements |= overlay.requirements();
            }
        }
        if (deal.screeningHit()) {
            requirements |= policy.screeningRequirements;
        }

        Policy.Band band = primary.band();
        boolean exempt = band.exemptionAvailable()
                && destinationClass.exemptionAllowed()
                && !deal.screeningHit()
                && (paths & ~replaced & ~bit(ReviewPath.EXEMPT)) == 0;
        if (exempt) {
            List<Tally> evaluated = List.of(Arrays.copyOf(tallies, tallyCount));
            return new Assessment.Exempt(
                    facts(deal, policy, date, controlledTpp, destinationClass, evaluated, overlays, replaced),
                    band.tier(),
                    requirements | band.exemptionRequirements());
        }

        paths |= bandPath(band);
        requirements |= band.requirements();
        for (int i = 1; i < ladders.size(); i++) {
            Policy.Ladder ladder = ladders.get(i);
            if (ladder.applies() == Policy.Applies.WHEN_NOT_EXEMPT) {
                Tally tally = tally(ladder, deal, ledger, date, controlledTpp);
                tallies[tallyCount++] = tally;
                paths |= bandPath(tally.band());
                requirements |= tally.band().requirements();
            }
        }
        long effective = paths & ~replaced;
        if (effective == 0) {
            effective = paths;
        }
        ReviewPath path = mostRestrictive(effective, policy);
        List<Tally> evaluated =
                tallyCount == tallies.length ? List.of(tallies) : List.of(Arrays.copyOf(tallies, tallyCount));
        return new Assessment.LicenseRequired(
                facts(deal, policy, date, controlledTpp, destinationClass, evaluated, overlays, replaced),
                band.tier(),
                path,
                requirements);
    }

    private static Assessment.Facts facts(
            Deal deal,
            Policy policy,
            LocalDate date,
            long controlledTpp,
            Policy.DestinationClass destinationClass,
            List<Tally> tallies,
            long overlays,
            long replaced) {
        return new Assessment.Facts(deal, policy, date, controlledTpp, destinationClass, tallies, overlays, replaced);
    }

    private static Tally tally(Policy.Ladder ladder, Deal deal, LedgerView ledger, LocalDate date, long tpp) {
        if (!ladder.hasMeasure()) {
            // The loader allows one band, for any amount, in a ladder without a measure: nothing to count.
            return new Tally(ladder, null, 0, 0, ladder.bands().getFirst());
        }
        MeasureKey key = MeasureKey.of(ladder.measure(), deal, date);
        long before = ledger.countedTpp(ladder.measure(), key, date);
        long after;
        try {
            after = Math.addExact(before, tpp);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "quantity: the measure " + ladder.measure().id() + " exceeds " + Long.MAX_VALUE + " TPP", e);
        }
        return new Tally(ladder, key, before, after, ladder.bandFor(after));
    }

    /** Whether the overlay's item conditions hold for all (or any) controlled lines, per its {@code lines} setting. */
    private static boolean matches(Policy.Overlay overlay, List<Line> lines) {
        boolean all = overlay.lines() == Policy.LineMatch.ALL;
        boolean any = false;
        for (int i = 0, n = lines.size(); i < n; i++) {
            Line line = lines.get(i);
            if (!line.item().controlled()) {
                continue;
            }
            var chip = line.item().accelerator();
            boolean match = overlay.matchesChip(chip.tpp(), chip.memoryBandwidthGbs());
            if (match) {
                any = true;
                if (!all) {
                    return true;
                }
            } else if (all) {
                return false;
            }
        }
        return any;
    }

    private static long bandPath(Policy.Band band) {
        return band.reviewPath() == null ? 0 : bit(band.reviewPath());
    }

    private static long bit(ReviewPath path) {
        return 1L << path.ordinal();
    }

    private static ReviewPath mostRestrictive(long paths, Policy policy) {
        List<ReviewPath> precedence = policy.precedence;
        for (int i = 0, n = precedence.size(); i < n; i++) {
            ReviewPath path = precedence.get(i);
            if ((paths & bit(path)) != 0) {
                return path;
            }
        }
        throw new IllegalStateException("no review path in " + Long.toBinaryString(paths));
    }
}
