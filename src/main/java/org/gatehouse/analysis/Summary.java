package org.gatehouse.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.trade.Gb300e;

/**
 * Counts and GB300e of a run's assessments per outcome, tier and review path, in exact TPP, for the summary of
 * {@code gatehouse compare}.
 */
public final class Summary {

    /** Number of deals and their controlled TPP. */
    public static final class Cell {
        private long count;
        private long tpp;

        void add(long dealTpp) {
            count++;
            tpp = Math.addExact(tpp, dealTpp);
        }

        public long count() {
            return count;
        }

        public long tpp() {
            return tpp;
        }
    }

    private final Policy policy;
    private final Map<String, Cell> byOutcome = new LinkedHashMap<>();
    private final Map<String, Cell> byTier = new TreeMap<>();
    private final Map<String, Cell> byReviewPath = new LinkedHashMap<>();
    private final Cell total = new Cell();
    private long errors;

    public Summary(Policy policy) {
        this.policy = policy;
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o.name(), new Cell());
        }
        for (ReviewPath p : policy.precedence()) {
            byReviewPath.put(p.name(), new Cell());
        }
    }

    /** Adds one assessment. */
    public void add(Assessment assessment) {
        long tpp = assessment.facts().controlledTpp();
        total.add(tpp);
        byOutcome.get(assessment.outcome().name()).add(tpp);
        String tier = assessment.tier();
        byTier.computeIfAbsent(tier == null ? "none" : tier, t -> new Cell()).add(tpp);
        ReviewPath path = assessment.reviewPath();
        if (path != null) {
            byReviewPath.get(path.name()).add(tpp);
        }
    }

    /** Counts a row that could not be assessed. */
    public void addError() {
        errors++;
    }

    public Policy policy() {
        return policy;
    }

    public Map<String, Cell> byOutcome() {
        return byOutcome;
    }

    public Map<String, Cell> byTier() {
        return byTier;
    }

    public Map<String, Cell> byReviewPath() {
        return byReviewPath;
    }

    public Cell total() {
        return total;
    }

    public long errors() {
        return errors;
    }

    /** A TPP figure in GB300e of this policy's reference, two decimals. */
    public String gb300e(long tpp) {
        return Gb300e.format(tpp, policy.referenceTpp());
    }
}
