package org.gatehouse.agreements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Usd;

/**
 * A government-to-government agreement with one destination country (SPEC §7, tier 3): the aggregate that owns its
 * status, security commitments and investment schedule. Each change checks the version the caller read and what the
 * status allows, refuses naming the status, and records who changed it and when. Whether it is in good standing on a
 * day is {@link #standing}: in force, no security commitment breached, every tranche due by then realized in full.
 * The compute drawn from its allocation is not part of it: draws are guarded updates of their own that race safely
 * with approvals (see {@link Agreements#draw}).
 */
public final class Agreement {

    /** Most security commitments in one agreement. */
    public static final int COMMITMENTS_MAX = 100;
    /** Most tranches in one investment schedule. */
    public static final int TRANCHES_MAX = 100;
    /** Longest termination reason. */
    public static final int REASON_CHARS_MAX = 4_000;

    private final AgreementId id;
    private final AgreementTerms terms;
    private final InvestmentCommitment investment;
    private final Allocation allocation;
    private final String createdBy;
    private final Instant createdAt;
    private final long storedVersion;

    private long version;
    private AgreementStatus status;
    private LocalDate signedOn;
    private LocalDate inForceOn;
    private LocalDate terminatedOn;
    private String terminationReason;
    private final List<SecurityCommitment> commitments = new ArrayList<>();
    private final List<Tranche> tranches = new ArrayList<>();
    private String changedBy;
    private Instant changedAt;

    private Agreement(
            AgreementId id,
            AgreementTerms terms,
            InvestmentCommitment investment,
            Allocation allocation,
            String createdBy,
            Instant createdAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.terms = Objects.requireNonNull(terms, "terms");
        this.investment = Objects.requireNonNull(investment, "investment");
        this.allocation = allocation;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.version = version;
        this.storedVersion = version;
    }

    /**
     * A new agreement as negotiated (DRAFT, version 1), with its first security commitments and tranches.
     *
     * @param allocation the compute allocated to tier-3 licences, or null for none
     */
    public static Agreement draft(
            AgreementId id,
            AgreementTerms terms,
            InvestmentCommitment investment,
            Allocation allocation,
            List<String> commitmentTexts,
            List<TrancheTerms> schedule,
            String by,
            Instant now) {
        Agreement agreement = new Agreement(id, terms, investment, allocation, by, now, 1);
        agreement.status = AgreementStatus.DRAFT;
        agreement.changedBy = by;
        agreement.changedAt = now;
        if (commitmentTexts.size() > COMMITMENTS_MAX) {
            throw InvalidInputException.of(
                    "securityCommitments", "at most " + COMMITMENTS_MAX + ", got " + commitmentTexts.size());
        }
        for (String text : commitmentTexts) {
            agreement.commitments.add(new SecurityCommitment(
                    agreement.commitments.size() + 1, text, CommitmentStatus.PENDING, null, by, now));
        }
        if (schedule.size() > TRANCHES_MAX) {
            throw InvalidInputException.of("tranches", "at most " + TRANCHES_MAX + ", got " + schedule.size());
        }
        Usd scheduled = Usd.ZERO;
        for (TrancheTerms t : schedule) {
            scheduled = scheduled.plus(t.amount());
            agreement.tranches.add(new Tranche(agreement.tranches.size() + 1, t.dueOn(), t.amount(), List.of()));
        }
        if (investment.pledged().isLessThan(scheduled)) {
            throw InvalidInputException.of(
                    "tranches",
                    "add up to " + scheduled.display() + ", more than the pledge of "
                            + investment.pledged().display());
        }
        return agreement;
    }

