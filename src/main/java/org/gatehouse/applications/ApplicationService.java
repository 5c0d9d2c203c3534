package org.gatehouse.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.ledger.Ledger;
import org.gatehouse.ledger.Position;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.AssessmentJson;
import org.gatehouse.policy.Assessor;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.Disclosure;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files and submits applications: loads the {@link Application}, asks it to change, saves it, moves compute and
 * audits, all in one transaction. Every method takes the caller and checks what it may do here: exporters'
 * applicants work on their own organization's applications; officers and auditors read all; auditors change nothing.
 */
@Service
public class ApplicationService {

    static final String APPLICATION = "application";

    private final Applications applications;
    private final Idempotency idempotency;
    private final Ledger ledger;
    private final PolicyInForce policies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PartyScreening> screening;
    private final Clock clock;

    ApplicationService(
            Applications applications,
            Idempotency idempotency,
            Ledger ledger,
            PolicyInForce policies,
            AuditLog audit,
            ApplicationEventPublisher events,
            ObjectProvider<PartyScreening> screening,
            Clock clock) {
        this.applications = applications;
        this.idempotency = idempotency;
        this.ledger = ledger;
        this.policies = policies;
        this.audit = audit;
        this.events = events;
        this.screening = screening;
        this.clock = clock;
    }

    /** What a create or submit did: the application, and whether it answers a retry of an earlier request. */
    public record Handled(Application application, boolean replayed) {}

    /** Creates a draft for the caller's organization. */
    @Transactional
    public Handled create(CurrentUser caller, ApplicationContent content, String idempotencyKey, String request) {
        requireApplicant(caller);
        var earlier = idempotency.claim(caller.organizationId(), "create", idempotencyKey, request);
        if (earlier.isPresent()) {
            return new Handled(get(caller, earlier.get()), true);
        }
        Application draft = Application.draft(
                ApplicationId.random(), caller.organizationId(), caller.actor(), content, clock.instant());
        applications.insert(draft);
        idempotency.complete(caller.organizationId(), "create", idempotencyKey, draft.id());
        audit.append(ApplicationAudit.created(caller, draft));
        return new Handled(draft, false);
    }

    /** One application, if the caller may see it (else 404, as for an id that does not exist). */
    @Transactional(readOnly = true)
    public Application get(CurrentUser caller, ApplicationId id) {
        Application application = applications
                .find(id)
                .filter(a -> a.state() != ApplicationState.DISCARDED)
                .orElseThrow(() -> new NotFoundException(APPLICATION, id));
        requireVisible(caller, application);
        return application;
    }

    /** A page of the applications the caller may see. */
    @Transactional(readOnly = true)
    public List<Application> list(CurrentUser caller, ApplicationFilter filter, Paging paging) {
        if (caller.seesAllOrganizations()) {
            return applications.list(filter, paging);
        }
        if (caller.has(Role.AGENCY)) {
            return List.of(); // agencies see only cases referred to them; referral arrives with the review workflow
        }
        caller.require(Role.APPLICANT); // the remaining roles (buyers, inspectors, admins) list no applications
        return applications.list(filter.withOrganization(caller.organizationId()), paging);
    }

    /** Replaces a draft's content; {@code expectedVersion} must be the version the caller read. */
    @Transactional
    public Application update(CurrentUser caller, ApplicationId id, long expectedVersion, ApplicationContent content) {
        Application application = ownForChange(caller, id);
        long previous = application.version();
        application.update(content, expectedVersion, clock.instant());
        save(application);
        audit.append(ApplicationAudit.updated(caller, application, previous));
        return application;
    }

    /** Discards a draft (kept as a record, hidden from lists). */
    @Transactional
    public Application discard(CurrentUser caller, ApplicationId id, long expectedVersion) {
        Application application = ownForChange(caller, id);
        application.discard(expectedVersion, clock.instant());
        save(application);
        audit.append(ApplicationAudit.discarded(caller, application));
        return application;
    }

    /**
     * Submits a draft: assesses it under the policy in force against the live ledger (serialized with every other
     * application on the same measure keys), reserves its compute, records the assessment and audits — all in one
     * transaction, so an error leaves the draft as it was.
     */
    @Transactional
    public Handled submit(CurrentUser caller, ApplicationId id, Long expectedVersion, String idempotencyKey) {
        requireApplicant(caller);
        String operation = "submit:" + id;
        var earlier = idempotency.claim(caller.organizationId(), operation, idempotencyKey, id + "@" + expectedVersion);
        if (earlier.isPresent()) {
            return new Handled(get(caller, earlier.get()), true);
        }
        Application application = ownForChange(caller, id);
        LocalDate today = LocalDate.now(clock);
        Policy policy = policies.on(today);
        PartyScreening parties = screening.getIfAvailable();
        PartyScreening.Result[] screened = {PartyScreening.Result.none(application.content())};
        application.submit(
                expectedVersion,
                content -> {
                    // Screened once the draft may be submitted, before the assessment: a hit adds SCREENING_REVIEW and
                    // the register decides which company the measure counts for.
                    if (parties != null) {
                        screened[0] = parties.screen(id, content, caller.actor());
                    }
                    Deal deal = content.toDeal(
                            id, caller.actor(), today, screened[0].hit(), screened[0].parent(), screened[0].endUser());
                    return Assessor.assess(deal, policy, ledger.lockFor(deal, policy, today), today);
                },
                assessment -> ledger.ownFilings(assessment, caller.organizationId()),
                clock.instant());
        if (application.holdsCompute()) {
            ApplicationContent content = application.content();
            ledger.reserve(
                    new Position(
                            id,
                            screened[0].parent(),
                            screened[0].endUser(),
                            content.destinationCode(),
                            today,
                            application.registration().outcome(),
                            application.registration().tier(),
                            caller.organizationId()),
                    application.registration().controlledTpp(),
                    "application.submitted",
                    caller.actor());
        }
        save(application);
        idempotency.complete(caller.organizationId(), operation, idempotencyKey, id);
        List<AuditEntry> entries = new ArrayList<>(1 + screened[0].audit().size());
        entries.add(ApplicationAudit.submitted(caller, application, policy));
        entries.addAll(screened[0].audit());
        audit.appendAll(entries);
        return new Handled(application, false);
    }

