package org.gatehouse.licensing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.ledger.Holding;
import org.gatehouse.ledger.Ledger;
import org.gatehouse.ledger.LedgerBucket;
import org.gatehouse.ledger.Movement;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.AssessmentJson;
import org.gatehouse.policy.Assessor;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.LedgerView;
import org.gatehouse.policy.Line;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Tpp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licences after issue: reading them, shipments drawn down against them, and the officer's amendments, suspensions,
 * reinstatements and revocations; the expiry job's work. Each change loads the licence under its row lock, asks it to
 * change, moves compute, saves it with a new version and audits, all in one transaction. Every method takes the
 * caller: holders (APPLICANT of the holder organization) read their licences and report shipments; officers change
 * licences and read all; auditors read all; anyone else is answered as if the licence did not exist.
 */
@Service
public class LicenceService {

    private final Licences licences;
    private final Ledger ledger;
    private final PolicyInForce policies;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<UnshippedRelease> releases;

    LicenceService(
            Licences licences,
            Ledger ledger,
            PolicyInForce policies,
            AuditLog audit,
            Clock clock,
            ObjectProvider<UnshippedRelease> releases) {
        this.licences = licences;
        this.ledger = ledger;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
        this.releases = releases;
    }

    /** One licence, if the caller may see it (else 404, as for a number that does not exist). */
    @Transactional(readOnly = true)
    public Licence get(CurrentUser caller, LicenceNumber number) {
        Licence licence = licences.find(number).orElseThrow(() -> notFound(number));
        caller.requireVisible(licence.holder(), LicensingAudit.LICENCE, number);
        return licence;
    }

    /** A page of the licences the caller may see: all for officers and auditors, its own for a holder. */
    @Transactional(readOnly = true)
    public List<Licence> list(CurrentUser caller, LicenceFilter filter, Paging paging) {
        if (caller.seesAllOrganizations()) {
            return licences.list(filter, paging);
        }
        caller.require(Role.APPLICANT);
        return licences.list(filter.withHolder(caller.organizationId()), paging);
    }

    /**
     * A page of the licences the caller may see, as {@link #list} chooses them, in {@code sort} order; the state
     * filter reads each licence's standing today (a live licence past its validity is EXPIRED). For the web UI.
     */
    @Transactional(readOnly = true)
    public List<Licence> page(
            CurrentUser caller, LicenceFilter filter, LicenceSort sort, boolean descending, Paging paging) {
        LocalDate today = LocalDate.now(clock);
        if (caller.seesAllOrganizations()) {
            return licences.page(filter, today, sort, descending, paging);
        }
        caller.require(Role.APPLICANT);
        return licences.page(filter.withHolder(caller.organizationId()), today, sort, descending, paging);
    }

    /** Most licences {@link #inForce} answers at once. */
    public static final int IN_FORCE_PAGE_MAX = 1_000;

    /**
     * The licences in force (active or suspended), by application id after {@code after} (null: from the first), at
     * most {@code max}: for the modules that look at every licence again (re-screening its parties after a list
     * update). They authorize their callers.
     */
    @Transactional(readOnly = true)
    public List<Licence> inForce(ApplicationId after, int max) {
        if (max < 1 || max > IN_FORCE_PAGE_MAX) {
            throw new IllegalArgumentException("max must be 1.." + IN_FORCE_PAGE_MAX + ", got " + max);
        }
        return licences.inForce(after, max);
    }

    /** A page of the versions of a licence the caller may see, oldest first. */
    @Transactional(readOnly = true)
    public List<LicenceVersion> versions(CurrentUser caller, LicenceNumber number, Paging paging) {
        get(caller, number);
        return licences.versions(number, paging);
    }

    /** One version of a licence the caller may see. */
    @Transactional(readOnly = true)
    public LicenceVersion version(CurrentUser caller, LicenceNumber number, long version) {
        get(caller, number);
        return licences.version(number, version)
                .orElseThrow(() -> new NotFoundException("version " + version + " of licence", number));
    }

