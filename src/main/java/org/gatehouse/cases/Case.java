package org.gatehouse.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.identity.Agency;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.OrganizationId;

/**
 * The review of one application for a licence (SPEC §6.2): the aggregate that owns its workflow. Its history of
 * {@link CaseEvent}s is its record: the state, referrals, hold, documents and decision are derived from it when it is
 * loaded, and each change appends one event. Every method checks the state against {@link CaseState#next()} (and the
 * version the caller read, where two officers could race), refuses naming the current state, and appends its event.
 * It knows nothing of storage, the ledger, licences or the audit log: the service coordinates them.
 */
public final class Case {

    /** Longest question, answer, reason or note. */
    public static final int TEXT_CHARS_MAX = 4_000;

    private final ApplicationId applicationId;
    private final OrganizationId applicant;
    private final CaseSubject subject;
    private final long storedVersion;
    private final List<CaseEvent> history = new ArrayList<>();
    private final List<CaseEvent> appended = new ArrayList<>(1);

    private long version;
    private CaseState state = CaseState.IN_REVIEW;
    private String assignee;
    private CaseState heldFrom;
    private CaseEvent.Held hold;
    private CaseEvent.Decided decided;
    private final Map<Agency, Referral> referrals = new EnumMap<>(Agency.class);
    private final Map<Requirement, List<CaseEvent.DocumentFiled>> documents = new LinkedHashMap<>();
    private final Map<String, CaseEvent.Flagged> flags = new LinkedHashMap<>();

    /** A referral to an agency and, once given, its recommendation. */
    public record Referral(Agency agency, Instant referredAt, CaseEvent.Recommended recommendation) {
        public boolean answered() {
            return recommendation != null;
        }
    }

