package org.gatehouse.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policies;
import org.gatehouse.policy.Policy;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.Gb300e;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files and submits applications. Every method takes the caller and checks what it may do here,
 * where the data is read and written: exporters' applicants work on their own organization's
 * applications; officers and auditors read all; auditors change nothing. Each change is audited in
 * its transaction.
 */
@Service
public class ApplicationService {

    private static final String APPLICATION = "application";

    private final Applications applications;
    private final Idempotency idempotency;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    ApplicationService(Applications applications, Idempotency idempotency, Ledger ledger, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.idempotency = idempotency;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a create or submit did: the application, and whether it answers a retry of an earlier request. */
    public record Handled(StoredApplication application, boolean replayed) {}

    /** Creates a draft for the caller's organization. */
    @Transactional
    public Handled create(CurrentUser caller, ApplicationContent content, String idempotencyKey, String request) {
        requireApplicant(caller);
        var earlier = idempotency.claim(caller.organizationId(), "create", idempotencyKey, request);
        if (earlier.isPresent()) {
            return new Handled(get(caller, earlier.get()), true);
        }
        Instant now = clock.instant();
        StoredApplication draft = new StoredApplication(
                ApplicationId.random(),
                caller.organizationId(),
                ApplicationState.DRAFT,
                1,
                caller.actor(),
                now,
                now,
                null,
                content,
                null);
        applications.insert(draft);
        idempotency.complete(caller.organizationId(), "create", idempotencyKey, draft.id());
        audit.append(new AuditEntry(
                caller.actor(), "application.created", APPLICATION, draft.id().toString(), summary(draft, Map.of())));
        return new Handled(draft, false);
    }

    /** One application, if the caller may see it (else 404, as for an id that does not exist). */
    @Transactional(readOnly = true)
    public StoredApplication get(CurrentUser caller, ApplicationId id) {
        StoredApplication application = applications
                .find(id, false)
                .filter(a -> a.state() != ApplicationState.DISCARDED)
                .orElseThrow(() -> new NotFoundException(APPLICATION, id));
        requireVisible(caller, application);
        return application;
    }

    /** A page of the applications the caller may see. */
    @Transactional(readOnly = true)
    public List<StoredApplication> list(CurrentUser caller, ApplicationFilter filter, Paging paging) {
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
    public StoredApplication update(
            CurrentUser caller, ApplicationId id, long expectedVersion, ApplicationContent content) {
        StoredApplication current = ownDraftForChange(caller, id, expectedVersion, "update");
        Instant now = clock.instant();
        if (!applications.updateDraft(id, expectedVersion, content, now)) {
            throw stale(id, expectedVersion);
        }
        StoredApplication updated = applications.find(id, false).orElseThrow();
        audit.append(new AuditEntry(
                caller.actor(),
                "application.updated",
                APPLICATION,
                id.toString(),
                summary(updated, Map.of("previousVersion", current.version()))));
        return updated;
    }

    /** Discards a draft (kept as a record, hidden from lists). */
    @Transactional
    public StoredApplication discard(CurrentUser caller, ApplicationId id, long expectedVersion) {
        StoredApplication current = ownDraftForChange(caller, id, expectedVersion, "discard");
        current.state().requireMoveTo(ApplicationState.DISCARDED, "discard");
        if (!applications.move(
                id, expectedVersion, ApplicationState.DRAFT, ApplicationState.DISCARDED, clock.instant())) {
            throw stale(id, expectedVersion);
        }
        StoredApplication discarded = applications.find(id, false).orElseThrow();
        audit.append(new AuditEntry(
                caller.actor(), "application.discarded", APPLICATION, id.toString(), summary(discarded, Map.of())));
        return discarded;
    }

    /**
     * Submits a draft: assesses it under the policy in force against the live ledger (serialized with
     * every other application on the same measure keys), reserves its compute, records the assessment
     * and audits — all in one transaction, so an error leaves the draft as it was.
     */
    @Transactional
    public Handled submit(CurrentUser caller, ApplicationId id, Long expectedVersion, String idempotencyKey) {
        requireApplicant(caller);
        var earlier =
                idempotency.claim(caller.organizationId(), "submit:" + id, idempotencyKey, id + "@" + expectedVersion);
        if (earlier.isPresent()) {
            return new Handled(get(caller, earlier.get()), true);
        }
        StoredApplication draft = applications
                .find(id, true)
                .filter(a -> a.state() != ApplicationState.DISCARDED && caller.belongsTo(a.organizationId()))
                .orElseThrow(() -> new NotFoundException(APPLICATION, id));
        if (expectedVersion != null && draft.version() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        if (draft.state() != ApplicationState.DRAFT) {
            throw new InvalidTransitionException(draft.state(), "submit");
        }

        LocalDate today = LocalDate.now(clock);
        Policy policy = Policies.builtIn().defaultPolicy();
        Deal assessed = draft.content().toDeal(id, caller.actor(), today, false);
        Assessment assessment = Assessor.assess(assessed, policy, ledger.lockFor(assessed, policy, today), today);
        ApplicationState next = switch (assessment) {
            case Assessment.Exempt exempt -> ApplicationState.EXEMPT;
            case Assessment.LicenseRequired licence -> ApplicationState.SUBMITTED;
            case Assessment.Prohibited prohibited -> ApplicationState.SUBMITTED; // an officer records the denial
            case Assessment.NotControlled none -> ApplicationState.RETURNED_WITHOUT_ACTION; // no licence needed
        };
        draft.state().requireMoveTo(next, "submit");
        if (assessment.outcome() == Outcome.EXEMPT || assessment.outcome() == Outcome.LICENSE_REQUIRED) {
            ledger.reserve(
                    new Position(
                            id.value(),
                            assessed.endUserParent(),
                            assessed.endUser(),
                            assessed.destination(),
                            today,
                            assessment.outcome()),
                    assessment.facts().controlledTpp(),
                    "application.submitted",
                    caller.actor());
        }
        StoredApplication.Registration registration = new StoredApplication.Registration(
                policy.id(),
                policy.version(),
                policy.sha256(),
                assessment.outcome().name(),
                tierOf(assessment),
                reviewPathOf(assessment),
                assessment.facts().controlledTpp(),
                AssessmentJson.toJson(assessment));
        Instant registered = clock.instant();
        if (!applications.register(id, draft.version(), next, registration, registered)) {
            throw stale(id, draft.version()); // cannot happen under the row lock; kept as a guard
        }
        idempotency.complete(caller.organizationId(), "submit:" + id, idempotencyKey, id);
        StoredApplication submitted = new StoredApplication(
                id,
                draft.organizationId(),
                next,
                draft.version() + 1,
                draft.createdBy(),
                draft.createdAt(),
                registered,
                registered,
                draft.content(),
                registration);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", next.name());
        details.put("outcome", registration.outcome());
        details.put("tier", registration.tier());
        details.put("reviewPath", registration.reviewPath());
        details.put("gb300e", Gb300e.format(registration.controlledTpp(), policy.referenceTpp()));
        details.put("policy", policy.id() + "@" + policy.version() + " sha256:" + policy.sha256());
        audit.append(new AuditEntry(
                caller.actor(), "application.submitted", APPLICATION, id.toString(), summary(submitted, details)));
        return new Handled(submitted, false);
    }

    /** Withdraws a submitted application and releases the compute it reserved. */
    @Transactional
    public StoredApplication withdraw(CurrentUser caller, ApplicationId id, long expectedVersion) {
        requireApplicant(caller);
        StoredApplication current = applications
                .find(id, true)
                .filter(a -> a.state() != ApplicationState.DISCARDED && caller.belongsTo(a.organizationId()))
                .orElseThrow(() -> new NotFoundException(APPLICATION, id));
        if (current.version() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        current.state().requireMoveTo(ApplicationState.WITHDRAWN, "withdraw");
        boolean held = current.registration() != null
                && (Outcome.EXEMPT.name().equals(current.registration().outcome())
                        || Outcome.LICENSE_REQUIRED
                                .name()
                                .equals(current.registration().outcome()));
        if (held) {
            ledger.releaseUnshipped(id.value(), "application.withdrawn", caller.actor());
        }
        if (!applications.move(id, expectedVersion, current.state(), ApplicationState.WITHDRAWN, clock.instant())) {
            throw stale(id, expectedVersion);
        }
        StoredApplication withdrawn = applications.find(id, false).orElseThrow();
        audit.append(new AuditEntry(
                caller.actor(),
                "application.withdrawn",
                APPLICATION,
                id.toString(),
                summary(withdrawn, Map.of("from", current.state().name()))));
        return withdrawn;
    }

    /**
     * What the deal would need if submitted now: assessed against the current ledger, nothing stored
     * and nothing locked (a later submission may see a different ledger).
     */
    @Transactional(readOnly = true)
    public Assessment dryRun(CurrentUser caller, ApplicationContent content, Policy policy) {
        LocalDate today = LocalDate.now(clock);
        Deal deal = content.toDeal(ApplicationId.random(), caller.actor(), today, false);
        return Assessor.assess(deal, policy, ledger.view(), today);
    }

    private StoredApplication ownDraftForChange(
            CurrentUser caller, ApplicationId id, long expectedVersion, String action) {
        requireApplicant(caller);
        StoredApplication current = applications
                .find(id, true)
                .filter(a -> a.state() != ApplicationState.DISCARDED && caller.belongsTo(a.organizationId()))
                .orElseThrow(() -> new NotFoundException(APPLICATION, id));
        if (current.version() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        if (current.state() != ApplicationState.DRAFT) {
            throw new InvalidTransitionException(current.state(), action);
        }
        return current;
    }

    private static void requireApplicant(CurrentUser caller) {
        caller.requireWriter();
        caller.require(Role.APPLICANT);
    }

    private static void requireVisible(CurrentUser caller, StoredApplication application) {
        if (caller.has(Role.AGENCY) && !caller.seesAllOrganizations()) {
            throw new NotFoundException(APPLICATION, application.id()); // not referred to this agency
        }
        caller.requireVisible(application.organizationId(), APPLICATION, application.id());
    }

    private static ConflictException stale(ApplicationId id, long expectedVersion) {
        return new ConflictException("application " + id + " is no longer at version " + expectedVersion
                + ": it was changed meanwhile; read it again and retry");
    }

    private static Map<String, Object> summary(StoredApplication application, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("state", application.state().name());
        payload.put("version", application.version());
        payload.put("destination", application.content().destination());
        payload.put("endUser", application.content().endUser().name());
        payload.put("company", application.content().endUser().parentCompany().display());
        payload.put("lines", application.content().lines().size());
        payload.putAll(extra);
        return payload;
    }

    private static String tierOf(Assessment assessment) {
        return switch (assessment) {
            case Assessment.Exempt exempt -> exempt.tier();
            case Assessment.LicenseRequired licence -> licence.tier();
            case Assessment.NotControlled none -> null;
            case Assessment.Prohibited prohibited -> null;
        };
    }

    private static String reviewPathOf(Assessment assessment) {
        return switch (assessment) {
            case Assessment.Exempt exempt -> "EXEMPT";
            case Assessment.LicenseRequired licence -> licence.reviewPath().name();
            case Assessment.NotControlled none -> null;
            case Assessment.Prohibited prohibited -> null;
        };
    }
}