    /** A page of the shipments of a licence the caller may see, newest first. */
    @Transactional(readOnly = true)
    public List<Shipment> shipments(CurrentUser caller, LicenceNumber number, Paging paging) {
        get(caller, number);
        return licences.shipments(number, paging);
    }

    /**
     * The value of the shipments reported under a licence the caller may see, per calendar quarter (keyed by the
     * quarter's first day): the cross-check beside the revenue its holder reports.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, BigDecimal> shippedValueByQuarter(CurrentUser caller, LicenceNumber number) {
        get(caller, number);
        return licences.shippedValueByQuarter(number);
    }

    /** Most licences {@link #flagActiveLicencesOf} flags at once. */
    public static final int FLAGGED_LICENCES_MAX = 10_000;

    /**
     * Raises a flag on every ACTIVE licence whose ultimate parent or end user is {@code company} (by canonical key), in
     * the caller's transaction (the module that found the cause authorized its caller): each flag is audited on its
     * licence with the open flags before and after. A licence with the same open {@code flag} is left as it is.
     *
     * @return how many licences were flagged now
     */
    @Transactional
    public int flagActiveLicencesOf(CompanyName company, String flag, String kind, String reason, String by) {
        int flagged = 0;
        String text = reason.length() > LicenceFlag.REASON_CHARS_MAX
                ? reason.substring(0, LicenceFlag.REASON_CHARS_MAX)
                : reason;
        for (LicenceNumber number : licences.activeConcerning(company.key(), FLAGGED_LICENCES_MAX)) {
            List<LicenceFlag> before = licences.openFlags(number);
            LicenceFlag raised =
                    new LicenceFlag(UUID.randomUUID(), number, flag, kind, text, by, clock.instant(), null, null, null);
            if (licences.insertFlag(raised)) {
                flagged++;
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("before", Map.of("openFlags", flagNames(before)));
                payload.put("after", Map.of("openFlags", flagNames(licences.openFlags(number))));
                payload.put("flag", flag);
                payload.put("kind", kind);
                payload.put("reason", text);
                audit.append(new AuditEntry(by, "licence.flagged", LicensingAudit.LICENCE, number.value(), payload));
            }
        }
        return flagged;
    }

    /** The open flags of a licence the caller may see, oldest first. */
    @Transactional(readOnly = true)
    public List<LicenceFlag> openFlags(CurrentUser caller, LicenceNumber number) {
        get(caller, number);
        return licences.openFlags(number);
    }

    /** An officer clears an open flag of a licence, saying why. */
    @Transactional
    public List<LicenceFlag> clearFlag(CurrentUser caller, LicenceNumber number, UUID flag, ChangeReason reason) {
        forOfficer(caller, number);
        List<LicenceFlag> before = licences.openFlags(number);
        if (!licences.clearFlag(number, flag, reason.text(), caller.actor(), clock.instant())) {
            throw new NotFoundException("open flag " + flag + " of licence", number);
        }
        List<LicenceFlag> after = licences.openFlags(number);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", Map.of("openFlags", flagNames(before)));
        payload.put("after", Map.of("openFlags", flagNames(after)));
        payload.put("flagId", flag.toString());
        payload.put("reason", reason.text());
        audit.append(new AuditEntry(
                caller.actor(), "licence.flag_cleared", LicensingAudit.LICENCE, number.value(), payload));
        return after;
    }

    private static List<String> flagNames(List<LicenceFlag> flags) {
        return flags.stream().map(f -> f.kind() + " " + f.flag()).toList();
    }

    /** The assessment of a licence as the caller may read it: every figure for the authority, else its own filings. */
    public String assessmentShownTo(CurrentUser caller, Licence licence) {
        return seesEveryFiling(caller) ? licence.assessmentJson() : licence.applicantAssessmentJson();
    }

