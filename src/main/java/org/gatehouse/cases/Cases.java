package org.gatehouse.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gatehouse.identity.Agency;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Paging;

/**
 * Where cases are kept (implemented over SQL in {@code jdbc/}): the case row, its append-only history and its
 * referrals. A case is read whole; a save names the version it was read at, so a stale write changes nothing.
 */
public interface Cases {

    /** Stores a new case and its first events; false when the application already has a case. */
    boolean insert(Case opened, Instant dueAt, Instant now);

    Optional<Case> find(ApplicationId id);

    /** The case, locked until the transaction ends: changes of one case are serial. */
    Optional<Case> findForUpdate(ApplicationId id);

    /**
     * Writes the case's state and appends its new events, if the stored row is still at {@link Case#storedVersion()};
     * false (and nothing written) when another change came first.
     *
     * @param dueAt the nearest deadline now (the queue's sort key), or null
     */
    boolean save(Case changed, Instant dueAt, Instant now);

    /** The open cases whose ultimate parent or end user has this canonical company key (at most {@code max}). */
    List<ApplicationId> openConcerning(String companyKey, int max);

    /**
     * Whether a case referred to {@code agency} concerns this company (canonical key of its ultimate parent or end
     * user; null: any) and this destination (null: any): what an agency may see of other modules' records.
     */
    boolean referredConcerning(Agency agency, String companyKey, CountryCode destination);

    /** Open cases, by application id after {@code after} (null: from the first), at most {@code max}. */
    List<ApplicationId> open(ApplicationId after, int max);

    /** A page of cases, the most urgent first (nearest deadline; none last), whole with their histories. */
    List<Case> list(CaseFilter filter, Instant now, Paging paging);
}