    /** A tranche as scheduled: its amount due by a day. */
    public record TrancheTerms(LocalDate dueOn, Usd amount) {
        public TrancheTerms {
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(amount, "amount");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("a tranche is more than 0 US dollars");
            }
        }
    }

    /** An agreement as stored. */
    public static Agreement restore(
            AgreementId id,
            AgreementTerms terms,
            InvestmentCommitment investment,
            Allocation allocation,
            String createdBy,
            Instant createdAt,
            long version,
            AgreementStatus status,
            LocalDate signedOn,
            LocalDate inForceOn,
            LocalDate terminatedOn,
            String terminationReason,
            List<SecurityCommitment> commitments,
            List<Tranche> tranches,
            String changedBy,
            Instant changedAt) {
        Agreement restored = new Agreement(id, terms, investment, allocation, createdBy, createdAt, version);
        restored.status = Objects.requireNonNull(status, "status");
        restored.signedOn = signedOn;
        restored.inForceOn = inForceOn;
        restored.terminatedOn = terminatedOn;
        restored.terminationReason = terminationReason;
        restored.commitments.addAll(commitments);
        restored.tranches.addAll(tranches);
        restored.changedBy = changedBy;
        restored.changedAt = changedAt;
        return restored;
    }

    /** Records its signature on {@code day} (not after {@code today}). */
    public void sign(LocalDate day, LocalDate today, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireMove(AgreementStatus.SIGNED, "sign");
        if (day.isAfter(today)) {
            throw InvalidInputException.of("signedOn", "must not be after today " + today + ", got " + day);
        }
        signedOn = day;
        moved(AgreementStatus.SIGNED, by, now);
    }

    /** Records its entry into force on {@code day} (on or after its signature; it may be a day to come). */
    public void enterIntoForce(LocalDate day, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireMove(AgreementStatus.IN_FORCE, "bring into force");
        if (day.isBefore(signedOn)) {
            throw InvalidInputException.of(
                    "inForceOn", "must not be before its signature on " + signedOn + ", got " + day);
        }
        inForceOn = day;
        moved(AgreementStatus.IN_FORCE, by, now);
    }

    /** Terminates it on {@code day} (it is in force until the day before), saying why. */
    public void terminate(LocalDate day, String reason, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireMove(AgreementStatus.TERMINATED, "terminate");
        LocalDate earliest = inForceOn != null ? inForceOn : signedOn;
        if (earliest != null && day.isBefore(earliest)) {
            throw InvalidInputException.of("terminatedOn", "must not be before " + earliest + ", got " + day);
        }
        terminatedOn = day;
        terminationReason = reason;
        moved(AgreementStatus.TERMINATED, by, now);
    }

    /** Adds a security commitment, PENDING until an officer records it met or breached. */
    public SecurityCommitment addCommitment(String text, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireNotTerminated("add a security commitment to");
        if (commitments.size() >= COMMITMENTS_MAX) {
            throw new ConflictException("the agreement has " + COMMITMENTS_MAX + " security commitments already");
        }
        SecurityCommitment added =
                new SecurityCommitment(commitments.size() + 1, text, CommitmentStatus.PENDING, null, by, now);
        commitments.add(added);
        changed(by, now);
        return added;
    }

    /** Records whether commitment {@code number} is pending, met or breached, with the officer's note. */
    public SecurityCommitment setCommitment(
            int number, CommitmentStatus to, String note, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireNotTerminated("change a security commitment of");
        SecurityCommitment commitment = commitment(number);
        if (commitment.status() == to) {
            throw new ConflictException("security commitment " + number + " is " + to + " already");
        }
        SecurityCommitment updated = commitment.withStatus(to, note, by, now);
        commitments.set(number - 1, updated);
        changed(by, now);
        return updated;
    }

    /** Adds a tranche to the schedule; the tranches may not add up to more than the pledge. */
    public Tranche addTranche(TrancheTerms terms, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireNotTerminated("add a tranche to");
        if (tranches.size() >= TRANCHES_MAX) {
            throw new ConflictException("the schedule has " + TRANCHES_MAX + " tranches already");
        }
        Usd scheduled = scheduled().plus(terms.amount());
        if (investment.pledged().isLessThan(scheduled)) {
            throw InvalidInputException.of(
                    "amountUsd",
                    "would bring the tranches to " + scheduled.display() + ", more than the pledge of "
                            + investment.pledged().display() + " ("
                            + investment
                                    .pledged()
                                    .minus(scheduled().atLeastZero())
                                    .display()
                            + " left to schedule)");
        }
        Tranche added = new Tranche(tranches.size() + 1, terms.dueOn(), terms.amount(), List.of());
        tranches.add(added);
        changed(by, now);
        return added;
    }

    /** Records an amount realized against tranche {@code number}; no more than it still lacks. */
    public Tranche realize(
            int number,
            Usd amount,
            LocalDate realizedOn,
            String evidenceSha256,
            LocalDate today,
            long expectedVersion,
            String by,
            Instant now) {
        requireVersion(expectedVersion);
        requireNotTerminated("record a realization of");
        Tranche tranche = tranche(number);
        if (realizedOn.isAfter(today)) {
            throw InvalidInputException.of("realizedOn", "must not be after today " + today + ", got " + realizedOn);
        }
        if (!amount.isPositive()) {
            throw InvalidInputException.of("amountUsd", "must be more than 0 US dollars");
        }
        if (tranche.outstanding().isLessThan(amount)) {
            throw InvalidInputException.of(
                    "amountUsd",
                    "tranche " + number + " lacks " + tranche.outstanding().display() + ", got " + amount.display());
        }
        if (tranche.realizations().size() >= Tranche.REALIZATIONS_MAX) {
            throw new ConflictException(
                    "tranche " + number + " has " + Tranche.REALIZATIONS_MAX + " realizations already");
        }
        Tranche updated = tranche.with(new Realization(amount, realizedOn, evidenceSha256, by, now));
        tranches.set(number - 1, updated);
        changed(by, now);
        return updated;
    }

    /** Whether it is in force on {@code day}: IN_FORCE from its in-force date, or terminated after that day. */
    public boolean inForceOn(LocalDate day) {
        if (inForceOn == null || day.isBefore(inForceOn)) {
            return false;
        }
        return terminatedOn == null || day.isBefore(terminatedOn);
    }

    /** Its standing on {@code day}: in force, breached commitments, and the tranches due by then not realized. */
    public Standing standing(LocalDate day) {
        List<String> notInForce = new ArrayList<>();
        if (!inForceOn(day)) {
            notInForce.add(whyNotInForce(day));
        }
        List<SecurityCommitment> breached = commitments.stream()
                .filter(c -> c.status() == CommitmentStatus.BREACHED)
                .toList();
        List<Standing.Shortfall> shortfalls = new ArrayList<>();
        for (Tranche t : tranches) {
            if (!t.dueOn().isAfter(day)) {
                Usd realized = t.realizedBy(day);
                if (realized.isLessThan(t.amount())) {
                    shortfalls.add(new Standing.Shortfall(
                            t.number(),
                            t.dueOn(),
                            t.amount(),
                            realized,
                            t.amount().minus(realized)));
                }
            }
        }
        Usd required = investment.required();
        Usd pledgeShortfall = required != null && investment.pledged().isLessThan(required)
                ? required.minus(investment.pledged())
                : null;
        return new Standing(day, notInForce, breached, shortfalls, pledgeShortfall, commitments.size());
    }

    private String whyNotInForce(LocalDate day) {
        return switch (status) {
            case DRAFT -> "it is a DRAFT: not signed yet";
            case SIGNED -> "it is SIGNED on " + signedOn + " but not in force yet";
            case IN_FORCE -> "it enters into force on " + inForceOn;
            case TERMINATED ->
                terminatedOn != null && !day.isBefore(terminatedOn)
                        ? "it was TERMINATED on " + terminatedOn + ": " + terminationReason
                        : "it was TERMINATED before entering into force";
        };
    }

    /** All tranches scheduled, added up. */
    public Usd scheduled() {
        Usd sum = Usd.ZERO;
        for (Tranche t : tranches) {
            sum = sum.plus(t.amount());
        }
        return sum;
    }

    /** All realizations, added up. */
    public Usd realized() {
        Usd sum = Usd.ZERO;
        for (Tranche t : tranches) {
            sum = sum.plus(t.realized());
        }
        return sum;
    }

    private SecurityCommitment commitment(int number) {
        if (number < 1 || number > commitments.size()) {
            throw InvalidInputException.of(
                    "number", "the agreement has security commitments 1.." + commitments.size() + ", got " + number);
        }
        return commitments.get(number - 1);
    }

    private Tranche tranche(int number) {
        if (number < 1 || number > tranches.size()) {
            throw InvalidInputException.of(
                    "number", "the agreement has tranches 1.." + tranches.size() + ", got " + number);
        }
        return tranches.get(number - 1);
    }

    private void requireNotTerminated(String action) {
        if (status == AgreementStatus.TERMINATED) {
            throw new AgreementTransitionException(status, action);
        }
    }

    private void requireMove(AgreementStatus target, String action) {
        if (!status.next().contains(target)) {
            throw new AgreementTransitionException(status, action);
        }
    }

    private void requireVersion(long expectedVersion) {
        if (version != expectedVersion) {
            throw new ConflictException("agreement " + id + " is no longer at version " + expectedVersion
                    + ": it was changed meanwhile; read it again and retry");
        }
    }

    private void moved(AgreementStatus to, String by, Instant now) {
        status = to;
        changed(by, now);
    }

    private void changed(String by, Instant now) {
        version++;
        changedBy = by;
        changedAt = now;
    }

    public AgreementId id() {
        return id;
    }

    public AgreementTerms terms() {
        return terms;
    }

    public InvestmentCommitment investment() {
        return investment;
    }

    /** The compute allocated to tier-3 licences, or null for none. */
    public Allocation allocation() {
        return allocation;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    public long storedVersion() {
        return storedVersion;
    }

    public AgreementStatus status() {
        return status;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public LocalDate inForceOn() {
        return inForceOn;
    }

    public LocalDate terminatedOn() {
        return terminatedOn;
    }

    public String terminationReason() {
        return terminationReason;
    }

    public List<SecurityCommitment> commitments() {
        return Collections.unmodifiableList(commitments);
    }

    public List<Tranche> tranches() {
        return Collections.unmodifiableList(tranches);
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Agreement that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Agreement " + id + " with " + terms.country() + " (" + status + ", version " + version + ")";
    }
}
