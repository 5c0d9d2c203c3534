package org.gatehouse.agreements;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.cases.CaseService;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Usd;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Government-to-government agreements (SPEC §7): officers record them, their signature, entry into force and
 * termination, security commitments and their status, the investment schedule and what is realized against it. Each
 * method authorizes its caller, loads, asks the {@link Agreement} to change, saves and audits (before and after) in
 * one transaction. Officers and auditors see every agreement; an agency those with the destination of a case referred
 * to it; nobody else any (404).
 */
@Service
public class AgreementService {

    /** Draws shown with an agreement. */
    public static final int DRAWS_SHOWN_MAX = 50;

    private final Agreements agreements;
    private final CaseService cases;
    private final PolicyInForce policies;
    private final AuditLog audit;
    private final Clock clock;

    AgreementService(Agreements agreements, CaseService cases, PolicyInForce policies, AuditLog audit, Clock clock) {
        this.agreements = agreements;
        this.cases = cases;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** An agreement with its standing today, the compute drawn from its allocation, and its latest draws. */
    public record Viewed(Agreement agreement, Standing standing, long drawnTpp, List<Agreements.Draw> draws) {}

    /** What an officer states of the investment commitment; a null ratio is the policy's default. */
    public record Investment(Usd pledged, BigDecimal matchingRatio, Usd homeInvestment) {}

    /** An officer records an agreement as negotiated (DRAFT), with its first commitments and tranches. */
    @Transactional
    public Viewed create(
            CurrentUser caller,
            AgreementTerms terms,
            Investment investment,
            Long allocationGb300e,
            List<String> commitments,
            List<Agreement.TrancheTerms> tranches) {
        requireOfficer(caller);
        Policy policy = policies.on(LocalDate.now(clock));
        BigDecimal ratio = investment.matchingRatio() != null
                ? investment.matchingRatio()
                : new BigDecimal(
                        policy.parameters(Requirement.US_INVESTMENT_MATCH).getOrDefault("ratio", "1.0"));
        Agreement agreement = Agreement.draft(
                AgreementId.random(),
                terms,
                new InvestmentCommitment(investment.pledged(), ratio, investment.homeInvestment()),
                allocationGb300e == null ? null : Allocation.of(allocationGb300e, policy.referenceTpp()),
                commitments,
                tranches,
                caller.actor(),
                clock.instant());
        if (!agreements.insert(agreement)) {
            throw new ConflictException("an agreement with " + terms.country()
                    + " that is not terminated is recorded already: terminate it before recording another");
        }
        audit.append(AgreementAudit.entry(caller.actor(), "agreement.created", null, agreement, Map.of()));
        return viewed(agreement, List.of());
    }

    /** One agreement, if the caller may see it, with its latest draws. */
    @Transactional(readOnly = true)
    public Viewed get(CurrentUser caller, AgreementId id) {
        Agreement agreement = agreements.find(id).orElseThrow(() -> notFound(id));
        requireVisible(caller, agreement);
        return viewed(agreement, agreements.draws(id, Paging.first(DRAWS_SHOWN_MAX)));
    }

    /** A page of the agreements the caller may see. */
    @Transactional(readOnly = true)
    public List<Viewed> list(CurrentUser caller, CountryCode country, AgreementStatus status, Paging paging) {
        if (!caller.seesAllOrganizations()) {
            caller.require(Role.AGENCY);
            // An agency lists one country's agreements, when a case referred to it goes there.
            if (country == null || !cases.referredToCallerConcerning(caller, null, country)) {
                return List.of();
            }
        }
        return agreements.list(country, status, paging).stream()
                .map(a -> viewed(a, List.of()))
                .toList();
    }

    @Transactional
    public Viewed sign(CurrentUser caller, AgreementId id, LocalDate signedOn, long version) {
        requireOfficer(caller);
        Agreement a = forChange(id);
        Map<String, Object> before = AgreementAudit.summary(a);
        a.sign(signedOn, LocalDate.now(clock), version, caller.actor(), clock.instant());
        return changed(caller, a, before, "agreement.signed", Map.of());
    }

    @Transactional
    public Viewed enterIntoForce(CurrentUser caller, AgreementId id, LocalDate inForceOn, long version) {
        requireOfficer(caller);
        Agreement a = forChange(id);
        Map<String, Object> before = AgreementAudit.summary(a);
        a.enterIntoForce(inForceOn, version, caller.actor(), clock.instant());
        return changed(caller, a, before, "agreement.in_force", Map.of());
    }

    @Transactional
    public Viewed terminate(CurrentUser caller, AgreementId id, LocalDate terminatedOn, String reason, long version) {
        requireOfficer(caller);
        Agreement a = forChange(id);
        Map<String, Object> before = AgreementAudit.summary(a);
        a.terminate(terminatedOn, reason, version, caller.actor(), clock.instant());
        return changed(caller, a, before, "agreement.terminated", Map.of("reason", reason));
    }

    @Transactional
    public Viewed addCommitment(CurrentUser caller, AgreementId id, String text, long version) {
        requireOfficer(caller);
        Agreement a = forChange(id);
        Map<String, Object> before = AgreementAudit.summary(a);
        SecurityCommitment added = a.addCommitment(text, version, caller.actor(), clock.instant());
        return changed(caller, a, before, "agreement.commitment_added", Map.of("commitment", added.number()));
    }

    @Transactional
    public Viewed setCommitment(
            CurrentUser caller, AgreementId id, int number, CommitmentStatus status, String note, long version) {
        requireOfficer(caller);
        Agreement a = forChange(id);
        Map<String, Object> before = AgreementAudit.summary(a);
        a.setCommitment(number, status, note, version, caller.actor(), clock.instant());
        return changed(
                caller,
                a,
                before,
                "agreement.commitment_" + status.name().toLowerCase(java.util.Locale.ROOT),
                note == null ? Map.of("commitment", number) : Map.of("commitment", number, "note", note));
    }

    @Transactional
    public Viewed addTranche(CurrentUser caller, AgreementId id, Agreement.TrancheTerms tranche, long version) {
        requireOfficer(caller);
        Agreement a = forChange(id);
        Map<String, Object> before = AgreementAudit.summary(a);
        Tranche added = a.addTranche(tranche, version, caller.actor(), clock.instant());
        return changed(caller, a, before, "agreement.tranche_added", Map.of("tranche", added.number()));
    }

    /** Records an amount realized against a tranche, with the SHA-256 of its evidence. */
    @Transactional
    public Viewed realize(
            CurrentUser caller,
            AgreementId id,
            int tranche,
            Usd amount,
            LocalDate realizedOn,
            String evidenceSha256,
            long version) {
        requireOfficer(caller);
        Agreement a = forChange(id);
        Map<String, Object> before = AgreementAudit.summary(a);
        a.realize(
                tranche,
                amount,
                realizedOn,
                evidenceSha256,
                LocalDate.now(clock),
                version,
                caller.actor(),
                clock.instant());
        return changed(
                caller,
                a,
                before,
                "agreement.tranche_realized",
                Map.of(
                        "tranche",
                        tranche,
                        "amountUsd",
                        amount.toString(),
                        "realizedOn",
                        realizedOn.toString(),
                        "evidenceSha256",
                        evidenceSha256));
    }

    private Viewed changed(
            CurrentUser caller, Agreement a, Map<String, Object> before, String action, Map<String, Object> details) {
        if (!agreements.save(a)) {
            // Cannot happen under the row lock taken when it was loaded; kept as a guard.
            throw new ConflictException("agreement " + a.id() + " was changed meanwhile; read it again");
        }
        audit.append(AgreementAudit.entry(caller.actor(), action, before, a, details));
        return viewed(a, List.of());
    }

    private Viewed viewed(Agreement a, List<Agreements.Draw> draws) {
        return new Viewed(a, a.standing(LocalDate.now(clock)), agreements.drawnTpp(a.id()), draws);
    }

    private Agreement forChange(AgreementId id) {
        return agreements.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private void requireVisible(CurrentUser caller, Agreement agreement) {
        if (caller.seesAllOrganizations()) {
            return;
        }
        if (cases.referredToCallerConcerning(caller, null, agreement.terms().country())) {
            return;
        }
        throw notFound(agreement.id());
    }

    private static NotFoundException notFound(AgreementId id) {
        return new NotFoundException("agreement", id);
    }

    private static void requireOfficer(CurrentUser caller) {
        caller.requireWriter();
        caller.require(Role.OFFICER);
    }
}
