package org.gatehouse.analysis;

import java.util.List;
import java.util.Objects;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Assessor;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.InMemoryLedger;
import org.gatehouse.policy.Policy;

/**
 * Assesses the rows of a deal file under one policy (SPEC §4.1). By default rows accumulate in file order: each row
 * sees every earlier EXEMPT or LICENSE_REQUIRED row as a pending application, so a file shows its tier transitions.
 * Independent runs assess each row against the holdings alone.
 */
public final class DealRun {

    private final Policy policy;
    private final boolean independent;
    private final InMemoryLedger ledger;

    public DealRun(Policy policy, boolean independent, List<Holdings.Holding> holdings) {
        this.policy = Objects.requireNonNull(policy);
        this.independent = independent;
        this.ledger = Holdings.ledgerOf(holdings);
    }

    /** A run in file order without holdings. */
    public static DealRun accumulating(Policy policy) {
        return new DealRun(policy, false, List.of());
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Assesses the next row as of its own date, then (unless independent) records it in the run's ledger.
     *
     * @throws IllegalArgumentException when the row's totals exceed exact arithmetic
     */
    public Assessment assess(Deal deal) {
        Assessment assessment = Assessor.assess(deal, policy, ledger, deal.date());
        if (!independent) {
            ledger.record(assessment);
        }
        return assessment;
    }
}
