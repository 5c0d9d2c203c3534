package org.gatehouse.preapproval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.cases.CaseService;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.licensing.LicenceService;
import org.gatehouse.screening.server.RequesterScreening;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyer pre-approvals and their on-site inspections (SPEC §7): buyers ask for themselves and exporters for a named
 * buyer; officers review, grant, deny, suspend, reinstate and revoke; officers and inspectors schedule inspections and
 * the assigned inspector records them. A FAILED inspection suspends the pre-approval and flags the buyer's open cases
 * in the same transaction. Each method authorizes its caller, loads, asks the aggregate to change, saves and audits
 * (before and after) in one transaction.
 *
 * <p>Who sees what: officers and auditors everything; a buyer the pre-approvals it asked for and those for its own
 * company (by canonical key of its organization's name), with their inspections; an exporter those it asked for;
 * an inspector those with an inspection assigned to it; an agency those concerning a case referred to it. Anything
 * else answers 404, as for an id that does not exist.
 */
@Service
public class PreApprovalService {

    /** Pre-approvals expired per transaction by the job: bounds the rows locked and the audit events appended. */
    public static final int EXPIRY_BATCH_MAX = 100;

    /** Longest reason a flag raised on a case by a failed inspection carries (the findings are cut to fit). */
    static final int FLAG_REASON_CHARS_MAX = 1_000;

    /** Inspections shown with a pre-approval. */
    public static final int INSPECTIONS_SHOWN_MAX = 50;

    private final PreApprovals preApprovals;
    private final Inspections inspections;
    private final OrganizationService organizations;
    private final UserService users;
    private final CaseService cases;
    private final LicenceService licences;
    private final RequesterScreening screening;
    private final AuditLog audit;
    private final Clock clock;

    PreApprovalService(
            PreApprovals preApprovals,
            Inspections inspections,
            OrganizationService organizations,
            UserService users,
            CaseService cases,
            LicenceService licences,
            RequesterScreening screening,
            AuditLog audit,
            Clock clock) {
        this.licences = licences;
        this.screening = screening;
        this.preApprovals = preApprovals;
        this.inspections = inspections;
        this.organizations = organizations;
        this.users = users;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A pre-approval with its standing today, its latest inspections (when read one by one), and whether the reader is
     * the authority's (who sees which officer acted).
     */
    public record Viewed(
            PreApproval preApproval, PreApprovalState standing, List<Inspection> inspections, boolean authority) {}

    /** What recording an inspection did: the inspection, its pre-approval after it, and what it flagged. */
    public record Recorded(
            Inspection inspection, PreApproval preApproval, boolean suspended, int flaggedCases, int flaggedLicences) {}

    /** A buyer asks for a pre-approval of itself, or an exporter for a named buyer. */
    @Transactional
    public Viewed request(CurrentUser caller, PreApprovalRequest request) {
        caller.requireWriter();
        caller.require(Role.BUYER, Role.APPLICANT);
        Role role = caller.has(Role.BUYER) ? Role.BUYER : Role.APPLICANT;
        if (role == Role.BUYER) {
            String own = ownKey(caller);
            if (!request.company().key().equals(own)) {
                throw InvalidInputException.of(
                        "company",
                        "a buyer asks for a pre-approval of itself: must name your organization (key '" + own
                                + "'), got '" + request.company() + "' (key '"
                                + request.company().key() + "')");
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (request.validFrom().isBefore(today)) {
            throw InvalidInputException.of(
                    "validFrom", "must not be before today " + today + ", got " + request.validFrom());
        }
        PreApproval requested = PreApproval.request(
                PreApprovalId.random(), caller.organizationId(), role, caller.actor(), request, clock.instant());
        preApprovals.insert(requested);
        // The buyer is screened like an application's parties; a hit blocks the grant until it is dispositioned.
        RequesterScreening.Screened screened = screening.screen(
                requested.id().value(),
                request.company(),
                request.ultimateParent(),
                request.countries(),
                caller.actor());
        audit.append(PreApprovalAudit.preApproval(
                caller.actor(),
                "preapproval.requested",
                null,
                requested,
                Map.of("requesterRole", role.name(), "screeningHit", screened.hit())));
        audit.append(screened.audit());
        return viewed(caller, requested, today, List.of());
    }

    /** One pre-approval, if the caller may see it, with its latest inspections. */
    @Transactional(readOnly = true)
    public Viewed get(CurrentUser caller, PreApprovalId id) {
        PreApproval p = visible(caller, preApprovals.find(id).orElseThrow(() -> notFound(id)));
        return viewed(
                caller,
                p,
                LocalDate.now(clock),
                inspections.list(
                        new InspectionFilter(p.id(), null, null, null, null), Paging.first(INSPECTIONS_SHOWN_MAX)));
    }

    /** A page of the pre-approvals the caller may see. */
    @Transactional(readOnly = true)
    public List<Viewed> list(CurrentUser caller, PreApprovalFilter filter, Paging paging) {
        return list(caller, filter, PreApprovalSort.REQUESTED, true, paging);
    }

    /** A page of the pre-approvals the caller may see, in {@code sort}'s order (the web UI's sortable table). */
    @Transactional(readOnly = true)
    public List<Viewed> list(
            CurrentUser caller, PreApprovalFilter filter, PreApprovalSort sort, boolean descending, Paging paging) {
        PreApprovalFilter scoped;
        if (caller.seesAllOrganizations()) {
            scoped = filter;
        } else if (caller.has(Role.BUYER)) {
            scoped = filter.scopedTo(caller.organizationId(), ownKey(caller));
        } else if (caller.has(Role.APPLICANT)) {
            scoped = filter.scopedTo(caller.organizationId(), null);
        } else if (caller.has(Role.INSPECTOR)) {
            scoped = filter.assignedTo(caller.actor());
        } else {
            caller.require(Role.AGENCY);
            // An agency lists one company's pre-approvals, when a case referred to it concerns that company.
            if (filter.companyKey() == null || !cases.referredToCallerConcerning(caller, filter.companyKey(), null)) {
                return List.of();
            }
            scoped = filter;
        }
        LocalDate today = LocalDate.now(clock);
        return preApprovals.list(scoped, sort, descending, paging).stream()
                .map(p -> viewed(caller, p, today, List.of()))
                .toList();
    }

    /** An officer takes a request into review. */
    @Transactional
    public Viewed review(CurrentUser caller, PreApprovalId id, long version) {
        requireOfficer(caller);
        PreApproval p = forChange(id);
        Map<String, Object> before = PreApprovalAudit.summary(p);
        p.review(version, caller.actor(), clock.instant());
        return changed(caller, p, before, "preapproval.under_review", Map.of());
    }

    /** An officer grants it with conditions and a validity (null dates: those asked for). */
    @Transactional
    public Viewed grant(
            CurrentUser caller, PreApprovalId id, String conditions, LocalDate from, LocalDate until, long version) {
        requireOfficer(caller);
        PreApproval p = forChange(id);
        List<String> hits = screening.blockingGrant(id.value());
        if (!hits.isEmpty()) {
            throw new ConflictException("pre-approval " + id + " cannot be granted: " + String.join("; ", hits), hits);
        }
        Map<String, Object> before = PreApprovalAudit.summary(p);
        p.grant(
                conditions,
                from == null ? p.request().validFrom() : from,
                until == null ? p.request().validUntil() : until,
                LocalDate.now(clock),
                version,
                caller.actor(),
                clock.instant());
        return changed(caller, p, before, "preapproval.granted", Map.of());
    }

    /** An officer denies it, with the reasons. */
    @Transactional
    public Viewed deny(CurrentUser caller, PreApprovalId id, String reasons, long version) {
        requireOfficer(caller);
        PreApproval p = forChange(id);
        Map<String, Object> before = PreApprovalAudit.summary(p);
        p.deny(reasons, version, caller.actor(), clock.instant());
        return changed(caller, p, before, "preapproval.denied", Map.of());
    }

    /** An officer suspends it, saying why. */
    @Transactional
    public Viewed suspend(CurrentUser caller, PreApprovalId id, String reason, long version) {
        requireOfficer(caller);
        PreApproval p = forChange(id);
        Map<String, Object> before = PreApprovalAudit.summary(p);
        p.suspend(reason, LocalDate.now(clock), version, caller.actor(), clock.instant());
        return changed(caller, p, before, "preapproval.suspended", Map.of());
    }

    /** An officer reinstates a suspended pre-approval, saying why. */
    @Transactional
    public Viewed reinstate(CurrentUser caller, PreApprovalId id, String reason, long version) {
        requireOfficer(caller);
        PreApproval p = forChange(id);
        Map<String, Object> before = PreApprovalAudit.summary(p);
        p.reinstate(reason, LocalDate.now(clock), version, caller.actor(), clock.instant());
        return changed(caller, p, before, "preapproval.reinstated", Map.of());
    }

    /** An officer revokes it for good, saying why. */
    @Transactional
    public Viewed revoke(CurrentUser caller, PreApprovalId id, String reason, long version) {
        requireOfficer(caller);
        PreApproval p = forChange(id);
        Map<String, Object> before = PreApprovalAudit.summary(p);
        p.revoke(reason, LocalDate.now(clock), version, caller.actor(), clock.instant());
        return changed(caller, p, before, "preapproval.revoked", Map.of());
    }

    /**
     * An officer or an inspector schedules an inspection of one site of a granted pre-approval; {@code inspector}
     * names the inspector it is assigned to (null: the calling inspector).
     */
    @Transactional
    public Inspection schedule(
            CurrentUser caller, PreApprovalId id, String site, LocalDate scheduledFor, Username inspector) {
        caller.requireWriter();
        caller.require(Role.OFFICER, Role.INSPECTOR);
        String assigned;
        if (inspector == null) {
            if (!caller.has(Role.INSPECTOR)) {
                throw InvalidInputException.of("inspector", "is required: the username of the inspector to assign");
            }
            assigned = caller.actor();
        } else if (users.holds(inspector, Role.INSPECTOR)) {
            assigned = inspector.value();
        } else {
            throw InvalidInputException.of("inspector", "'" + inspector + "' is not an inspector's enabled account");
        }
        // The pre-approval is locked so that a suspension or expiry recorded meanwhile is seen.
        PreApproval p = forChange(id);
        LocalDate today = LocalDate.now(clock);
        Inspection scheduled = Inspection.schedule(
                InspectionId.random(), p, p.site(site), scheduledFor, assigned, today, caller.actor(), clock.instant());
        inspections.insert(scheduled);
        audit.append(PreApprovalAudit.inspection(caller.actor(), "inspection.scheduled", null, scheduled, Map.of()));
        return scheduled;
    }

    /** One inspection, if the caller may see it. */
    @Transactional(readOnly = true)
    public Inspection inspection(CurrentUser caller, InspectionId id) {
        Inspection inspection = inspections.find(id).orElseThrow(() -> new NotFoundException("inspection", id));
        if (caller.seesAllOrganizations()
                || (caller.has(Role.INSPECTOR) && inspection.inspector().equals(caller.actor()))) {
            return inspection;
        }
        try {
            visible(caller, preApprovals.find(inspection.preApprovalId()).orElseThrow(() -> notFound(null)));
        } catch (NotFoundException e) {
            throw new NotFoundException("inspection", id);
        }
        return inspection;
    }

    /** A page of the inspections the caller may see, the soonest scheduled first. */
    @Transactional(readOnly = true)
    public List<Inspection> inspections(
            CurrentUser caller, PreApprovalId preApproval, InspectionState state, Paging paging) {
        InspectionFilter filter;
        if (caller.seesAllOrganizations()) {
            filter = new InspectionFilter(preApproval, null, state, null, null);
        } else if (caller.has(Role.INSPECTOR)) {
            filter = new InspectionFilter(preApproval, caller.actor(), state, null, null);
        } else if (caller.has(Role.BUYER)) {
            filter = new InspectionFilter(preApproval, null, state, caller.organizationId(), ownKey(caller));
        } else if (caller.has(Role.APPLICANT)) {
            filter = new InspectionFilter(preApproval, null, state, caller.organizationId(), null);
        } else {
            caller.require(Role.AGENCY);
            if (preApproval == null) {
                return List.of(); // an agency lists the inspections of one pre-approval it may see
            }
            get(caller, preApproval);
            filter = new InspectionFilter(preApproval, null, state, null, null);
        }
        return inspections.list(filter, paging);
    }

    /**
     * The assigned inspector records what an inspection found. FAILED suspends the pre-approval at once and flags every
     * open case whose end user or ultimate parent the pre-approval covers, in this transaction: the flag blocks their
     * approval until an officer clears it.
     */
    @Transactional
    public Recorded record(
            CurrentUser caller,
            InspectionId id,
            LocalDate performedOn,
            InspectionOutcome outcome,
            String findings,
            String reportSha256,
            LocalDate remediationDueOn,
            long version) {
        caller.requireWriter();
        caller.require(Role.INSPECTOR);
        Inspection inspection = inspections
                .findForUpdate(id)
                .filter(i -> i.inspector().equals(caller.actor()))
                .orElseThrow(() -> new NotFoundException("inspection", id));
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Inspection.Result result = Inspection.Result.of(
                performedOn, outcome, findings, reportSha256, remediationDueOn, today, caller.actor(), now);
        PreApproval p = forChange(inspection.preApprovalId());
        Map<String, Object> inspectionBefore = PreApprovalAudit.summary(inspection);
        inspection.record(result, version);
        if (!inspections.save(inspection)) {
            throw new ConflictException("inspection " + id + " was changed meanwhile; read it again");
        }
        List<AuditEntry> entries = new ArrayList<>(2);
        entries.add(PreApprovalAudit.inspection(
                caller.actor(), "inspection.recorded", inspectionBefore, inspection, Map.of()));
        boolean suspended = false;
        int flagged = 0;
        int flaggedLicences = 0;
        if (outcome == InspectionOutcome.FAILED) {
            String reason = failure(inspection);
            Map<String, Object> before = PreApprovalAudit.summary(p);
            suspended = p.suspendForFailedInspection(reason, today, caller.actor(), now);
            if (suspended) {
                save(p);
                entries.add(PreApprovalAudit.preApproval(
                        caller.actor(),
                        "preapproval.suspended",
                        before,
                        p,
                        Map.of("inspection", inspection.id().toString())));
            }
            String flag = "inspection:" + inspection.id();
            flagged = cases.flagOpenCasesOf(
                    p.request().ultimateParent(), flag, "INSPECTION_FAILED", reason, caller.actor());
            if (!p.request().company().key().equals(p.request().ultimateParent().key())) {
                flagged +=
                        cases.flagOpenCasesOf(p.request().company(), flag, "INSPECTION_FAILED", reason, caller.actor());
            }
            // The licences in force for the same buyer are flagged too (shown on the licence until an officer clears
            // it).
            flaggedLicences = licences.flagActiveLicencesOf(
                    p.request().ultimateParent(), flag, "INSPECTION_FAILED", reason, caller.actor());
            if (!p.request().company().key().equals(p.request().ultimateParent().key())) {
                flaggedLicences += licences.flagActiveLicencesOf(
                        p.request().company(), flag, "INSPECTION_FAILED", reason, caller.actor());
            }
        }
        audit.appendAll(entries);
        return new Recorded(inspection, p, suspended, flagged, flaggedLicences);
    }

    /**
     * The expiry job's step: records the expiry of up to {@link #EXPIRY_BATCH_MAX} pre-approvals whose validity ended
     * before {@code today}, claimed with SKIP LOCKED so that servers sharing a database split the work. Returns how
     * many it expired.
     */
    @Transactional
    public int expireDue(LocalDate today) {
        List<PreApproval> due = preApprovals.claimExpired(today, EXPIRY_BATCH_MAX);
        if (due.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<AuditEntry> entries = new ArrayList<>(due.size());
        for (PreApproval p : due) {
            Map<String, Object> before = PreApprovalAudit.summary(p);
            p.expire(today, "system", now);
            save(p);
            entries.add(PreApprovalAudit.preApproval("system", "preapproval.expired", before, p, Map.of()));
        }
        audit.appendAll(entries);
        return due.size();
    }

    private static String failure(Inspection inspection) {
        String reason = "inspection " + inspection.id() + " of site '"
                + inspection.site().name() + "' ("
                + inspection.site().country() + ") on " + inspection.result().performedOn() + " FAILED: "
                + inspection.result().findings();
        return reason.length() > FLAG_REASON_CHARS_MAX ? reason.substring(0, FLAG_REASON_CHARS_MAX - 1) + "…" : reason;
    }

    private Viewed changed(
            CurrentUser caller, PreApproval p, Map<String, Object> before, String action, Map<String, Object> details) {
        save(p);
        audit.append(PreApprovalAudit.preApproval(caller.actor(), action, before, p, details));
        return viewed(caller, p, LocalDate.now(clock), List.of());
    }

    private static Viewed viewed(CurrentUser caller, PreApproval p, LocalDate today, List<Inspection> inspections) {
        return new Viewed(p, p.standing(today), inspections, authority(caller));
    }

    /** The licensing authority's roles see who acted on a record; buyers and exporters see what was decided. */
    static boolean authority(CurrentUser caller) {
        return caller.hasAny(Role.OFFICER, Role.AGENCY, Role.AUDITOR, Role.INSPECTOR);
    }

    private void save(PreApproval p) {
        if (!preApprovals.save(p)) {
            // Cannot happen under the row lock taken when it was loaded; kept as a guard.
            throw new ConflictException("pre-approval " + p.id() + " was changed meanwhile; read it again");
        }
    }

    private PreApproval forChange(PreApprovalId id) {
        return preApprovals.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    /** The pre-approval if the caller may see it; else not found, as for an id that does not exist. */
    private PreApproval visible(CurrentUser caller, PreApproval p) {
        if (caller.seesAllOrganizations()) {
            return p;
        }
        if ((caller.has(Role.BUYER) || caller.has(Role.APPLICANT)) && caller.belongsTo(p.requestedBy())) {
            return p;
        }
        if (caller.has(Role.BUYER) && p.request().company().key().equals(ownKey(caller))) {
            return p;
        }
        if (caller.has(Role.INSPECTOR)
                && !inspections
                        .list(new InspectionFilter(p.id(), caller.actor(), null, null, null), Paging.first(1))
                        .isEmpty()) {
            return p;
        }
        if (caller.has(Role.AGENCY)
                && (cases.referredToCallerConcerning(
                                caller, p.request().ultimateParent().key(), null)
                        || cases.referredToCallerConcerning(
                                caller, p.request().company().key(), null))) {
            return p;
        }
        throw notFound(p.id());
    }

    /** The canonical key of the caller's organization's name: a buyer's own company. */
    private String ownKey(CurrentUser caller) {
        return organizations.get(caller, caller.organizationId()).name().key();
    }

    private static NotFoundException notFound(PreApprovalId id) {
        return new NotFoundException("pre-approval", id);
    }

    private static void requireOfficer(CurrentUser caller) {
        caller.requireWriter();
        caller.require(Role.OFFICER);
    }
}
