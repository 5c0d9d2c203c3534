package org.gatehouse.identity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts of organizations and accounts for the people who manage or audit them (ADMIN and AUDITOR). */
@Service
public class AccountStatistics {

    private final AccountCounts counts;

    AccountStatistics(AccountCounts counts) {
        this.counts = counts;
    }

    /** Organizations per kind and accounts per state and role; ADMIN and AUDITOR only. */
    @Transactional(readOnly = true)
    public AccountCounts.Counts counts(CurrentUser caller) {
        caller.require(Role.ADMIN, Role.AUDITOR);
        return counts.counts();
    }
}