    private Case(ApplicationId applicationId, OrganizationId applicant, CaseSubject subject, long version) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.applicant = Objects.requireNonNull(applicant, "applicant");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.version = version;
        this.storedVersion = version;
    }

    /** Opens the case of a registered application: in review, unassigned, its clocks running from {@code at}. */
    public static Case open(ApplicationId applicationId, OrganizationId applicant, CaseSubject subject, Instant at) {
        Case opened = new Case(applicationId, applicant, subject, 0);
        opened.append(new CaseEvent.Opened(at, "system"));
        return opened;
    }

    /** A case as stored, at {@code version}, rebuilt from its history. */
    public static Case restore(
            ApplicationId applicationId,
            OrganizationId applicant,
            CaseSubject subject,
            long version,
            List<CaseEvent> history) {
        Case restored = new Case(applicationId, applicant, subject, version);
        for (CaseEvent event : history) {
            restored.apply(event);
            restored.history.add(event);
        }
        return restored;
    }

    /** An officer takes the case ({@code officer} null: leaves it unassigned). */
    public void assign(String officer, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireOpen("assign");
        append(new CaseEvent.Assigned(officer, now, by));
    }

    /** Refers the case to agencies not yet asked. */
    public void refer(Set<Agency> agencies, String note, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        if (state != CaseState.IN_REVIEW && state != CaseState.REFERRED) {
            throw new CaseTransitionException(state, "refer");
        }
        if (agencies.isEmpty()) {
            throw InvalidInputException.of("agencies", "name at least one agency");
        }
        List<Agency> already =
                agencies.stream().filter(referrals::containsKey).sorted().toList();
        if (!already.isEmpty()) {
            throw new ConflictException("the case is already referred to " + already);
        }
        append(new CaseEvent.Referred(agencies.stream().sorted().toList(), note, now, by));
    }

    /** An agency the case was referred to records its recommendation, once. */
    public void recommend(Agency agency, Recommendation recommendation, String reasons, String by, Instant now) {
        requireOpen("record a recommendation on");
        Referral referral = referrals.get(agency);
        if (referral == null) {
            throw new ConflictException("the case is not referred to " + agency);
        }
        if (referral.answered()) {
            throw new ConflictException(
                    agency + " already recommended " + referral.recommendation().recommendation() + " on "
                            + referral.recommendation().at());
        }
        append(new CaseEvent.Recommended(agency, recommendation, reasons, now, by));
    }

    /** Holds the case for the applicant's answer to {@code question}, due on {@code dueOn}: every clock stops. */
    public void hold(String question, LocalDate dueOn, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireMove(CaseState.HELD_WITHOUT_ACTION, "hold");
        append(new CaseEvent.Held(question, dueOn, now, by));
    }

    /** The applicant answers the hold: the case goes back where it was and its clocks run again. */
    public void answer(String answer, String by, Instant now) {
        if (state != CaseState.HELD_WITHOUT_ACTION) {
            throw new CaseTransitionException(state, "answer a hold of");
        }
        append(new CaseEvent.Answered(answer, now, by));
    }

    /** The applicant files a document as evidence for one of the case's requirements. */
    public void fileDocument(Requirement requirement, DocumentRef document, String by, Instant now) {
        requireOpen("file a document on");
        if (!subject.requirements().contains(requirement)) {
            throw InvalidInputException.of(
                    "requirement",
                    requirement + " is not a requirement of this case (it needs " + subject.requirements() + ")");
        }
        append(new CaseEvent.DocumentFiled(requirement, document, now, by));
    }

    /** Returns the case without action; its compute is to be released. */
    public void returnWithoutAction(String reason, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireMove(CaseState.RETURNED_WITHOUT_ACTION, "return");
        append(new CaseEvent.Returned(reason, now, by));
    }

    /**
     * Raises a flag that blocks approval until cleared; raising a flag that is already raised changes nothing (the
     * raising module may repeat itself). Returns whether it was raised now.
     */
    public boolean flag(String flag, String kind, String reason, String by, Instant now) {
        requireOpen("flag");
        if (flags.containsKey(flag)) {
            return false;
        }
        append(new CaseEvent.Flagged(flag, kind, reason, now, by));
        return true;
    }

    /**
     * An officer raises a flag on the case as read at {@code expectedVersion} (a possible second spelling of a
     * registered company); refused when that flag is already raised.
     */
    public void raiseFlag(String flag, String kind, String reason, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        if (!flag(flag, kind, reason, by, now)) {
            throw new ConflictException("the flag '" + flag + "' is already raised on this case");
        }
    }

    /** An officer clears a raised flag, saying why. */
    public void clearFlag(String flag, String reason, long expectedVersion, String by, Instant now) {
        requireVersion(expectedVersion);
        requireOpen("clear a flag of");
        if (!flags.containsKey(flag)) {
            throw new ConflictException("the case has no raised flag '" + flag + "' (raised: " + flags.keySet() + ")");
        }
        append(new CaseEvent.FlagCleared(flag, reason, now, by));
    }

    /** The applicant withdrew the application (its compute was released by the withdrawal). */
    public void withdraw(String by, Instant now) {
        requireMove(CaseState.WITHDRAWN, "withdraw");
        append(new CaseEvent.Withdrawn(now, by));
    }

    /**
     * Decides the case. An approval needs: an outcome that a licence can be granted for; every referred agency's
     * recommendation (or its clock run out: silence is no objection); and evidence for every requirement that needs
     * it. Only then is {@code issueLicence} called (it moves the compute and issues the licence), and its number
     * recorded with the decision.
     *
     * @param evidence the evidence for each requirement that needs it before approval
     * @throws ApprovalRefusedException naming each reason when an approval is not possible
     */
    public void decide(
            Decision decision,
            String reasons,
            String conditions,
            List<Evidence> evidence,
            Policy.Procedure procedure,
            long expectedVersion,
            String by,
            Instant now,
            Supplier<String> issueLicence) {
        requireVersion(expectedVersion);
        requireMove(CaseState.DECIDED, "decide");
        String licence = null;
        if (decision.approves()) {
            List<String> refusals = approvalRefusals(evidence, procedure, now);
            if (!refusals.isEmpty()) {
                throw new ApprovalRefusedException(refusals);
            }
            licence = issueLicence.get();
        }
        append(new CaseEvent.Decided(decision, reasons, conditions, licence, now, by));
    }

    /** Why the case cannot be approved now (empty when it can). */
    public List<String> approvalRefusals(List<Evidence> evidence, Policy.Procedure procedure, Instant now) {
        List<String> refusals = new ArrayList<>();
        if (subject.outcome() != Outcome.LICENSE_REQUIRED) {
            refusals.add("the assessment's outcome is " + subject.outcome() + ": no licence can be granted");
        }
        for (CaseClock clock : CaseClocks.of(history, procedure, now)) {
            if (clock.kind() == CaseClock.Kind.AGENCY && clock.running() && !clock.overdue()) {
                refusals.add(clock.agency() + " has not recommended yet (it has until " + clock.dueAt() + ")");
            }
        }
        for (CaseEvent.Flagged raised : flags.values()) {
            refusals.add("flag " + raised.kind() + " is raised: " + raised.reason() + " (an officer clears it)");
        }
        for (Evidence item : evidence) {
            if (item instanceof Evidence.Missing missing) {
                refusals.add(missing.requirement() + ": " + missing.why());
            }
        }
        return refusals;
    }

    /** The events appended since it was loaded, handed over once (to be stored when it is saved). */
    public List<CaseEvent> pullAppended() {
        List<CaseEvent> pulled = List.copyOf(appended);
        appended.clear();
        return pulled;
    }

    /** The statutory clocks as of {@code now}. */
    public List<CaseClock> clocks(Policy.Procedure procedure, Instant now) {
        return CaseClocks.of(history, procedure, now);
    }

    private void append(CaseEvent event) {
        apply(event);
        history.add(event);
        appended.add(event);
        version++;
    }

    /** What an event does to the derived state; also used to rebuild a stored case. */
    private void apply(CaseEvent event) {
        switch (event) {
            case CaseEvent.Opened opened -> state = CaseState.IN_REVIEW;
            case CaseEvent.Assigned assigned -> assignee = assigned.officer();
            case CaseEvent.Referred referred -> {
                for (Agency agency : referred.agencies()) {
                    referrals.putIfAbsent(agency, new Referral(agency, referred.at(), null));
                }
                if (state == CaseState.IN_REVIEW) {
                    state = CaseState.REFERRED;
                }
            }
            case CaseEvent.Recommended recommended ->
                referrals.computeIfPresent(
                        recommended.agency(),
                        (agency, referral) -> new Referral(agency, referral.referredAt(), recommended));
            case CaseEvent.Held held -> {
                heldFrom = state;
                hold = held;
                state = CaseState.HELD_WITHOUT_ACTION;
            }
            case CaseEvent.Answered answered -> {
                state = heldFrom;
                heldFrom = null;
                hold = null;
            }
            case CaseEvent.DocumentFiled filed ->
                documents
                        .computeIfAbsent(filed.requirement(), r -> new ArrayList<>())
                        .add(filed);
            case CaseEvent.Returned returned -> state = CaseState.RETURNED_WITHOUT_ACTION;
            case CaseEvent.Decided decision -> {
                decided = decision;
                state = CaseState.DECIDED;
            }
            case CaseEvent.Flagged raised -> flags.put(raised.flag(), raised);
            case CaseEvent.FlagCleared cleared -> flags.remove(cleared.flag());
            case CaseEvent.Withdrawn withdrawn -> state = CaseState.WITHDRAWN;
        }
    }

    private void requireVersion(long expectedVersion) {
        if (version != expectedVersion) {
            throw new ConflictException("case " + applicationId + " is no longer at version " + expectedVersion
                    + ": it was changed meanwhile; read it again and retry");
        }
    }

    private void requireOpen(String action) {
        if (!state.open()) {
            throw new CaseTransitionException(state, action);
        }
    }

    private void requireMove(CaseState target, String action) {
        if (!state.next().contains(target)) {
            throw new CaseTransitionException(state, action);
        }
    }

    public ApplicationId applicationId() {
        return applicationId;
    }

    public OrganizationId applicant() {
        return applicant;
    }

    public CaseSubject subject() {
        return subject;
    }

    public CaseState state() {
        return state;
    }

    /** Increases with every change; an officer who read version N changes it only as N. */
    public long version() {
        return version;
    }

    /** The version it was read at (0 for a new case), which a save expects to find. */
    public long storedVersion() {
        return storedVersion;
    }

    /** The officer who has it, or null. */
    public String assignee() {
        return assignee;
    }

    /** When it was registered: the start of its clocks. */
    public Instant registeredAt() {
        return history.getFirst().at();
    }

    /** The pending hold, or null. */
    public CaseEvent.Held hold() {
        return hold;
    }

    /** The decision, or null. */
    public CaseEvent.Decided decision() {
        return decided;
    }

    /** Its referrals, by agency. */
    public Map<Agency, Referral> referrals() {
        return Collections.unmodifiableMap(referrals);
    }

    /** The documents filed as evidence, by requirement. */
    public Map<Requirement, List<CaseEvent.DocumentFiled>> documents() {
        return Collections.unmodifiableMap(documents);
    }

    /** The flags raised and not cleared, by identifier. */
    public Map<String, CaseEvent.Flagged> flags() {
        return Collections.unmodifiableMap(flags);
    }

    /** Its whole history, oldest first. */
    public List<CaseEvent> history() {
        return Collections.unmodifiableList(history);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Case that && applicationId.equals(that.applicationId);
    }

    @Override
    public int hashCode() {
        return applicationId.hashCode();
    }

    @Override
    public String toString() {
        return "Case " + applicationId + " (" + state + ", version " + version + ")";
    }
}
