package org.gatehouse.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.ApplicationState;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.applications.Registration;
import org.gatehouse.audit.AuditEvent;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditQueries;
import org.gatehouse.identity.Agency;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.ledger.Holding;
import org.gatehouse.ledger.Ledger;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Tpp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case review (SPEC §6.2): opens a case for each application submitted for a licence, and lets officers take, refer,
 * hold, return and decide it, agencies recommend, and applicants answer holds and file evidence. Each method loads
 * the {@link Case}, asks it to change, saves it, moves compute and audits, in one transaction; authorization is here:
 * officers act on cases, agencies only on those referred to them, applicants on their own organization's, auditors
 * read all.
 */
@Service
public class CaseService {

    static final String CASE = "case";

    private final Cases cases;
    private final ApplicationService applications;
    private final Ledger ledger;
    private final PolicyInForce policies;
    private final List<EvidenceSource> evidenceSources;
    private final ObjectProvider<LicenceIssuer> licences;
    private final List<ApprovalStep> approvalSteps;
    private final UserService users;
    private final AuditLog audit;
    private final AuditQueries auditQueries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseService(
            Cases cases,
            ApplicationService applications,
            Ledger ledger,
            PolicyInForce policies,
            List<EvidenceSource> evidenceSources,
            ObjectProvider<LicenceIssuer> licences,
            List<ApprovalStep> approvalSteps,
            UserService users,
            AuditLog audit,
            AuditQueries auditQueries,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.applications = applications;
        this.ledger = ledger;
        this.policies = policies;
        this.evidenceSources = List.copyOf(evidenceSources);
        this.licences = licences;
        this.approvalSteps = List.copyOf(approvalSteps);
        this.users = users;
        this.audit = audit;
        this.auditQueries = auditQueries;
        this.events = events;
        this.clock = clock;
    }

    /** A case with what the caller may see of it, its clocks as of now and, for the authority, its evidence. */
    public record Reviewed(Case review, List<CaseClock> clocks, List<Evidence> evidence, boolean authority) {}

    /**
     * Opens the case of a submitted application that needs a licence (or that no licence can be granted for, so an
     * officer records the denial): a reaction to {@code ApplicationSubmitted}, once per application however often the
     * event is delivered.
     */
    @Transactional
    public void open(ApplicationId id) {
        Application application = applications.registered(id);
        Registration registration = application.registration();
        if (registration.outcome() != Outcome.LICENSE_REQUIRED && registration.outcome() != Outcome.PROHIBITED) {
            return;
        }
        ApplicationContent content = application.content();
        CaseSubject subject = new CaseSubject(
                registration.policy(),
                registration.outcome(),
                registration.tier(),
                registration.reviewPath(),
                registration.requirements(),
                registration.controlledTpp(),
                content.endUserCompany(),
                content.company(),
                content.destinationCode());
        Case opened = Case.open(id, application.organizationId(), subject, application.submittedAt());
        Instant now = clock.instant();
        if (cases.insert(opened, dueAt(opened, now), now)) {
            audit.append(CaseAudit.entry("system", "case.opened", opened, Map.of()));
            events.publishEvent(new CaseOpened(id));
        }
    }

    /** The applicant withdrew the application: its open case ends (a reaction to {@code ApplicationWithdrawn}). */
    @Transactional
    public void applicationWithdrawn(ApplicationId id) {
        cases.findForUpdate(id).filter(c -> c.state().open()).ifPresent(c -> {
            CaseState from = c.state();
            c.withdraw("system", clock.instant());
            save(c);
            audit.append(CaseAudit.entry("system", "case.withdrawn", c, Map.of("from", from.name())));
        });
    }

    /** Most open cases one flag call reaches (a company with more open cases is flagged in several calls). */
    public static final int FLAGGED_CASES_MAX = 10_000;