    /** Withdraws a submitted application and releases the compute it reserved. */
    @Transactional
    public Application withdraw(CurrentUser caller, ApplicationId id, long expectedVersion) {
        Application application = ownForChange(caller, id);
        ApplicationState from = application.state();
        application.withdraw(expectedVersion, clock.instant());
        if (application.holdsCompute()) {
            ledger.releaseUnshipped(id, "application.withdrawn", caller.actor());
        }
        save(application);
        audit.append(ApplicationAudit.withdrawn(caller, application, from));
        return application;
    }

    /** An assessment and what of it its reader may see. */
    public record Shown(Assessment assessment, Disclosure disclosure) {

        /** The SPEC §4 JSON form, as the reader may see it. */
        public String json() {
            return AssessmentJson.toJson(assessment, disclosure);
        }
    }

    /**
     * A submitted application, for the modules that review submissions (they authorize their own callers and show
     * nothing of it to anyone who may not see it).
     */
    @Transactional(readOnly = true)
    public Application registered(ApplicationId id) {
        return applications
                .find(id)
                .filter(a -> a.registration() != null)
                .orElseThrow(() -> new NotFoundException(APPLICATION, id));
    }

    /**
     * Records how an application's case ended, in the case's transaction (the case module authorized the officer and
     * moved or released the compute).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Application conclude(ApplicationId id, ApplicationState conclusion, String actor) {
        Application application =
                applications.findForUpdate(id).orElseThrow(() -> new NotFoundException(APPLICATION, id));
        ApplicationState from = application.state();
        application.conclude(conclusion, clock.instant());
        save(application);
        audit.append(ApplicationAudit.concluded(actor, application, from));
        return application;
    }

    /**
     * What the deal would need if submitted now: assessed against the current ledger, nothing stored and nothing
     * locked (a later submission may see a different ledger). The licensing authority's roles see every figure;
     * anyone else only their own organization's filings in each measure (see {@link Disclosure}).
     */
    @Transactional(readOnly = true)
    public Shown dryRun(CurrentUser caller, ApplicationContent content, Policy policy) {
        LocalDate today = LocalDate.now(clock);
        PartyScreening parties = screening.getIfAvailable();
        PartyScreening.Result measured =
                parties == null ? PartyScreening.Result.none(content) : parties.measuredAs(content);
        Deal deal = content.toDeal(
                ApplicationId.random(), caller.actor(), today, false, measured.parent(), measured.endUser());
        Assessment assessment =
                Assessor.assess(deal, policy == null ? policies.on(today) : policy, ledger.view(), today);
        return new Shown(
                assessment,
                seesEveryFiling(caller)
                        ? Disclosure.EVERYTHING
                        : ledger.ownFilings(assessment, caller.organizationId()));
    }

    /** The recorded assessment of {@code application} (visible to the caller) as the caller may see it. */
    public String assessmentShownTo(CurrentUser caller, Application application) {
        Registration registration = application.registration();
        if (registration == null) {
            return null;
        }
        return seesEveryFiling(caller) ? registration.assessmentJson() : registration.applicantAssessmentJson();
    }

    /** The authority's roles (and the operator's CLI) read every organization's filings in a measure. */
    private static boolean seesEveryFiling(CurrentUser caller) {
        return caller.isSystem() || caller.hasAny(Role.OFFICER, Role.AGENCY, Role.AUDITOR);
    }

    /** Saves the changed application and publishes what it recorded, in the caller's transaction. */
    private void save(Application application) {
        if (!applications.save(application)) {
            // Cannot happen under the row lock taken when it was loaded; kept as a guard.
            throw new ConflictException("application " + application.id() + " was changed meanwhile; read it again");
        }
        application.pullEvents().forEach(events::publishEvent);
    }

    /** The caller's own application, locked for a change (another organization's answers 404). */
    private Application ownForChange(CurrentUser caller, ApplicationId id) {
        requireApplicant(caller);
        return applications
                .findForUpdate(id)
                .filter(a -> a.state() != ApplicationState.DISCARDED && caller.belongsTo(a.organizationId()))
                .orElseThrow(() -> new NotFoundException(APPLICATION, id));
    }

    private static void requireApplicant(CurrentUser caller) {
        caller.requireWriter();
        caller.require(Role.APPLICANT);
    }

    private static void requireVisible(CurrentUser caller, Application application) {
        if (caller.has(Role.AGENCY) && !caller.seesAllOrganizations()) {
            throw new NotFoundException(APPLICATION, application.id()); // not referred to this agency
        }
        caller.requireVisible(application.organizationId(), APPLICATION, application.id());
    }
}
