package org.gatehouse.screening.server;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.cases.CaseService;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.ledger.Ledger;
import org.gatehouse.ledger.Movement;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.screening.CompanyRegister;
import org.gatehouse.screening.RegisterMatch;
import org.gatehouse.screening.RegisteredCompany;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authority's register of companies (entity resolution for the ledger): officers and administrators register
 * companies with their aliases, identifiers and owners, and officers decide the possible matches that submissions
 * found — a confirmation re-keys the application's compute to the registered company in the ledger and adds the
 * spelling as an alias; a separation records that the two are different companies. Auditors read. Every change is
 * audited in its transaction.
 */
@Service
public class RegisterService {

    /** Most companies or matches listed at once. */
    public static final int PAGE_MAX = 200;

    static final String COMPANY = "registered company";
    static final String MATCH = "register match";

    private final CompanyRegister register;
    private final Ledger ledger;
    private final PolicyInForce policies;
    private final CaseService cases;
    private final AuditLog audit;
    private final Clock clock;

    RegisterService(
            CompanyRegister register,
            Ledger ledger,
            PolicyInForce policies,
            CaseService cases,
            AuditLog audit,
            Clock clock) {
        this.register = register;
        this.ledger = ledger;
        this.policies = policies;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a company (officers, administrators). */
    @Transactional
    public RegisteredCompany register(CurrentUser caller, RegisteredCompany.Details details) {
        requireMaintainer(caller);
        requireOwnersExist(details, null);
        Instant now = clock.instant();
        RegisteredCompany company = new RegisteredCompany(
                UUID.randomUUID(),
                details.name(),
                details.country(),
                details.aliases(),
                details.identifiers(),
                details.owners(),
                1,
                now,
                caller.actor(),
                now,
                caller.actor());
        if (!register.insert(company)) {
            throw new ConflictException(
                    "a name, alias or identifier given is another registered company's already; update that company");
        }
        RegisteredCompany stored = register.find(company.id()).orElseThrow();
        audit.append(entry(caller.actor(), "register.company_registered", stored, Map.of()));
        return stored;
    }

    /** Replaces a company's details; {@code expectedVersion} is the version the caller read. */
    @Transactional
    public RegisteredCompany update(
            CurrentUser caller, UUID id, long expectedVersion, RegisteredCompany.Details details) {
        requireMaintainer(caller);
        RegisteredCompany before = register.find(id).orElseThrow(() -> new NotFoundException(COMPANY, id));
        if (before.version() != expectedVersion) {
            throw new ConflictException("company " + id + " is no longer at version " + expectedVersion
                    + ": it was changed meanwhile; read it again and retry");
        }
        requireOwnersExist(details, id);
        RegisteredCompany after = new RegisteredCompany(
                id,
                details.name(),
                details.country(),
                details.aliases(),
                details.identifiers(),
                details.owners(),
                before.version() + 1,
                before.createdAt(),
                before.createdBy(),
                clock.instant(),
                caller.actor());
        if (!register.save(after, expectedVersion)) {
            throw new ConflictException("company " + id + " was changed meanwhile, or a name, alias or identifier given"
                    + " is another registered company's already");
        }
        RegisteredCompany stored = register.find(id).orElseThrow();
        audit.append(entry(caller.actor(), "register.company_updated", stored, Map.of("before", summary(before))));
        return stored;
    }

    @Transactional(readOnly = true)
    public RegisteredCompany get(CurrentUser caller, UUID id) {
        requireReader(caller, COMPANY, id);
        return register.find(id).orElseThrow(() -> new NotFoundException(COMPANY, id));
    }

    /** Companies by canonical key, those whose key starts like {@code name}'s when given. */
    @Transactional(readOnly = true)
    public List<RegisteredCompany> list(CurrentUser caller, CompanyName name, int limit, int offset) {
        caller.require(Role.OFFICER, Role.ADMIN, Role.AUDITOR);
        return register.list(
                name == null ? null : name.key(), Math.min(Math.max(limit, 1), PAGE_MAX), Math.max(0, offset));
    }

    /** The possible matches found on an application's parties (officers, administrators, auditors). */
    @Transactional(readOnly = true)
    public List<RegisterMatch> matchesOf(CurrentUser caller, ApplicationId id) {
        requireReader(caller, "application", id);
        return register.matchesOf(id);
    }

    /** Matches awaiting an officer, the oldest first. */
    @Transactional(readOnly = true)
    public List<RegisterMatch> pending(CurrentUser caller, long afterId, int limit) {
        caller.require(Role.OFFICER, Role.ADMIN, Role.AUDITOR);
        return register.pendingMatches(afterId, Math.min(Math.max(limit, 1), PAGE_MAX));
    }

    /**
     * An officer confirms that the party is the registered company: the application's compute moves to the company's
     * key in the ledger (a REKEY movement per non-empty bucket), the spelling becomes an alias of the company (so the
     * next submission written so links at once), and the case's flag is cleared.
     */
    @Transactional
    public RegisterMatch confirm(CurrentUser caller, long id, String reason) {
        requireOfficer(caller);
        RegisterMatch match = pendingForUpdate(id);
        RegisteredCompany company =
                register.find(match.company()).orElseThrow(() -> new NotFoundException(COMPANY, match.company()));
        boolean parent = match.roles().contains(SubmissionScreening.ULTIMATE_PARENT);
        boolean endUser = match.roles().contains(SubmissionScreening.END_USER);
        List<Movement> movements = ledger.rekey(
                        match.applicationId(),
                        parent ? company.name() : null,
                        endUser ? company.name() : null,
                        policies.on(LocalDate.now(clock)),
                        "register.confirmed",
                        caller.actor())
                .orElse(List.of());
        boolean aliasAdded = addAlias(caller, company, match.name());
        register.decideMatch(id, RegisterMatch.State.CONFIRMED, reason, caller.actor(), clock.instant());
        clearFlag(caller, match, "confirmed as '" + company.name() + "': " + reason);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("application", match.applicationId().toString());
        payload.put("name", match.name());
        payload.put("company", company.id().toString());
        payload.put("companyName", company.name().display());
        payload.put("roles", match.roles());
        payload.put("reason", reason);
        payload.put("aliasAdded", aliasAdded);
        payload.put(
                "movements",
                movements.stream()
                        .map(m -> m.id() + " " + m.from() + " " + m.tpp().value())
                        .toList());
        audit.append(new AuditEntry(caller.actor(), "register.match_confirmed", MATCH, Long.toString(id), payload));
        return matchOf(match.applicationId(), id);
    }

    /** An officer separates the party from the registered company: a different company, not proposed again. */
    @Transactional
    public RegisterMatch separate(CurrentUser caller, long id, String reason) {
        requireOfficer(caller);
        RegisterMatch match = pendingForUpdate(id);
        register.decideMatch(id, RegisterMatch.State.SEPARATED, reason, caller.actor(), clock.instant());
        register.markSeparated(match.key(), match.company());
        clearFlag(caller, match, "a different company from '" + match.companyName() + "': " + reason);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("application", match.applicationId().toString());
        payload.put("name", match.name());
        payload.put("company", match.company().toString());
        payload.put("reason", reason);
        audit.append(new AuditEntry(caller.actor(), "register.match_separated", MATCH, Long.toString(id), payload));
        return matchOf(match.applicationId(), id);
    }

    private RegisterMatch pendingForUpdate(long id) {
        RegisterMatch match = register.findMatchForUpdate(id).orElseThrow(() -> new NotFoundException(MATCH, id));
        if (match.state() != RegisterMatch.State.PENDING) {
            throw new ConflictException("match " + id + " was " + match.state() + " by " + match.decidedBy() + " on "
                    + match.decidedAt() + "; a decision is final");
        }
        return match;
    }

    private RegisterMatch matchOf(ApplicationId application, long id) {
        return register.matchesOf(application).stream()
                .filter(m -> m.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** Adds the confirmed spelling as an alias, unless it names a company already or the company has its most aliases. */
    private boolean addAlias(CurrentUser caller, RegisteredCompany company, String spelling) {
        CompanyName alias = CompanyName.of(spelling);
        if (register.companyOfKey(alias.key()).isPresent()
                || company.aliases().size() >= RegisteredCompany.ALIASES_MAX) {
            return false;
        }
        List<CompanyName> aliases = new ArrayList<>(company.aliases());
        aliases.add(alias);
        RegisteredCompany after = new RegisteredCompany(
                company.id(),
                company.name(),
                company.country(),
                aliases,
                company.identifiers(),
                company.owners(),
                company.version() + 1,
                company.createdAt(),
                company.createdBy(),
                clock.instant(),
                caller.actor());
        if (!register.save(after, company.version())) {
            throw new ConflictException("company " + company.id() + " was changed meanwhile; try again");
        }
        return true;
    }

    /** Clears the match's flag on the application's case, if the case is open and has it. */
    private void clearFlag(CurrentUser caller, RegisterMatch match, String reason) {
        CaseService.Reviewed review;
        try {
            review = cases.get(caller, match.applicationId());
        } catch (NotFoundException e) {
            return; // no case: an exemption, or not opened yet
        }
        if (review.review().state().open() && review.review().flags().containsKey(match.flag())) {
            cases.clearFlag(
                    caller,
                    match.applicationId(),
                    match.flag(),
                    reason,
                    review.review().version());
        }
    }

    private void requireOwnersExist(RegisteredCompany.Details details, UUID self) {
        List<UUID> owners =
                details.owners().stream().map(RegisteredCompany.Owner::company).toList();
        List<UUID> existing = register.existing(owners);
        InputCheck check = new InputCheck();
        for (int i = 0; i < owners.size(); i++) {
            if (owners.get(i).equals(self)) {
                check.reject("owners[" + i + "].company", "a company does not own itself");
            } else if (!existing.contains(owners.get(i))) {
                check.reject("owners[" + i + "].company", "no registered company has the id " + owners.get(i));
            }
        }
        check.throwIfInvalid();
    }

    private static AuditEntry entry(String actor, String action, RegisteredCompany company, Map<String, Object> extra) {
        Map<String, Object> payload = summary(company);
        payload.putAll(extra);
        return new AuditEntry(actor, action, COMPANY, company.id().toString(), payload);
    }

    private static Map<String, Object> summary(RegisteredCompany company) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", company.name().display());
        payload.put("key", company.name().key());
        payload.put(
                "country", company.country() == null ? null : company.country().value());
        payload.put(
                "aliases", company.aliases().stream().map(CompanyName::display).toList());
        payload.put(
                "identifiers",
                company.identifiers().stream()
                        .map(i -> i.scheme() + ":" + i.value())
                        .toList());
        payload.put(
                "owners",
                company.owners().stream()
                        .map(o -> o.company() + " " + o.percent().toPlainString() + "%")
                        .toList());
        payload.put("version", company.version());
        return payload;
    }

    private static void requireMaintainer(CurrentUser caller) {
        caller.requireWriter();
        caller.require(Role.OFFICER, Role.ADMIN);
    }

    private static void requireOfficer(CurrentUser caller) {
        caller.requireWriter();
        caller.require(Role.OFFICER);
    }

    private static void requireReader(CurrentUser caller, String what, Object id) {
        if (!caller.hasAny(Role.OFFICER, Role.ADMIN, Role.AUDITOR)) {
            throw new NotFoundException(what, id);
        }
    }
}