    /**
     * Raises a flag on a case, blocking its approval until an officer clears it: for the modules that find something
     * an officer must look at (a failed inspection, a possible second spelling of a company, a screening hit). They
     * authorize their own callers. Raising a flag again changes nothing; a closed case is left alone.
     *
     * @return whether the flag was raised now
     */
    @Transactional
    public boolean flag(ApplicationId id, String flag, String kind, String reason, String by) {
        Case review = cases.findForUpdate(id).orElseThrow(() -> new NotFoundException(CASE, id));
        if (!review.state().open() || !review.flag(flag, kind, reason, by, clock.instant())) {
            return false;
        }
        save(review);
        audit.append(CaseAudit.entry(by, "case.flagged", review, mapOf("flag", flag, "kind", kind, "reason", reason)));
        return true;
    }

    /**
     * Raises a flag on every open case whose ultimate parent or end user is {@code company} (by canonical key).
     *
     * @return how many cases were flagged now
     */
    @Transactional
    public int flagOpenCasesOf(CompanyName company, String flag, String kind, String reason, String by) {
        int flagged = 0;
        for (ApplicationId id : cases.openConcerning(company.key(), FLAGGED_CASES_MAX)) {
            if (flag(id, flag, kind, reason, by)) {
                flagged++;
            }
        }
        return flagged;
    }

    /**
     * Whether a case referred to the caller's agency concerns this company (canonical key of its ultimate parent or
     * end user; null: any) and destination (null: any): for the modules whose records an agency may read only when
     * they concern a case referred to it (pre-approvals, agreements). False for a caller that is not an agency's.
     */
    @Transactional(readOnly = true)
    public boolean referredToCallerConcerning(CurrentUser caller, String companyKey, CountryCode destination) {
        if (!caller.has(Role.AGENCY) || caller.agency() == null) {
            return false;
        }
        return cases.referredConcerning(caller.agency(), companyKey, destination);
    }

    /** Most open cases {@link #openCases} answers at once. */
    public static final int OPEN_CASES_PAGE_MAX = 1_000;

    /**
     * The open cases, by application id after {@code after} (null: from the first), at most {@code max}: for the
     * modules that look at every open case again (re-screening after a list update). They authorize their callers.
     */
    @Transactional(readOnly = true)
    public List<ApplicationId> openCases(ApplicationId after, int max) {
        if (max < 1 || max > OPEN_CASES_PAGE_MAX) {
            throw new IllegalArgumentException("max must be 1.." + OPEN_CASES_PAGE_MAX + ", got " + max);
        }
        return cases.open(after, max);
    }

    /**
     * Denies an open case because a party is a restricted party (an officer dispositioned a screening hit as a true
     * match, SPEC §8): the application's outcome is PROHIBITED. The decision DENIED is recorded with the reason, the
     * reserved compute is released, the application is concluded DENIED, and the audit event says
     * {@code outcome: PROHIBITED} — all in the caller's transaction (the screening module authorized the officer).
     *
     * @throws NotFoundException when the application has no case
     * @throws CaseTransitionException when the case cannot be decided now (closed, or held for the applicant's answer)
     */
    @Transactional
    public Reviewed denyForRestrictedParty(CurrentUser officer, ApplicationId id, String reason) {
        requireOfficer(officer);
        Case review = forChange(id);
        CaseState from = review.state();
        String reasons = "PROHIBITED: restricted party. " + reason;
        review.decide(
                Decision.DENIED,
                reasons.length() > Case.TEXT_CHARS_MAX ? reasons.substring(0, Case.TEXT_CHARS_MAX) : reasons,
                null,
                List.of(),
                procedure(review),
                review.version(),
                officer.actor(),
                clock.instant(),
                () -> {
                    throw new IllegalStateException("a denial issues no licence");
                });
        release(review, "case.denied", officer.actor());
        applications.conclude(id, ApplicationState.DENIED, officer.actor());
        return changed(
                officer,
                review,
                "case.decided",
                mapOf(
                        "from",
                        from.name(),
                        "decision",
                        Decision.DENIED.name(),
                        "outcome",
                        Outcome.PROHIBITED.name(),
                        "cause",
                        "restricted-party"));
    }

