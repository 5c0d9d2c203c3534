package org.gatehouse.applications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Disclosure;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.OrganizationId;

/**
 * An application for an export licence (SPEC §6.1): the aggregate that owns its life. Each change is a method that
 * checks the current state against the transition table of {@link ApplicationState} and the version the caller
 * read, refuses with the current state named, moves to the new state, bumps the version and records a domain event
 * where other modules react. It knows nothing of storage, the ledger or the audit log: the service loads it, calls
 * one method, saves it, moves compute and audits.
 */
public final class Application {

    private final ApplicationId id;
    private final OrganizationId organizationId;
    private final String createdBy;
    private final Instant createdAt;
    /** The version it was read at (0: not stored yet); a save succeeds only if the stored row is still there. */
    private final long storedVersion;

    private ApplicationState state;
    private long version;
    private Instant updatedAt;
    private Instant submittedAt;
    private ApplicationContent content;
    private Registration registration;
    private final List<Object> events = new ArrayList<>(1);

    private Application(
            ApplicationId id,
            OrganizationId organizationId,
            ApplicationState state,
            long version,
            long storedVersion,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            Instant submittedAt,
            ApplicationContent content,
            Registration registration) {
        this.id = Objects.requireNonNull(id, "id");
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.state = Objects.requireNonNull(state, "state");
        this.version = version;
        this.storedVersion = storedVersion;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.submittedAt = submittedAt;
        this.content = Objects.requireNonNull(content, "content");
        this.registration = registration;
        if ((submittedAt == null) != (registration == null)) {
            throw new IllegalArgumentException("a submitted application has its registration, a draft none");
        }
    }

    /** A new draft of {@code organization}, version 1. */
    public static Application draft(
            ApplicationId id, OrganizationId organization, String createdBy, ApplicationContent content, Instant now) {
        return new Application(
                id, organization, ApplicationState.DRAFT, 1, 0, createdBy, now, now, null, content, null);
    }

    /** An application as it was stored, at {@code version}. */
    public static Application restore(
            ApplicationId id,
            OrganizationId organization,
            ApplicationState state,
            long version,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            Instant submittedAt,
            ApplicationContent content,
            Registration registration) {
        return new Application(
                id,
                organization,
                state,
                version,
                version,
                createdBy,
                createdAt,
                updatedAt,
                submittedAt,
                content,
                registration);
    }

    /** Replaces a draft's content. */
    public ApplicationState update(ApplicationContent newContent, long expectedVersion, Instant now) {
        requireVersion(expectedVersion);
        requireState(ApplicationState.DRAFT, "update");
        content = Objects.requireNonNull(newContent, "content");
        return changed(state, now);
    }

    /** Discards a draft: kept as a record, hidden from lists. */
    public ApplicationState discard(long expectedVersion, Instant now) {
        requireVersion(expectedVersion);
        requireMove(ApplicationState.DISCARDED, "discard");
        return changed(ApplicationState.DISCARDED, now);
    }

    /**
     * Submits a draft: {@code assess} assesses its content (called only once the draft may be submitted); the
     * outcome decides where it goes — a licence to review (SUBMITTED, also when prohibited: an officer records the
     * denial), an exemption (EXEMPT), or nothing to license (RETURNED_WITHOUT_ACTION).
     *
     * @param expectedVersion the version the caller read, or null to submit whatever version the draft is at
     * @param shownToApplicant what of the assessment its applicant may read (its own filings of each measure)
     */
    public ApplicationState submit(
            Long expectedVersion,
            Function<ApplicationContent, Assessment> assess,
            Function<Assessment, Disclosure> shownToApplicant,
            Instant now) {
        if (expectedVersion != null) {
            requireVersion(expectedVersion);
        }
        requireState(ApplicationState.DRAFT, "submit");
        Assessment assessment = assess.apply(content);
        ApplicationState next = switch (assessment) {
            case Assessment.Exempt exempt -> ApplicationState.EXEMPT;
            case Assessment.LicenseRequired licence -> ApplicationState.SUBMITTED;
            case Assessment.Prohibited prohibited -> ApplicationState.SUBMITTED;
            case Assessment.NotControlled none -> ApplicationState.RETURNED_WITHOUT_ACTION;
        };
        requireMove(next, "submit");
        registration = Registration.of(assessment, shownToApplicant.apply(assessment));
        submittedAt = now;
        changed(next, now);
        events.add(new ApplicationSubmitted(
                id, organizationId, next, registration.outcome(), registration.tier(), registration.reviewPath(), now));
        return next;
    }

    /** Withdraws a submitted application; the compute it holds (see {@link #holdsCompute()}) is to be released. */
    public ApplicationState withdraw(long expectedVersion, Instant now) {
        requireVersion(expectedVersion);
        ApplicationState from = state;
        requireMove(ApplicationState.WITHDRAWN, "withdraw");
        changed(ApplicationState.WITHDRAWN, now);
        events.add(new ApplicationWithdrawn(id, organizationId, from, now));
        return state;
    }

    /**
     * Records how its case ended: APPROVED, APPROVED_WITH_CONDITIONS, DENIED or RETURNED_WITHOUT_ACTION (the case
     * module decides; its compute was moved or released in the same transaction).
     */
    public ApplicationState conclude(ApplicationState conclusion, Instant now) {
        if (!java.util.EnumSet.of(
                        ApplicationState.APPROVED,
                        ApplicationState.APPROVED_WITH_CONDITIONS,
                        ApplicationState.DENIED,
                        ApplicationState.RETURNED_WITHOUT_ACTION)
                .contains(conclusion)) {
            throw new IllegalArgumentException("a case concludes an application as approved, denied or returned");
        }
        requireMove(conclusion, "conclude");
        return changed(conclusion, now);
    }

    /** Whether its submission reserved compute in the ledger (an exempt or licensable deal). */
    public boolean holdsCompute() {
        return registration != null && registration.holdsCompute();
    }

    /** The domain events recorded since it was loaded, handed over once (to be published when it is saved). */
    public List<Object> pullEvents() {
        List<Object> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private ApplicationState changed(ApplicationState next, Instant now) {
        state = next;
        version++;
        updatedAt = now;
        return next;
    }

    private void requireVersion(long expectedVersion) {
        if (version != expectedVersion) {
            throw new ConflictException("application " + id + " is no longer at version " + expectedVersion
                    + ": it was changed meanwhile; read it again and retry");
        }
    }

    private void requireState(ApplicationState required, String action) {
        if (state != required) {
            throw new InvalidTransitionException(state, action);
        }
    }

    private void requireMove(ApplicationState target, String action) {
        if (!state.next().contains(target)) {
            throw new InvalidTransitionException(state, action);
        }
    }

    public ApplicationId id() {
        return id;
    }

    public OrganizationId organizationId() {
        return organizationId;
    }

    public ApplicationState state() {
        return state;
    }

    /** Increases with every change; a client that read version N changes it only as N. */
    public long version() {
        return version;
    }

    /** The version it was read at, which a save expects to find (0 for a new draft). */
    public long storedVersion() {
        return storedVersion;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** When it was submitted, or null for a draft. */
    public Instant submittedAt() {
        return submittedAt;
    }

    public ApplicationContent content() {
        return content;
    }

    /** What submission recorded, or null for a draft. */
    public Registration registration() {
        return registration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Application that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Application " + id + " (" + state + ", version " + version + ")";
    }
}
