package org.gatehouse.licensing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationState;
import org.gatehouse.applications.Applications;
import org.gatehouse.applications.Registration;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.ledger.Holding;
import org.gatehouse.ledger.Ledger;
import org.gatehouse.ledger.LedgerBucket;
import org.gatehouse.ledger.Movement;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Tpp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tier-1 exemptions: recorded when an application is assessed EXEMPT, notified by their exporter shipment by
 * shipment, closed when their application is withdrawn, lapsed by the job. Holders (APPLICANT of the holder
 * organization) read theirs and file notifications; officers and auditors read all; anyone else is answered as if the
 * exemption did not exist.
 */
@Service
public class ExemptionService {

    private final Exemptions exemptions;
    private final Applications applications;
    private final Ledger ledger;
    private final PolicyInForce policies;
    private final AuditLog audit;
    private final Clock clock;

    ExemptionService(
            Exemptions exemptions,
            Applications applications,
            Ledger ledger,
            PolicyInForce policies,
            AuditLog audit,
            Clock clock) {
        this.exemptions = exemptions;
        this.applications = applications;
        this.ledger = ledger;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** One exemption, if the caller may see it (else 404, as for an id that does not exist). */
    @Transactional(readOnly = true)
    public Exemption get(CurrentUser caller, ApplicationId id) {
        Exemption exemption = exemptions.find(id).orElseThrow(() -> notFound(id));
        caller.requireVisible(exemption.holder(), LicensingAudit.EXEMPTION, id);
        return exemption;
    }

    /** A page of the exemptions the caller may see: all for officers and auditors, its own for a holder. */
    @Transactional(readOnly = true)
    public List<Exemption> list(CurrentUser caller, ExemptionFilter filter, Paging paging) {
        if (caller.seesAllOrganizations()) {
            return exemptions.list(filter, paging);
        }
        caller.require(Role.APPLICANT);
        return exemptions.list(filter.withHolder(caller.organizationId()), paging);
    }

    /** A page of an exemption's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> notifications(CurrentUser caller, ApplicationId id, Paging paging) {
        get(caller, id);
        return exemptions.notifications(id, paging);
    }

    /**
     * Files a post-shipment notification for one of the caller's organization's exemptions: checked and drawn down
     * under the exemption's row lock, its compute moved from RESERVED to SHIPPED, flagged late when filed after it
     * was due, recorded and audited. With an Idempotency-Key, a retry answers with the notification first recorded.
     *
     * @param request the notification as sent, canonical (for the Idempotency-Key's check)
     */
    @Transactional
    public Handled<Notification> fileNotification(
            CurrentUser caller, ApplicationId id, NotificationReport report, String idempotencyKey, String request) {
        caller.requireWriter();
        caller.require(Role.APPLICANT);
        String key = RequestKeys.checked(idempotencyKey);
        Exemption exemption = exemptions
                .findForUpdate(id)
                .filter(e -> caller.belongsTo(e.holder()))
                .orElseThrow(() -> notFound(id));
        String requestSha256 = RequestKeys.sha256(request);
        if (key != null) {
            Optional<Notification> earlier =
                    RequestKeys.replay(exemptions.notificationByKey(id, key), requestSha256, key);
            if (earlier.isPresent()) {
                return new Handled<>(earlier.get(), true);
            }
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        ExemptionState from = exemption.state();
        ItemLines before = exemption.lines();
        Drawn drawn = exemption.notifyShipment(report, today, now);
        if (drawn instanceof Drawn.Refused refused) {
            throw Refusals.of(refused.refusals());
        }
        Drawn.Accepted accepted = (Drawn.Accepted) drawn;
        Notification notification = new Notification(
                UUID.randomUUID(),
                id,
                report.shippedOn(),
                report.lines(),
                accepted.drawdowns(),
                accepted.tpp(),
                report.reference(),
                exemption.dueOn(report.shippedOn()),
                exemption.isLate(report.shippedOn(), today),
                caller.actor(),
                now);
        if (notification.tpp() > 0) {
            Tpp tpp = Tpp.of(notification.tpp());
            Holding holding = ledger.holding(id);
            if (holding.reserved().compareTo(tpp) < 0) {
                // The application was withdrawn (its reservation released) before this listener's record caught up.
                throw new ConflictException("exemption " + id + " holds "
                        + holding.reserved().value()
                        + " TPP reserved, less than the " + tpp.value() + " this notification ships: its application"
                        + " was withdrawn");
            }
            ledger.ship(id, LedgerBucket.RESERVED, tpp, "exemption.notified:" + notification.id(), caller.actor());
        }
        exemptions.insertNotification(notification, key, requestSha256);
        save(exemption);
        audit.append(LicensingAudit.notified(caller.actor(), exemption, from, notification, before));
        return new Handled<>(notification, false);
    }

    /**
     * Records the exemption of an application just assessed EXEMPT (the listener of its submission; a system caller).
     * The application row is locked while it is read, so a withdrawal cannot slip between the read and the record:
     * either the application is still EXEMPT and a later withdrawal finds the exemption, or it is withdrawn already
     * and nothing is recorded. Returns whether an exemption was recorded (false for anything else, or a repeat).
     */
    @Transactional
    public boolean register(CurrentUser system, ApplicationId id, Instant submittedAt) {
        requireSystem(system);
        Optional<Application> found = applications.findForUpdate(id);
        if (found.isEmpty() || found.get().state() != ApplicationState.EXEMPT) {
            return false;
        }
        Application application = found.get();
        Registration registration = application.registration();
        if (registration == null || registration.outcome() != Outcome.EXEMPT) {
            return false;
        }
        LocalDate registeredOn = LocalDate.ofInstant(submittedAt, clock.getZone());
        Policy policy = policies.find(registration.policy().id()).orElseGet(() -> policies.on(registeredOn));
        Exemption exemption = Exemption.register(
                id,
                application.organizationId(),
                application.content(),
                registration.policy(),
                registration.tier(),
                submittedAt,
                policy.procedure().exemptionLapseDays(),
                policy.procedure().notificationDays());
        if (!exemptions.insert(exemption)) {
            return false;
        }
        audit.append(LicensingAudit.registered(system.actor(), exemption));
        return true;
    }

    /**
     * Closes the exemption of a withdrawn application (the listener of the withdrawal; a system caller). The
     * withdrawal itself released what was still reserved. Returns whether an exemption changed.
     */
    @Transactional
    public boolean withdrawn(CurrentUser system, ApplicationId id) {
        requireSystem(system);
        Optional<Exemption> found = exemptions.findForUpdate(id);
        if (found.isEmpty()) {
            return false;
        }
        Exemption exemption = found.get();
        ExemptionState from = exemption.state();
        if (!exemption.withdraw(clock.instant())) {
            return false;
        }
        save(exemption);
        audit.append(LicensingAudit.closed(system.actor(), "exemption.withdrawn", exemption, from, List.of()));
        return true;
    }

    /**
     * The lapse job's work (a system caller): lapses at most {@code limit} open exemptions whose period is
     * over on {@code today} and releases what was not notified. Locked with SKIP LOCKED, so servers sharing the
     * database split the work and each exemption lapses once. Returns how many lapsed.
     */
    @Transactional
    public int lapseDue(CurrentUser system, LocalDate today, int limit) {
        requireSystem(system);
        List<Exemption> due = exemptions.lockLapsing(today, limit);
        if (due.isEmpty()) {
            return 0;
        }
        List<AuditEntry> entries = new ArrayList<>(due.size());
        for (Exemption exemption : due) {
            ExemptionState from = exemption.state();
            exemption.lapse(today, clock.instant());
            List<Movement> released =
                    ledger.releaseUnshipped(exemption.applicationId(), "exemption.lapsed", system.actor());
            save(exemption);
            entries.add(LicensingAudit.closed(system.actor(), "exemption.lapsed", exemption, from, released));
        }
        audit.appendAll(entries);
        return due.size();
    }

    private void save(Exemption exemption) {
        if (!exemptions.save(exemption)) {
            // Cannot happen under the row lock taken when it was loaded; kept as a guard.
            throw new ConflictException("exemption " + exemption.applicationId() + " was changed meanwhile");
        }
    }

    private static void requireSystem(CurrentUser caller) {
        if (!caller.isSystem()) {
            throw new IllegalArgumentException(
                    "this is the licensing jobs' work: a system caller, got " + caller.actor());
        }
    }

    private static NotFoundException notFound(ApplicationId id) {
        return new NotFoundException(LicensingAudit.EXEMPTION, id);
    }
}