    /** An officer clears a flag, saying why. */
    @Transactional
    public Reviewed clearFlag(CurrentUser caller, ApplicationId id, String flag, String reason, long version) {
        requireOfficer(caller);
        Case review = forChange(id);
        review.clearFlag(flag, reason, version, caller.actor(), clock.instant());
        return changed(caller, review, "case.flag_cleared", mapOf("flag", flag, "reason", reason));
    }

    /** A page of cases: officers and auditors any queue; agencies those referred to them; applicants their own. */
    @Transactional(readOnly = true)
    public List<Reviewed> list(CurrentUser caller, CaseFilter filter, Paging paging) {
        CaseFilter scoped;
        if (caller.seesAllOrganizations()) {
            scoped = filter.queue() == CaseQueue.MINE ? filter.withAssignee(caller.actor()) : filter;
        } else if (caller.has(Role.AGENCY) && caller.agency() != null) {
            scoped = filter.withAgency(caller.agency());
        } else {
            caller.require(Role.APPLICANT);
            scoped = filter.withOrganization(caller.organizationId());
        }
        Instant now = clock.instant();
        boolean authority = authority(caller);
        return cases.list(scoped, now, paging).stream()
                .map(c -> new Reviewed(c, c.clocks(procedure(c), now), List.of(), authority))
                .toList();
    }

    /** One case, if the caller may see it (else 404, as for a case that does not exist). */
    @Transactional(readOnly = true)
    public Reviewed get(CurrentUser caller, ApplicationId id) {
        Case review = visible(caller, cases.find(id).orElseThrow(() -> new NotFoundException(CASE, id)));
        Instant now = clock.instant();
        boolean authority = authority(caller);
        return new Reviewed(
                review,
                review.clocks(procedure(review), now),
                authority ? evidence(review, now) : List.of(),
                authority);
    }

    /**
     * What the case page shows: the case as {@link #get} gives it, with the application's deal and its recorded
     * assessment as the caller may see them (the authority every figure; the applicant its own filings only).
     */
    public record Dossier(
            Reviewed reviewed, ApplicationContent content, String assessmentJson, List<AuditEvent> audited) {}

    /** Most audit events the case page shows, newest first (the whole trail is in the auditor's audit log). */
    public static final int AUDITED_SHOWN_MAX = 100;

    /**
     * One case with its application, if the caller may see the case (else 404, as for one that does not exist); for
     * the authority, the audit log's events about the case and its application, newest first (two reads on the log's
     * entity index). The applicant reads the case's own history instead, without the authority's deliberation.
     */
    @Transactional(readOnly = true)
    public Dossier dossier(CurrentUser caller, ApplicationId id) {
        Reviewed reviewed = get(caller, id);
        Application application = applications.registered(id);
        return new Dossier(
                reviewed,
                application.content(),
                applications.assessmentShownTo(caller, application),
                reviewed.authority() ? audited(id) : List.of());
    }

    private List<AuditEvent> audited(ApplicationId id) {
        List<AuditEvent> events = new ArrayList<>();
        for (String entity : List.of(CASE, "application")) {
            events.addAll(auditQueries.find(
                    new AuditQueries.Query(entity, id.toString(), null, null, null, null, null), AUDITED_SHOWN_MAX));
        }
        events.sort(Comparator.comparingLong(AuditEvent::seq).reversed());
        return List.copyOf(events.subList(0, Math.min(events.size(), AUDITED_SHOWN_MAX)));
    }

    /** The kind of flag an officer raises when a party may be another spelling of a registered company. */
    public static final String POSSIBLE_SAME_COMPANY = "POSSIBLE_SAME_COMPANY";

