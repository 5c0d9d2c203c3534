package org.gatehouse.policy;

import java.time.LocalDate;

/**
 * What the assessor needs from the compute ledger: the TPP already counted for a measure's key before this
 * application, according to the measure's buckets, outcomes and window. The server's ledger implements it over its
 * movements; the offline tools over {@link InMemoryLedger}.
 */
@FunctionalInterface
public interface LedgerView {

    /** A ledger with nothing in it: every application is assessed alone. */
    LedgerView EMPTY = (measure, key, date) -> 0;

    /** TPP already counted for {@code key} as of {@code date}, excluding the application being assessed. */
    long countedTpp(Policy.Measure measure, MeasureKey key, LocalDate date);
}
