package org.gatehouse.preapproval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.gatehouse.identity.Role;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.OrganizationId;

/**
 * A buyer pre-approval (SPEC §7, tier 2): the aggregate that owns its life. Each change is a method that checks the
 * version the caller read and the move against {@link PreApprovalState#next()}, refuses naming the current state, and
 * records who did it, when and why. A pre-approval past its validity counts as EXPIRED from the next day on, whether
 * or not the expiry job has recorded it yet ({@link #standing}); changes of such a one are refused. It knows nothing of
 * storage, cases or the audit log: the service coordinates them.
 */
public final class PreApproval {

    /** Longest conditions, reason or findings text. */
    public static final int TEXT_CHARS_MAX = 4_000;

    private final PreApprovalId id;
    private final OrganizationId requestedBy;
    private final Role requesterRole;
    private final String requestedByUser;
    private final Instant requestedAt;
    private final PreApprovalRequest request;
    private final long storedVersion;

    private PreApprovalState state;
    private long version;
    private String conditions;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private String reason;
    private String changedBy;
    private Instant changedAt;

    private PreApproval(
            PreApprovalId id,
            OrganizationId requestedBy,
            Role requesterRole,
            String requestedByUser,
            Instant requestedAt,
            PreApprovalRequest request,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.requesterRole = Objects.requireNonNull(requesterRole, "requesterRole");
        this.requestedByUser = Objects.requireNonNull(requestedByUser, "requestedByUser");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.request = Objects.requireNonNull(request, "request");
        this.version = version;
        this.storedVersion = version;
    }

    /** A new request, version 1, by a buyer for itself or by an exporter for a named buyer. */
    public static PreApproval request(
            PreApprovalId id,
            OrganizationId organization,
            Role requesterRole,
            String by,
            PreApprovalRequest request,
            Instant now) {
        if (requesterRole != Role.BUYER && requesterRole != Role.APPLICANT) {
            throw new IllegalArgumentException("a pre-approval is requested by a buyer or an exporter");
        }
        PreApproval requested = new PreApproval(id, organization, requesterRole, by, now, request, 0);
        requested.state = PreApprovalState.REQUESTED;
        requested.version = 1;
        requested.changedBy = by;
        requested.changedAt = now;
        return requested;
    }

    /** A pre-approval as stored, at {@code version}. */
    public static PreApproval restore(
            PreApprovalId id,
            OrganizationId requestedBy,
            Role requesterRole,
            String requestedByUser,
            Instant requestedAt,
            PreApprovalRequest request,
            long version,
            PreApprovalState state,
            String conditions,
            LocalDate validFrom,
            LocalDate validUntil,
            String reason,
            String changedBy,
            Instant changedAt) {
        PreApproval restored =
                new PreApproval(id, requestedBy, requesterRole, requestedByUser, requestedAt, request, version);
        restored.state = Objects.requireNonNull(state, "state");
        restored.conditions = conditions;
        restored.validFrom = validFrom;
        restored.validUntil = validUntil;
        restored.reason = reason;
        restored.changedBy = changedBy;
        restored.changedAt = changedAt;
        return restored;
    }

    /** An officer takes the request into review. */
    public void review(long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        move(PreApprovalState.UNDER_REVIEW, "review", null, by, now);
    }

    /**
     * Grants it for {@code from}..{@code until} (inclusive) with the officer's conditions (may be null).
     *
     * @param today the day of the decision: the validity must not have ended already
     */
    public void grant(
            String grantConditions,
            LocalDate from,
            LocalDate until,
            LocalDate today,
            long expectedVersion,
            String by,
            Instant now) {
        requireVersion(expectedVersion);
        requireMove(PreApprovalState.GRANTED, "grant");
        try {
            PreApprovalRequest.requireValidity(from, until);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("validUntil", e.getMessage());
        }
        if (until.isBefore(today)) {
            throw InvalidInputException.of("validUntil", "must not be before today " + today + ", got " + until);
        }
        conditions = grantConditions;
        validFrom = from;
        validUntil = until;
        move(PreApprovalState.GRANTED, "grant", null, by, now);
    }

    /** Denies it, with the reasons. */
    public void deny(String reasons, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        move(PreApprovalState.DENIED, "deny", reasons, by, now);
    }

    /** An officer suspends it, saying why: it covers nothing until reinstated. */
    public void suspend(String why, LocalDate today, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireNotLapsed(today, "suspend");
        move(PreApprovalState.SUSPENDED, "suspend", why, by, now);
    }

