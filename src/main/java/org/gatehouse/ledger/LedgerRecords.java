package org.gatehouse.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.gatehouse.policy.LedgerView;
import org.gatehouse.policy.MeasureKey;
import org.gatehouse.policy.Policy;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Tpp;

/**
 * Where the ledger is kept (implemented over SQL in {@code jdbc/}): positions, the movements that change them, and
 * the buckets per company and country and per country, which every movement updates in the same statement.
 */
public interface LedgerRecords extends LedgerView {

    /**
     * Takes the transaction-scoped locks with these ids, in ascending order; each waits until no other transaction
     * holds it.
     */
    void lock(SortedSet<Long> lockIds);

    /**
     * What {@code measure} counts for {@code key}, like {@link #countedTpp}, but only of the positions that
     * {@code organization} filed: the part of a measure its own filings make.
     */
    long countedTppFiledBy(Policy.Measure measure, MeasureKey key, LocalDate date, OrganizationId organization);

    /** Records a new position with nothing in its buckets; false when the application already has one. */
    boolean insertPosition(Position position);

    /**
     * Moves {@code tpp} of one application out of {@code from} (null: new compute) into {@code to} (null: released),
     * in its position, its company-country bucket and its country bucket, and logs the movement. Nothing changes,
     * and the answer is empty, when the position does not exist or holds less than {@code tpp} in {@code from}.
     */
    Optional<Movement> move(
            ApplicationId applicationId,
            Movement.Kind kind,
            LedgerBucket from,
            LedgerBucket to,
            Tpp tpp,
            String cause,
            String actor,
            Instant at);

    /** The keys a position counts under, and where and when it was assessed. */
    record Keys(String parentKey, String endUserKey, CountryCode destination, LocalDate assessedOn) {}

    /** The keys of the application's position; empty when it has none. */
    Optional<Keys> keys(ApplicationId applicationId);

    /**
     * Re-keys the application's position to {@code parent} and {@code endUser} (each unchanged when null): under the position's
     * row lock, its buckets leave the (old key, destination) row and join the (new key, destination) row, the position
     * takes the new keys, and one REKEY movement per non-empty bucket records it. Empty when there is no position.
     */
    Optional<List<Movement>> rekey(
            ApplicationId applicationId,
            CompanyName parent,
            CompanyName endUser,
            String cause,
            String actor,
            Instant at);

    /** What the application's position holds, locked until the transaction ends; empty when it has none. */
    Optional<Holding> lockedHolding(ApplicationId applicationId);

    /** The movements of one application, oldest first. */
    List<Movement> movements(ApplicationId applicationId);

    /** Totals per country, largest first. */
    List<CountryTotals> countries();

    /** One country's totals, if anything was ever recorded there. */
    Optional<CountryTotals> country(CountryCode destination);

    /** The companies holding the most compute in a country, largest first. */
    List<CountryTotals> topCompanies(CountryCode destination, int limit);
}
