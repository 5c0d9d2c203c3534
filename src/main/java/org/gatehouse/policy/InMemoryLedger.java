package org.gatehouse.policy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;

/**
 * A ledger kept in memory for one policy, for the offline tools: holdings seed the shipped bucket, and each assessed
 * row that is EXEMPT or LICENSE_REQUIRED is recorded as a pending deal under every measure it was assessed on
 * that counts its outcome and tier. Memory grows with the number of distinct keys, not with the number of rows.
 */
public final class InMemoryLedger implements LedgerView {

    private static final class Total {
        long tpp;
    }

    private final Map<MeasureKey, Total> totals = new HashMap<>();
    /** For rolling windows only: TPP per day per key. */
    private final Map<MeasureKey, TreeMap<Long, Long>> byDay = new HashMap<>();

    private final Map<String, Map<CountryCode, Total>> holdingsByParentCountry = new HashMap<>();
    private final Map<String, Total> holdingsByParent = new HashMap<>();
    private final Map<CountryCode, Total> holdingsByCountry = new HashMap<>();

    /**
     * Seeds the shipped bucket with what a company already holds in a country. Holdings have no date and no tier, so
     * they count only for measures without a window or {@code counts.tiers}, keyed by parent and/or destination (not by
     * end user).
     */
    public void addHolding(CompanyName parent, CountryCode destination, long tpp) {
        if (tpp < 0) {
            throw new IllegalArgumentException("holding: TPP must not be negative, got " + tpp);
        }
        holdingsByParentCountry
                .computeIfAbsent(parent.key(), p -> new HashMap<>())
                .computeIfAbsent(destination, d -> new Total())
                .tpp += tpp;
        holdingsByParent.computeIfAbsent(parent.key(), p -> new Total()).tpp += tpp;
        holdingsByCountry.computeIfAbsent(destination, d -> new Total()).tpp += tpp;
    }

    /**
     * Records an assessment as a pending deal under each measure it was assessed on that counts its outcome and tier.
     */
    public void record(Assessment assessment) {
        Outcome outcome = assessment.outcome();
        if (!outcome.holdsCompute()) {
            return;
        }
        Assessment.Facts facts = assessment.facts();
        String tier = assessment.tier();
        for (Tally tally : facts.tallies()) {
            Policy.Measure measure = tally.ladder().measure();
            if (measure == null
                    || !measure.counts(outcome, tier)
                    || !measure.buckets().contains(Policy.Bucket.RESERVED)) {
                continue;
            }
            if (measure.window() == Policy.Window.ROLLING_MONTHS) {
                byDay.computeIfAbsent(tally.key(), k -> new TreeMap<>())
                        .merge(facts.date().toEpochDay(), facts.controlledTpp(), Math::addExact);
            } else {
                Total total = totals.get(tally.key());
                if (total == null) {
                    total = new Total();
                    totals.put(tally.key(), total);
                }
                total.tpp = Math.addExact(total.tpp, facts.controlledTpp());
            }
        }
    }

    @Override
    public long countedTpp(Policy.Measure measure, MeasureKey key, LocalDate date) {
        long counted;
        if (measure.window() == Policy.Window.ROLLING_MONTHS) {
            TreeMap<Long, Long> days = byDay.get(key);
            counted = 0;
            if (days != null) {
                long from = date.minusMonths(measure.windowMonths()).toEpochDay();
                for (long tpp :
                        days.subMap(from, false, date.toEpochDay(), true).values()) {
                    counted = Math.addExact(counted, tpp);
                }
            }
        } else {
            Total total = totals.get(key);
            counted = total == null ? 0 : total.tpp;
        }
        // Holdings have no date and no tier: they count only for measures without a window or a tier filter.
        if (measure.window() == Policy.Window.NONE
                && key.endUser() == null
                && measure.tiers().isEmpty()
                && measure.buckets().contains(Policy.Bucket.SHIPPED)
                && !holdingsByParent.isEmpty()) {
            counted = Math.addExact(counted, holding(key));
        }
        return counted;
    }

    private long holding(MeasureKey key) {
        Total total;
        if (key.endUserParent() != null && key.destination() != null) {
            Map<CountryCode, Total> byCountry = holdingsByParentCountry.get(key.endUserParent());
            total = byCountry == null ? null : byCountry.get(key.destination());
        } else if (key.endUserParent() != null) {
            total = holdingsByParent.get(key.endUserParent());
        } else if (key.destination() != null) {
            total = holdingsByCountry.get(key.destination());
        } else {
            total = null;
        }
        return total == null ? 0 : total.tpp;
    }
}
