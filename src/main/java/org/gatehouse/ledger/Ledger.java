package org.gatehouse.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.Disclosure;
import org.gatehouse.policy.LedgerView;
import org.gatehouse.policy.MeasureKey;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.Tally;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Tpp;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national compute ledger (SPEC §5). Every change is a {@link Movement} of one application's compute between
 * buckets, written with the position and both bucket tables in the caller's transaction; no total is ever edited
 * without one. Callers authorize: this is the invariant keeper, not an entry point.
 */
@Component
public class Ledger {

    /** Most companies listed per country in the national view. */
    public static final int TOP_COMPANIES_MAX = 100;

    private static final int CAUSE_LENGTH_MAX = 100;

    private final LedgerRecords records;
    private final Clock clock;

    Ledger(LedgerRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * Locks every measure key that {@code deal} adds to under {@code policy}, then returns the ledger as the assessor
     * sees it. Two applications that share a key are thus assessed one after the other: the second waits here until
     * the first commits (or rolls back), and then reads a ledger that includes it, so racing deals cannot both miss a
     * tier boundary.
     *
     * <p>The locks are transaction-scoped advisory locks on a 64-bit digest of each key, taken in ascending order so
     * that two transactions locking overlapping keys cannot deadlock. A digest collision only serializes two
     * unrelated keys; it never lets a race through.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerView lockFor(Deal deal, Policy policy, LocalDate date) {
        TreeSet<Long> locks = new TreeSet<>();
        for (Policy.Measure measure : policy.measures()) {
            locks.add(lockId(MeasureKey.of(measure, deal, date)));
        }
        records.lock(locks);
        return records;
    }

    /**
     * What {@code assessment} may show a reader from {@code organization}: for each measure it evaluated, only the
     * part that organization's own earlier filings make of what was already counted.
     */
    public Disclosure.OwnFilings ownFilings(Assessment assessment, OrganizationId organization) {
        Assessment.Facts facts = assessment.facts();
        List<Long> own = new ArrayList<>(facts.tallies().size());
        for (Tally tally : facts.tallies()) {
            own.add(
                    tally.measured()
                            ? records.countedTppFiledBy(
                                    tally.ladder().measure(), tally.key(), facts.date(), organization)
                            : 0L);
        }
        return new Disclosure.OwnFilings(own);
    }

    /** The ledger as the assessor sees it, without locking: for dry runs, which change nothing. */
    public LedgerView view() {
        return records;
    }

    /** New compute for a submitted application, into RESERVED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement reserve(Position position, Tpp tpp, String cause, String actor) {
        requirePositive(tpp);
        if (!records.insertPosition(position)) {
            throw new LedgerException(
                    "application " + position.applicationId() + " already holds compute in the ledger");
        }
        return move(position.applicationId(), Movement.Kind.RESERVE, null, LedgerBucket.RESERVED, tpp, cause, actor);
    }

    /** Approval: RESERVED → AUTHORIZED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement authorize(ApplicationId applicationId, Tpp tpp, String cause, String actor) {
        return move(
                applicationId,
                Movement.Kind.AUTHORIZE,
                LedgerBucket.RESERVED,
                LedgerBucket.AUTHORIZED,
                tpp,
                cause,
                actor);
    }

    /** A reported shipment: {@code from} (AUTHORIZED, or RESERVED for an exemption) → SHIPPED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement ship(ApplicationId applicationId, LedgerBucket from, Tpp tpp, String cause, String actor) {
        if (from == LedgerBucket.SHIPPED) {
            throw new IllegalArgumentException("a shipment moves RESERVED or AUTHORIZED compute");
        }
        return move(applicationId, Movement.Kind.SHIP, from, LedgerBucket.SHIPPED, tpp, cause, actor);
    }

    /**
     * A licence amendment that raises quantities: new compute for an application that already holds some, moved into
     * RESERVED and at once on to AUTHORIZED (as a submission and its approval would), so the movement log shows it
     * like any other authorized compute. The caller re-assessed the increase under {@link #lockFor} first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Movement> authorizeMore(ApplicationId applicationId, Tpp tpp, String cause, String actor) {
        Movement reserved = move(applicationId, Movement.Kind.RESERVE, null, LedgerBucket.RESERVED, tpp, cause, actor);
        Movement authorized = authorize(applicationId, tpp, cause, actor);
        return List.of(reserved, authorized);
    }

    /**
     * Part of what an application holds in {@code from} goes back (a licence amendment that lowers quantities); see
     * {@link #releaseUnshipped} for all of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement release(ApplicationId applicationId, LedgerBucket from, Tpp tpp, String cause, String actor) {
        if (from == LedgerBucket.SHIPPED) {
            throw new IllegalArgumentException("shipped compute is installed: it is never released");
        }
        return move(applicationId, Movement.Kind.RELEASE, from, null, tpp, cause, actor);
    }

    /**
     * Deny, withdraw, return, expiry, revocation: releases everything still RESERVED or AUTHORIZED for the
     * application (shipped compute stays: it is installed). Returns the movements made.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Movement> releaseUnshipped(ApplicationId applicationId, String cause, String actor) {
        Holding holding = holding(applicationId);
        List<Movement> movements = new ArrayList<>(2);
        for (LedgerBucket bucket : List.of(LedgerBucket.RESERVED, LedgerBucket.AUTHORIZED)) {
            if (!holding.in(bucket).isZero()) {
                movements.add(
                        move(applicationId, Movement.Kind.RELEASE, bucket, null, holding.in(bucket), cause, actor));
            }
        }
        return movements;
    }

    /**
     * The application's compute now counts under {@code parent} and {@code endUser} (each unchanged when null): an officer
     * confirmed that a party written one way is a registered company. The measure keys of the old and the new
     * company under {@code policy} are locked first (as a submission locks them), so a submission racing on either
     * company is assessed before or after the move, never half-way. Returns the REKEY movements (none for a position
     * that holds nothing now); empty when the application holds no position at all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<List<Movement>> rekey(
            ApplicationId applicationId,
            CompanyName parent,
            CompanyName endUser,
            Policy policy,
            String cause,
            String actor) {
        requireCause(cause);
        Objects.requireNonNull(actor, "actor");
        Optional<LedgerRecords.Keys> keys = records.keys(applicationId);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        LedgerRecords.Keys before = keys.get();
        String endUserKey = endUser == null ? before.endUserKey() : endUser.key();
        TreeSet<Long> locks = new TreeSet<>();
        for (Policy.Measure measure : policy.measures()) {
            locks.add(lockId(key(measure, before.parentKey(), before.endUserKey(), before)));
            locks.add(lockId(key(measure, parent == null ? before.parentKey() : parent.key(), endUserKey, before)));
        }
        records.lock(locks);
        return records.rekey(applicationId, parent, endUser, cause, actor, clock.instant());
    }

    private static MeasureKey key(Policy.Measure measure, String parent, String endUser, LedgerRecords.Keys at) {
        return new MeasureKey(
                measure.index(),
                measure.keyedBy(Policy.KeyPart.END_USER_PARENT) ? parent : null,
                measure.keyedBy(Policy.KeyPart.END_USER) ? endUser : null,
                measure.keyedBy(Policy.KeyPart.DESTINATION) ? at.destination() : null,
                measure.window() == Policy.Window.CALENDAR_YEAR
                        ? at.assessedOn().getYear()
                        : 0);
    }

    /** What an application holds now, per bucket (locked until the transaction ends). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Holding holding(ApplicationId applicationId) {
        return records.lockedHolding(applicationId)
                .orElseThrow(
                        () -> new LedgerException("application " + applicationId + " holds no compute in the ledger"));
    }

    /** The movements of one application, oldest first. */
    public List<Movement> movements(ApplicationId applicationId) {
        return records.movements(applicationId);
    }

    private Movement move(
            ApplicationId applicationId,
            Movement.Kind kind,
            LedgerBucket from,
            LedgerBucket to,
            Tpp tpp,
            String cause,
            String actor) {
        requirePositive(tpp);
        requireCause(cause);
        Objects.requireNonNull(actor, "actor");
        return records.move(applicationId, kind, from, to, tpp, cause, actor, clock.instant())
                .orElseThrow(() -> {
                    Holding holding = holding(applicationId); // throws when there is no position at all
                    return new LedgerException("cannot move " + tpp.value() + " TPP out of " + from
                            + " for application " + applicationId + ": it holds "
                            + holding.in(from).value());
                });
    }

    private static void requireCause(String cause) {
        Objects.requireNonNull(cause, "cause");
        if (cause.isBlank() || cause.length() > CAUSE_LENGTH_MAX) {
            throw new IllegalArgumentException("cause must be 1.." + CAUSE_LENGTH_MAX + " characters");
        }
    }

    private static void requirePositive(Tpp tpp) {
        if (tpp.isZero()) {
            throw new IllegalArgumentException("a movement carries a positive TPP, got 0");
        }
    }

    /** The advisory lock id of a measure key: the first 8 bytes of the SHA-256 of its text form. */
    static long lockId(MeasureKey key) {
        String text = "ledger|" + key.measure() + "|" + key.endUserParent() + "|" + key.endUser() + "|"
                + (key.destination() == null ? null : key.destination().value()) + "|" + key.year();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 8; i++) {
                id = (id << 8) | (digest[i] & 0xFF);
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
