package org.gatehouse.revenueshare;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Usd;

/**
 * Where revenue reports and remittances are kept (implemented over SQL in {@code jdbc/}, V062). A report's correction is
 * a new version beside the earlier ones; the current report of a quarter is its highest version.
 */
public interface RevenueShares {

    /** The current report of a licence's quarter, if any. */
    Optional<RevenueReport> current(String licence, Quarter quarter);

    /** The current report of each quarter of a licence that has one. */
    Map<Quarter, RevenueReport> currentReports(String licence);

    /**
     * Stores {@code report} as its version {@link RevenueReport#version()}; false (and nothing written) when that version
     * exists already (another report or correction came first).
     */
    boolean insert(RevenueReport report, OrganizationId holder);

    /** Every version of a licence-quarter's report, oldest first. */
    List<RevenueReport> versions(String licence, Quarter quarter);

    /** Stores a remittance; false (and nothing written) when the licence has one with the same reference already. */
    boolean insert(Remittance remittance, OrganizationId holder);

    /** What was remitted per quarter of a licence. */
    Map<Quarter, Usd> remitted(String licence);

    /** A page of a licence's remittances, newest first. */
    List<Remittance> remittances(String licence, Paging paging);
}
