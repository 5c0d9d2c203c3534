package org.gatehouse.agreements;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Paging;

/**
 * Where agreements and the draws on their allocations are kept (implemented over SQL in {@code jdbc/}). An agreement is
 * read and written whole, a save naming the version it was read at; its allocation's drawn total is changed only by
 * {@link #draw} and {@link #giveBack}, guarded updates that never take it above the allocation or below zero.
 */
public interface Agreements {

    /** Stores a new agreement; false (nothing stored) when its country already has one that is not terminated. */
    boolean insert(Agreement agreement);

    Optional<Agreement> find(AgreementId id);

    /** The agreement, locked until the transaction ends. */
    Optional<Agreement> findForUpdate(AgreementId id);

    /** Writes it as it is now if the stored row is still at its stored version; false (nothing written) otherwise. */
    boolean save(Agreement changed);

    /** Most agreements of one country read for an evidence check. */
    int CANDIDATES_MAX = 20;

    /** The agreements with {@code country}, the one not terminated first, then the most recently changed. */
    List<Agreement> forCountry(CountryCode country);

    /** A page of agreements (of one country and/or status when given), by country. */
    List<Agreement> list(CountryCode country, AgreementStatus status, Paging paging);

    /** The TPP drawn from the agreement's allocation and not given back. */
    long drawnTpp(AgreementId id);

    /**
     * Draws {@code tpp} from the agreement's allocation for an approved application, in one guarded update: the drawn
     * total rises only if it stays within the allocation, whatever approvals race for it (the update takes the row's
     * lock; the second of two racing draws re-reads the total the first committed). Returns the new drawn total, or
     * empty (nothing changed) when the allocation does not have {@code tpp} left.
     */
    OptionalLong draw(AgreementId id, ApplicationId application, long tpp, String by, Instant at);

    /** What an application drew, if it drew from an allocation. */
    Optional<Draw> drawOf(ApplicationId application);

    /** The draws on an agreement's allocation, the latest first. */
    List<Draw> draws(AgreementId id, Paging paging);

    /**
     * Gives back up to {@code tpp} of what {@code application} drew and has not given back yet (a licence that expired
     * or was revoked unshipped, or was reduced); returns the TPP given back (0 when it drew nothing).
     */
    long giveBack(ApplicationId application, long tpp, String by, Instant at);

    /** A draw of an approved application on an agreement's allocation, and what it gave back. */
    record Draw(
            AgreementId agreement,
            ApplicationId application,
            long tpp,
            long returnedTpp,
            String drawnBy,
            Instant drawnAt,
            Instant returnedAt) {

        /** What it still holds of the allocation. */
        public long heldTpp() {
            return tpp - returnedTpp;
        }
    }
}