    /**
     * A failed inspection suspends it at once (no version: it is the system's reaction, not an officer's edit).
     * Returns whether it was suspended now; one that is not active (already suspended, ended) is left as it is.
     */
    public boolean suspendForFailedInspection(String why, LocalDate today, String by, Instant now) {
        if (standing(today) != state || !state.active()) {
            return false;
        }
        move(PreApprovalState.SUSPENDED, "suspend", why, by, now);
        return true;
    }

    /** An officer reinstates a suspended pre-approval, saying why. */
    public void reinstate(String why, LocalDate today, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireNotLapsed(today, "reinstate");
        move(PreApprovalState.REINSTATED, "reinstate", why, by, now);
    }

    /** An officer revokes it for good, saying why. */
    public void revoke(String why, LocalDate today, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireNotLapsed(today, "revoke");
        move(PreApprovalState.REVOKED, "revoke", why, by, now);
    }

    /** Records the expiry of one past its validity on {@code today} (the job's step). */
    public void expire(LocalDate today, String by, Instant now) {
        requireMove(PreApprovalState.EXPIRED, "expire");
        if (!today.isAfter(validUntil)) {
            throw new ConflictException(
                    "pre-approval " + id + " is valid until " + validUntil + ": it does not expire on " + today);
        }
        move(PreApprovalState.EXPIRED, "expire", "its validity ended on " + validUntil, by, now);
    }

    /** The state as of {@code today}: a granted or suspended pre-approval past its validity is EXPIRED. */
    public PreApprovalState standing(LocalDate today) {
        if (state.live() && today.isAfter(validUntil)) {
            return PreApprovalState.EXPIRED;
        }
        return state;
    }

    /** Whether it covers {@code parent} in {@code country} on {@code day}: active, within its validity. */
    public boolean coversOn(CompanyName parent, CountryCode country, LocalDate day) {
        return request.covers(parent, country)
                && standing(day).active()
                && !day.isBefore(validFrom)
                && !day.isAfter(validUntil);
    }

    /** Its site of that name (case-insensitive); refused, naming its sites, when it has none. */
    public Site site(String name) {
        return request.sites().stream()
                .filter(s -> s.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of(
                        "site",
                        "must name one of the pre-approval's sites "
                                + request.sites().stream().map(Site::name).toList()));
    }

    private void requireNotLapsed(LocalDate today, String action) {
        if (standing(today) != state) {
            throw new ConflictException("cannot " + action + " pre-approval " + id + ": it expired after " + validUntil
                    + " (the expiry job records it)");
        }
    }

    private void move(PreApprovalState target, String action, String why, String by, Instant now) {
        requireMove(target, action);
        state = target;
        reason = why;
        changedBy = by;
        changedAt = now;
        version++;
    }

    private void requireVersion(long expectedVersion) {
        if (version != expectedVersion) {
            throw new ConflictException("pre-approval " + id + " is no longer at version " + expectedVersion
                    + ": it was changed meanwhile; read it again and retry");
        }
    }

    private void requireMove(PreApprovalState target, String action) {
        if (!state.next().contains(target)) {
            throw new PreApprovalTransitionException(state, action);
        }
    }

    public PreApprovalId id() {
        return id;
    }

    /** The organization that asked for it (the buyer itself, or an exporter). */
    public OrganizationId requestedBy() {
        return requestedBy;
    }

    /** BUYER when the buyer asked for itself, APPLICANT when an exporter asked for it. */
    public Role requesterRole() {
        return requesterRole;
    }

    public String requestedByUser() {
        return requestedByUser;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public PreApprovalRequest request() {
        return request;
    }

    /** The recorded state (see {@link #standing} for the state as of a day). */
    public PreApprovalState state() {
        return state;
    }

    /** Increases with every change; an officer who read version N changes it only as N. */
    public long version() {
        return version;
    }

    /** The version it was read at (0 for a new one), which a save expects to find. */
    public long storedVersion() {
        return storedVersion;
    }

    /** The officer's conditions of the grant, or null. */
    public String conditions() {
        return conditions;
    }

    /** First day of the granted validity, or null before the grant. */
    public LocalDate validFrom() {
        return validFrom;
    }

    /** Last day of the granted validity, or null before the grant. */
    public LocalDate validUntil() {
        return validUntil;
    }

    /** Why it was last changed (denial, suspension, reinstatement, revocation, expiry), or null. */
    public String reason() {
        return reason;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreApproval that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "PreApproval " + id + " (" + state + ", version " + version + ")";
    }
}
