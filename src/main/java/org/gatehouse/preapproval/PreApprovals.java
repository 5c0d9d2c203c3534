package org.gatehouse.preapproval;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gatehouse.trade.Paging;

/**
 * Where pre-approvals are kept (implemented over SQL in {@code jdbc/}). A pre-approval is read and written whole; a
 * save names the version it was read at, so a stale write changes nothing.
 */
public interface PreApprovals {

    void insert(PreApproval requested);

    Optional<PreApproval> find(PreApprovalId id);

    /** The pre-approval, locked until the transaction ends: changes of one pre-approval are serial. */
    Optional<PreApproval> findForUpdate(PreApprovalId id);

    /** Writes it as it is now if the stored row is still at its stored version; false (nothing written) otherwise. */
    boolean save(PreApproval changed);

    /** Most candidates {@link #forParent} reads: a bound on what one evidence check costs. */
    int CANDIDATES_MAX = 50;

    /** The pre-approvals whose ultimate parent has this canonical key, the most recently changed first. */
    List<PreApproval> forParent(String parentKey);

    /** A page of pre-approvals matching {@code filter}, the most recently requested first. */
    default List<PreApproval> list(PreApprovalFilter filter, Paging paging) {
        return list(filter, PreApprovalSort.REQUESTED, true, paging);
    }

    /** A page of pre-approvals matching {@code filter} in {@code sort}'s order (ties: by id). */
    List<PreApproval> list(PreApprovalFilter filter, PreApprovalSort sort, boolean descending, Paging paging);

    /**
     * Up to {@code max} granted, reinstated or suspended pre-approvals whose validity ended before {@code today},
     * locked and skipped by any other server's job that has them (FOR UPDATE SKIP LOCKED).
     */
    List<PreApproval> claimExpired(LocalDate today, int max);

    /** Granted or reinstated pre-approvals with an id above {@code after} (null: from the first), in id order. */
    List<PreApproval> granted(PreApprovalId after, int limit);
}