    /**
     * An officer flags the case because its end user or ultimate parent may be {@code company} written another way:
     * approval waits until an officer clears the flag. One such flag per company (by canonical key).
     */
    @Transactional
    public Reviewed flagPossibleSameCompany(
            CurrentUser caller, ApplicationId id, CompanyName company, String reason, long version) {
        requireOfficer(caller);
        Case review = forChange(id);
        String flag = "same-company:" + company.key().replace(' ', '-');
        String why = "may be the same company as " + company.display() + ": " + reason;
        review.raiseFlag(flag, POSSIBLE_SAME_COMPANY, why, version, caller.actor(), clock.instant());
        return changed(
                caller, review, "case.flagged", mapOf("flag", flag, "kind", POSSIBLE_SAME_COMPANY, "reason", why));
    }

    /** Gives the case to an officer ({@code officer} null: leaves it unassigned). */
    @Transactional
    public Reviewed assign(CurrentUser caller, ApplicationId id, Username officer, long expectedVersion) {
        requireOfficer(caller);
        if (officer != null && !users.holds(officer, Role.OFFICER)) {
            throw InvalidInputException.of("officer", "'" + officer + "' is not an officer's enabled account");
        }
        Case review = forChange(id);
        String before = review.assignee();
        String to = officer == null ? null : officer.value();
        review.assign(to, expectedVersion, caller.actor(), clock.instant());
        return changed(caller, review, "case.assigned", mapOf("from", before, "to", to));
    }

    /** Refers the case to agencies. */
    @Transactional
    public Reviewed refer(CurrentUser caller, ApplicationId id, Set<Agency> agencies, String note, long version) {
        requireOfficer(caller);
        Case review = forChange(id);
        CaseState from = review.state();
        review.refer(agencies, note, version, caller.actor(), clock.instant());
        return changed(
                caller,
                review,
                "case.referred",
                mapOf(
                        "from",
                        from.name(),
                        "agencies",
                        agencies.stream().sorted().map(Enum::name).toList()));
    }

    /** The caller's agency records its recommendation on a case referred to it. */
    @Transactional
    public Reviewed recommend(CurrentUser caller, ApplicationId id, Recommendation recommendation, String reasons) {
        caller.requireWriter();
        caller.require(Role.AGENCY);
        Agency agency = caller.agency();
        Case review = cases.findForUpdate(id)
                .filter(c -> agency != null && c.referrals().containsKey(agency))
                .orElseThrow(() -> new NotFoundException(CASE, id));
        review.recommend(agency, recommendation, reasons, caller.actor(), clock.instant());
        return changed(
                caller,
                review,
                "case.recommended",
                mapOf("agency", agency.name(), "recommendation", recommendation.name()));
    }

    /** Holds the case for the applicant's answer: every clock stops until it answers. */
    @Transactional
    public Reviewed hold(CurrentUser caller, ApplicationId id, String question, LocalDate dueOn, long version) {
        requireOfficer(caller);
        if (!dueOn.isAfter(LocalDate.now(clock))) {
            throw InvalidInputException.of("dueOn", "must be a day after today, got " + dueOn);
        }
        Case review = forChange(id);
        CaseState from = review.state();
        review.hold(question, dueOn, version, caller.actor(), clock.instant());
        return changed(caller, review, "case.held", mapOf("from", from.name(), "dueOn", dueOn.toString()));
    }

    /** The applicant answers its case's hold; the case resumes. */
    @Transactional
    public Reviewed answer(CurrentUser caller, ApplicationId id, String answer) {
        Case review = ownForChange(caller, id);
        review.answer(answer, caller.actor(), clock.instant());
        return changed(
                caller, review, "case.answered", mapOf("to", review.state().name()));
    }

    /** The applicant files a document as evidence for a requirement of its case. */
    @Transactional
    public Reviewed fileDocument(CurrentUser caller, ApplicationId id, Requirement requirement, DocumentRef document) {
        Case review = ownForChange(caller, id);
        review.fileDocument(requirement, document, caller.actor(), clock.instant());
        return changed(
                caller,
                review,
                "case.document_filed",
                mapOf("requirement", requirement.name(), "document", document.name(), "sha256", document.sha256()));
    }

