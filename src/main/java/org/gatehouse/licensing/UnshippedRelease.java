package org.gatehouse.licensing;

import java.time.Instant;
import org.gatehouse.trade.ApplicationId;

/**
 * A step other modules take inside the transaction in which a licence gives back compute it did not ship: revoked,
 * expired, or amended to lower quantities. The agreements module returns the same compute to the government agreement's
 * allocation the approval drew it from. Everything commits or rolls back with the licence's change.
 */
public interface UnshippedRelease {

    /**
     * {@code tpp} (more than 0) of {@code application}'s licence was released unshipped.
     *
     * @param cause the licence's change, as the ledger movements name it ({@code licence.revoked:GH-2026-000123})
     */
    void released(ApplicationId application, long tpp, String cause, String by, Instant at);
}