    /**
     * The assessment an amendment's increase passed, for the authority only (it counts every organization's filings
     * of the measure); null for anyone else and for versions without one.
     */
    public String assessmentShownTo(CurrentUser caller, LicenceVersion version) {
        return seesEveryFiling(caller) ? version.assessmentJson() : null;
    }

    private static boolean seesEveryFiling(CurrentUser caller) {
        return caller.isSystem() || caller.hasAny(Role.OFFICER, Role.AUDITOR);
    }

    /**
     * Reports a shipment against one of the caller's organization's licences: checked and drawn down under the
     * licence's row lock (so concurrent reports never overdraw it), its compute moved from AUTHORIZED to SHIPPED,
     * recorded and audited. With an Idempotency-Key, a retry answers with the shipment the first request recorded.
     *
     * @param request the report as sent, canonical (for the Idempotency-Key's check)
     */
    @Transactional
    public Handled<Shipment> reportShipment(
            CurrentUser caller, LicenceNumber number, ShipmentReport report, String idempotencyKey, String request) {
        caller.requireWriter();
        caller.require(Role.APPLICANT);
        String key = RequestKeys.checked(idempotencyKey);
        Licence licence = licences.findForUpdate(number)
                .filter(l -> caller.belongsTo(l.holder()))
                .orElseThrow(() -> notFound(number));
        String requestSha256 = RequestKeys.sha256(request);
        if (key != null) {
            Optional<Shipment> earlier = RequestKeys.replay(licences.shipmentByKey(number, key), requestSha256, key);
            if (earlier.isPresent()) {
                return new Handled<>(earlier.get(), true);
            }
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        ItemLines before = licence.lines();
        Drawn drawn = licence.ship(report, today);
        if (drawn instanceof Drawn.Refused refused) {
            throw Refusals.of(refused.refusals());
        }
        if (report.testReportSha256() != null) {
            licences.shipmentWithTestReport(number, report.testReportSha256()).ifPresent(earlier -> {
                throw new ConflictException("testReportSha256: test report " + report.testReportSha256()
                        + " was already filed with shipment " + earlier.id() + " of licence " + number
                        + "; each shipment is tested on its own");
            });
        }
        Drawn.Accepted accepted = (Drawn.Accepted) drawn;
        Shipment shipment = new Shipment(
                UUID.randomUUID(),
                number,
                report.shippedOn(),
                report.lines(),
                accepted.drawdowns(),
                report.valueUsd(),
                accepted.tpp(),
                report.testReportSha256(),
                report.reference(),
                caller.actor(),
                now);
        if (shipment.tpp() > 0) {
            Tpp tpp = Tpp.of(shipment.tpp());
            Holding holding = ledger.holding(licence.applicationId());
            if (holding.authorized().compareTo(tpp) < 0) {
                // The licence's lines and its ledger position move together; a gap means they were changed apart.
                throw new IllegalStateException("licence " + number + " draws " + tpp + " but its application holds "
                        + holding.authorized() + " authorized");
            }
            ledger.ship(
                    licence.applicationId(),
                    LedgerBucket.AUTHORIZED,
                    tpp,
                    "licence.shipment:" + shipment.id(),
                    caller.actor());
        }
        licences.insertShipment(shipment, key, requestSha256);
        save(licence);
        audit.append(LicensingAudit.shipped(caller.actor(), licence, shipment, before));
        return new Handled<>(shipment, false);
    }

    /**
     * Amends a licence to a new version (officers). Raised quantities are re-assessed under the policy in force, the
     * increase alone against a ledger that already counts the licence, serialized with every application on the same
     * measure keys ({@link Ledger#lockFor}); the amendment is refused unless the increase still needs a licence in a
     * tier no higher than the licence's ({@link Reassessment}). The increase becomes AUTHORIZED compute, lowered
     * quantities release theirs; the movements name the amendment.
     */
    @Transactional
    public Licence amend(CurrentUser caller, LicenceNumber number, long expectedVersion, Amendment amendment) {
        Licence licence = forOfficer(caller, number);
        LocalDate today = LocalDate.now(clock);
        Policy policy = policies.on(today);
        // Valid N years from the day of approval: the last valid day is the day before its N-th anniversary.
        LocalDate validUntilMax = licence.validFrom()
                .plusYears(policy.procedure().licenceValidityYears())
                .minusDays(1);
        Amended amended = licence.amend(expectedVersion, amendment, today, validUntilMax, clock.instant());
        String cause = "licence.amended:" + number + "@" + licence.version();
        String reassessed = null;
        Map<String, Object> reassessment = null;
        if (amended.increasedTpp() > 0) {
            Deal increase = increase(licence, amended.increases(), caller, today);
            // The locks first, as a submission takes them: then no submission on these keys can hold a bucket row
            // this transaction waits for, or wait for one it holds.
            LedgerView view = ledger.lockFor(increase, policy, today);
            release(licence, amended.decreasedTpp(), cause, caller);
            Assessment assessment = Assessor.assess(increase, policy, view, today);
            Optional<String> refusal = Reassessment.refusal(licence.tier(), assessment);
            if (refusal.isPresent()) {
                throw new ConflictException("cannot amend licence " + number + ": " + refusal.get());
            }
            ledger.authorizeMore(licence.applicationId(), Tpp.of(amended.increasedTpp()), cause, caller.actor());
            reassessed = AssessmentJson.toJson(assessment);
            reassessment = new LinkedHashMap<>();
            reassessment.put("outcome", assessment.outcome().name());
            reassessment.put("tier", assessment.tier());
            reassessment.put(
                    "reviewPath",
                    assessment.reviewPath() == null
                            ? null
                            : assessment.reviewPath().name());
            reassessment.put(
                    "measureAfterTpp",
                    assessment.measureAfterTpp() < 0 ? null : Long.toString(assessment.measureAfterTpp()));
            reassessment.put("policy", policy.id() + "@" + policy.version());
        } else {
            release(licence, amended.decreasedTpp(), cause, caller);
        }
        save(licence);
        licences.insertVersion(new LicenceVersion(
                number,
                licence.version(),
                "amended",
                licence.terms(),
                amendment.reason(),
                caller.actor(),
                licence.updatedAt(),
                reassessed));
        audit.append(LicensingAudit.amended(caller.actor(), licence, amended, amendment.reason(), reassessment));
        return licence;
    }

    /** Suspends a licence (officers): shipments are refused until it is reinstated. */
    @Transactional
    public Licence suspend(CurrentUser caller, LicenceNumber number, long expectedVersion, ChangeReason reason) {
        Licence licence = forOfficer(caller, number);
        LicenceState from = licence.state();
        licence.suspend(expectedVersion, LocalDate.now(clock), clock.instant());
        return changed(caller, licence, "suspended", from, reason.text(), List.of());
    }

    /** Lifts a suspension (officers). */
    @Transactional
    public Licence reinstate(CurrentUser caller, LicenceNumber number, long expectedVersion, ChangeReason reason) {
        Licence licence = forOfficer(caller, number);
        LicenceState from = licence.state();
        licence.reinstate(expectedVersion, LocalDate.now(clock), clock.instant());
        return changed(caller, licence, "reinstated", from, reason.text(), List.of());
    }

    /** Revokes a licence (officers) and releases what it did not ship. */
    @Transactional
    public Licence revoke(CurrentUser caller, LicenceNumber number, long expectedVersion, ChangeReason reason) {
        Licence licence = forOfficer(caller, number);
        LicenceState from = licence.state();
        licence.revoke(expectedVersion, LocalDate.now(clock), clock.instant());
        List<Movement> released =
                ledger.releaseUnshipped(licence.applicationId(), "licence.revoked:" + number, caller.actor());
        released(licence, sum(released), "licence.revoked:" + number, caller.actor());
        return changed(caller, licence, "revoked", from, reason.text(), released);
    }

    /**
     * The expiry job's work (a system caller): expires at most {@code limit} live licences whose validity
     * ended before {@code today} and releases what they did not ship. The licences are locked with SKIP LOCKED, so
     * servers sharing the database split the work and each licence expires once. Returns how many it expired.
     */
    @Transactional
    public int expireDue(CurrentUser system, LocalDate today, int limit) {
        if (!system.isSystem()) {
            throw new IllegalArgumentException("expiry is the job's: a system caller, got " + system.actor());
        }
        List<Licence> due = licences.lockExpiring(today, limit);
        if (due.isEmpty()) {
            return 0;
        }
        List<AuditEntry> entries = new ArrayList<>(due.size());
        for (Licence licence : due) {
            LicenceState from = licence.state();
            licence.expire(today, clock.instant());
            List<Movement> released = ledger.releaseUnshipped(
                    licence.applicationId(), "licence.expired:" + licence.number(), system.actor());
            released(licence, sum(released), "licence.expired:" + licence.number(), system.actor());
            save(licence);
            licences.insertVersion(version(licence, "expired", null, system.actor()));
            entries.add(LicensingAudit.changedState(system.actor(), "licence.expired", licence, from, null, released));
        }
        audit.appendAll(entries);
        return due.size();
    }

    private Licence changed(
            CurrentUser caller,
            Licence licence,
            String action,
            LicenceState from,
            String reason,
            List<Movement> released) {
        save(licence);
        licences.insertVersion(version(licence, action, reason, caller.actor()));
        audit.append(LicensingAudit.changedState(caller.actor(), "licence." + action, licence, from, reason, released));
        return licence;
    }

    private static LicenceVersion version(Licence licence, String action, String reason, String actor) {
        return new LicenceVersion(
                licence.number(), licence.version(), action, licence.terms(), reason, actor, licence.updatedAt(), null);
    }

    private void release(Licence licence, long tpp, String cause, CurrentUser caller) {
        if (tpp > 0) {
            ledger.release(licence.applicationId(), LedgerBucket.AUTHORIZED, Tpp.of(tpp), cause, caller.actor());
            released(licence, tpp, cause, caller.actor());
        }
    }

    /** Tells the modules that hold what the licence drew (an agreement's allocation) that it gave {@code tpp} back. */
    private void released(Licence licence, long tpp, String cause, String by) {
        if (tpp > 0) {
            releases.orderedStream().forEach(r -> r.released(licence.applicationId(), tpp, cause, by, clock.instant()));
        }
    }

    private static long sum(List<Movement> movements) {
        return movements.stream().mapToLong(m -> m.tpp().value()).sum();
    }

    /** The raised lines of an amendment as a deal of their own: the units added, for the licence's end user. */
    private static Deal increase(
            Licence licence, List<Amended.Increase> increases, CurrentUser caller, LocalDate today) {
        ApplicationContent content = licence.content();
        List<Line> lines = new ArrayList<>(increases.size());
        for (Amended.Increase increase : increases) {
            Line applied = content.lines().get(increase.line() - 1).toLine();
            lines.add(new Line(applied.item(), increase.units()));
        }
        return new Deal(
                licence.applicationId().toString(),
                today,
                caller.actor(),
                content.endUserCompany(),
                content.company(),
                content.destinationCode(),
                lines,
                false);
    }

    private void save(Licence licence) {
        if (!licences.save(licence)) {
            // Cannot happen under the row lock taken when it was loaded; kept as a guard.
            throw new ConflictException("licence " + licence.number() + " was changed meanwhile; read it again");
        }
    }

    /** The licence, locked for an officer's change. */
    private Licence forOfficer(CurrentUser caller, LicenceNumber number) {
        caller.requireWriter();
        caller.require(Role.OFFICER);
        return licences.findForUpdate(number).orElseThrow(() -> notFound(number));
    }

    private static NotFoundException notFound(LicenceNumber number) {
        return new NotFoundException(LicensingAudit.LICENCE, number);
    }
}