    /** Returns the case without action; the compute it reserved is released. */
    @Transactional
    public Reviewed returnWithoutAction(CurrentUser caller, ApplicationId id, String reason, long version) {
        requireOfficer(caller);
        Case review = forChange(id);
        CaseState from = review.state();
        review.returnWithoutAction(reason, version, caller.actor(), clock.instant());
        release(review, "case.returned", caller.actor());
        applications.conclude(id, ApplicationState.RETURNED_WITHOUT_ACTION, caller.actor());
        return changed(caller, review, "case.returned", mapOf("from", from.name()));
    }

    /**
     * Decides the case. An approval moves its compute from RESERVED to AUTHORIZED and issues its licence, in this
     * transaction; a denial releases its compute. Refused, naming each reason, while a requirement lacks evidence or a
     * referred agency has not answered within its clock.
     */
    @Transactional
    public Reviewed decide(
            CurrentUser caller, ApplicationId id, Decision decision, String reasons, String conditions, long version) {
        requireOfficer(caller);
        Case review = forChange(id);
        Instant now = clock.instant();
        Policy.Procedure procedure = procedure(review);
        CaseState from = review.state();
        List<Evidence> evidence = decision.approves() ? evidence(review, now) : List.of();
        review.decide(
                decision,
                reasons,
                conditions,
                evidence,
                procedure,
                version,
                caller.actor(),
                now,
                () -> approve(review, conditions, procedure, caller.actor(), now));
        if (!decision.approves()) {
            release(review, "case.denied", caller.actor());
        }
        applications.conclude(id, ApplicationState.valueOf(decision.name()), caller.actor());
        return changed(
                caller,
                review,
                "case.decided",
                mapOf(
                        "from",
                        from.name(),
                        "decision",
                        decision.name(),
                        "licence",
                        review.decision().licenceNumber()));
    }

    /** Moves the approved compute into AUTHORIZED and issues the licence; returns its number. */
    private String approve(Case review, String officerConditions, Policy.Procedure procedure, String by, Instant now) {
        ApplicationId id = review.applicationId();
        Holding holding = ledger.holding(id);
        Tpp authorized = holding.reserved();
        if (!authorized.isZero()) {
            ledger.authorize(id, authorized, "case.approved", by);
        }
        LicenceIssuer issuer = licences.getIfAvailable();
        if (issuer == null) {
            throw new IllegalStateException("no licensing module is installed to issue the licence");
        }
        Application application = applications.registered(id);
        ApprovedCase approved = new ApprovedCase(
                id,
                review.applicant(),
                application.content(),
                review.subject().policy(),
                application.registration().assessmentJson(),
                authorized,
                conditions(review),
                officerConditions,
                by,
                now,
                LocalDate.ofInstant(now, ZoneOffset.UTC)
                        .plusYears(procedure.licenceValidityYears())
                        .minusDays(1));
        for (ApprovalStep step : approvalSteps) {
            step.approving(approved);
        }
        return issuer.issue(approved);
    }

    /** The assessment's requirements that become licence conditions, with the policy's parameters. */
    private List<LicenceCondition> conditions(Case review) {
        Policy policy = policies.find(review.subject().policy().id()).orElse(null);
        List<LicenceCondition> conditions = new ArrayList<>();
        for (Requirement code : CaseRequirements.conditions(review.subject().requirements())) {
            conditions.add(new LicenceCondition(code, policy == null ? Map.of() : policy.parameters(code)));
        }
        return conditions;
    }

    /** The evidence for each requirement of the case that needs it before approval, as of {@code at}. */
    List<Evidence> evidence(Case review, Instant at) {
        Map<Requirement, EvidenceSource> owners = new EnumMap<>(Requirement.class);
        for (EvidenceSource source : evidenceSources) {
            for (Requirement code : source.answers()) {
                owners.putIfAbsent(code, source);
            }
        }
        CaseFacts facts = null;
        List<Evidence> evidence = new ArrayList<>();
        for (Requirement code : CaseRequirements.evidenceNeeded(review.subject().requirements())) {
            EvidenceSource owner = owners.get(code);
            if (owner == null) {
                evidence.add(documentary(review, code));
            } else {
                if (facts == null) {
                    facts = facts(review, at);
                }
                evidence.add(owner.evidence(code, facts));
            }
        }
        return evidence;
    }

    /** A requirement no module answers for is met by a document filed on the case. */
    private static Evidence documentary(Case review, Requirement code) {
        List<CaseEvent.DocumentFiled> filed = review.documents().getOrDefault(code, List.of());
        if (filed.isEmpty()) {
            return new Evidence.Missing(code, "no document has been filed for it on the case");
        }
        CaseEvent.DocumentFiled last = filed.getLast();
        return new Evidence.Present(
                code,
                "document '" + last.document().name() + "' (SHA-256 "
                        + last.document().sha256() + ") filed by " + last.by() + " on " + last.at());
    }

    private CaseFacts facts(Case review, Instant at) {
        Application application = applications.registered(review.applicationId());
        return new CaseFacts(
                review.applicationId(),
                review.applicant(),
                application.content(),
                review.subject().endUser(),
                review.subject().company(),
                review.subject().destination(),
                review.subject().tier(),
                at);
    }

    /** Releases what the case's application still holds (a licensable deal reserved compute; a prohibited one none). */
    private void release(Case review, String cause, String by) {
        if (review.subject().outcome().holdsCompute()) {
            ledger.releaseUnshipped(review.applicationId(), cause, by);
        }
    }

    private Reviewed changed(CurrentUser caller, Case review, String action, Map<String, Object> details) {
        save(review);
        audit.append(CaseAudit.entry(caller.actor(), action, review, details));
        Instant now = clock.instant();
        boolean authority = authority(caller);
        return new Reviewed(
                review,
                review.clocks(procedure(review), now),
                authority ? evidence(review, now) : List.of(),
                authority);
    }

    private void save(Case review) {
        Instant now = clock.instant();
        if (!cases.save(review, dueAt(review, now), now)) {
            throw new ConflictException("case " + review.applicationId() + " was changed meanwhile; read it again");
        }
    }

    /**
     * The queue's sort key: the nearest moment a running clock runs out; for a held case, the end of the day its
     * answer is due (the clocks are paused); none once the case is closed.
     */
    private Instant dueAt(Case review, Instant now) {
        if (!review.state().open()) {
            return null;
        }
        if (review.hold() != null) {
            return review.hold().dueOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return CaseClocks.nextDue(review.clocks(procedure(review), now));
    }

    /** The procedure of the policy the case was assessed under (its deadlines). */
    private Policy.Procedure procedure(Case review) {
        return policies.find(review.subject().policy().id())
                .map(Policy::procedure)
                .orElse(Policy.Procedure.DEFAULTS);
    }

    private Case forChange(ApplicationId id) {
        return cases.findForUpdate(id).orElseThrow(() -> new NotFoundException(CASE, id));
    }

    /** The applicant's own case, locked for a change (another organization's answers 404). */
    private Case ownForChange(CurrentUser caller, ApplicationId id) {
        caller.requireWriter();
        caller.require(Role.APPLICANT);
        return cases.findForUpdate(id)
                .filter(c -> caller.belongsTo(c.applicant()))
                .orElseThrow(() -> new NotFoundException(CASE, id));
    }

    private static Case visible(CurrentUser caller, Case review) {
        if (caller.seesAllOrganizations()) {
            return review;
        }
        if (caller.has(Role.AGENCY)
                && caller.agency() != null
                && review.referrals().containsKey(caller.agency())) {
            return review;
        }
        if (caller.has(Role.APPLICANT) && caller.belongsTo(review.applicant())) {
            return review;
        }
        throw new NotFoundException(CASE, review.applicationId());
    }

    private static void requireOfficer(CurrentUser caller) {
        caller.requireWriter();
        caller.require(Role.OFFICER);
    }

    /** The licensing authority's roles see a case whole: evidence, referrals and their recommendations. */
    private static boolean authority(CurrentUser caller) {
        return caller.hasAny(Role.OFFICER, Role.AGENCY, Role.AUDITOR);
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
