package org.gatehouse.revenueshare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.licensing.Licence;
import org.gatehouse.licensing.LicenceFilter;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.licensing.LicenceService;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Usd;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue share on the server (SPEC §7): the holder of a licence with a REVENUE_SHARE condition reports its revenue per
 * calendar quarter (and corrects it: a new version, the earlier kept), officers record the remittances received, and
 * everyone who may see the licence reads its statement. Who may do what:
 *
 * <ul>
 *   <li>report and correct: an APPLICANT of the licence's holder organization (others' licences answer 404);
 *   <li>record a remittance: an OFFICER (the authority receives the payments; a holder's word is not a payment);
 *   <li>read a statement or a holder's balance: the holder's organization its own; OFFICER and AUDITOR all; nobody else
 *       (404).
 * </ul>
 *
 * Every change is audited in its transaction with the period before and after it. The rate and base come from the
 * licence's REVENUE_SHARE condition, the due period from the licence's policy ({@code revenue_share_due_days}).
 */
@Service
public class RevenueShareService {

    /** Remittances shown with a statement. */
    public static final int REMITTANCES_SHOWN_MAX = 100;

    /** Most licences a holder's balance adds up. */
    public static final int HOLDER_LICENCES_MAX = 1_000;

    static final String ENTITY = "revenue_share";

    private final RevenueShares shares;
    private final LicenceService licences;
    private final PolicyInForce policies;
    private final AuditLog audit;
    private final Clock clock;

    RevenueShareService(
            RevenueShares shares, LicenceService licences, PolicyInForce policies, AuditLog audit, Clock clock) {
        this.shares = shares;
        this.licences = licences;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** A licence's statement, its terms and its latest remittances. */
    public record Account(
            Licence licence,
            RevenueShareTerms terms,
            LocalDate on,
            Statement statement,
            List<Remittance> remittances) {}

    /** A holder's balance (every holder's when {@code holder} is null): each licence with revenue share, and the sums. */
    public record HolderBalance(
            OrganizationId holder,
            LocalDate on,
            List<Account> licences,
            Usd due,
            Usd remitted,
            Usd balance,
            int overdue,
            boolean truncated) {}

    /**
     * The holder reports (version null) or corrects (the version it read) its revenue for one quarter of a licence.
     *
     * @throws ConflictException when the licence has no revenue share, the quarter is outside its validity or not over
     *     yet, or the version is stale
     */
    @Transactional
    public RevenueReport report(
            CurrentUser caller, LicenceNumber number, Quarter quarter, Usd revenue, Long expectedVersion) {
        caller.requireWriter();
        caller.require(Role.APPLICANT);
        Licence licence = licences.get(caller, number);
        if (!caller.belongsTo(licence.holder())) {
            throw new NotFoundException("licence", number);
        }
        RevenueShareTerms terms = terms(licence);
        requireWithinValidity(licence, quarter);
        LocalDate today = LocalDate.now(clock);
        Optional<RevenueReport> current = shares.current(number.value(), quarter);
        RevenueReport report;
        Map<String, Object> before = null;
        if (current.isEmpty()) {
            if (expectedVersion != null) {
                throw new ConflictException("revenue for " + quarter + " of licence " + number
                        + " is not reported yet: report it without a version");
            }
            report = RevenueReport.report(
                    number.value(), quarter, revenue, terms, today, caller.actor(), clock.instant());
        } else {
            report = current.get();
            if (expectedVersion == null) {
                throw new ConflictException("revenue for " + quarter + " of licence " + number
                        + " is reported already (version " + report.version()
                        + "): to correct it, send the version you read");
            }
            before = summary(report, shares.remitted(number.value()).getOrDefault(quarter, Usd.ZERO));
            report.correct(revenue, terms, expectedVersion, caller.actor(), clock.instant());
        }
        if (!shares.insert(report, licence.holder())) {
            throw new ConflictException("the report of " + quarter + " for licence " + number
                    + " was changed meanwhile: read it again and retry");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", before);
        payload.put("after", summary(report, shares.remitted(number.value()).getOrDefault(quarter, Usd.ZERO)));
        payload.put("quarter", quarter.toString());
        audit.append(new AuditEntry(
                caller.actor(),
                before == null ? "revenue_share.reported" : "revenue_share.corrected",
                ENTITY,
                number.value(),
                payload));
        return report;
    }

    /** An officer records a payment received against one quarter of a licence. */
    @Transactional
    public Remittance remit(
            CurrentUser caller, LicenceNumber number, Quarter quarter, Usd amount, LocalDate paidOn, String reference) {
        caller.requireWriter();
        caller.require(Role.OFFICER);
        Licence licence = licences.get(caller, number);
        terms(licence);
        requireWithinValidity(licence, quarter);
        LocalDate today = LocalDate.now(clock);
        if (paidOn.isAfter(today)) {
            throw new ConflictException("a remittance is recorded once paid: " + paidOn + " is after today, " + today);
        }
        Optional<RevenueReport> report = shares.current(number.value(), quarter);
        Usd paidBefore = shares.remitted(number.value()).getOrDefault(quarter, Usd.ZERO);
        Remittance remittance = new Remittance(
                UUID.randomUUID(), number.value(), quarter, amount, paidOn, reference, caller.actor(), clock.instant());
        if (!shares.insert(remittance, licence.holder())) {
            throw new ConflictException(
                    "a remittance with reference '" + reference + "' is recorded for licence " + number + " already");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", period(report.orElse(null), paidBefore));
        payload.put("after", period(report.orElse(null), paidBefore.plus(amount)));
        payload.put("quarter", quarter.toString());
        payload.put("remittance", remittance.id().toString());
        payload.put("amountUsd", amount.toString());
        payload.put("paidOn", paidOn.toString());
        payload.put("reference", reference);
        audit.append(new AuditEntry(caller.actor(), "revenue_share.remitted", ENTITY, number.value(), payload));
        return remittance;
    }

    /** The statement of a licence the caller may see, on today (the injected clock's day). */
    @Transactional(readOnly = true)
    public Account statement(CurrentUser caller, LicenceNumber number) {
        Licence licence = licences.get(caller, number);
        return account(caller, licence, terms(licence), LocalDate.now(clock), true);
    }

    /** Every version of a quarter's report of a licence the caller may see, oldest first. */
    @Transactional(readOnly = true)
    public List<RevenueReport> versions(CurrentUser caller, LicenceNumber number, Quarter quarter) {
        Licence licence = licences.get(caller, number);
        terms(licence);
        return shares.versions(number.value(), quarter);
    }

    /** The balance of every licence with revenue share of {@code holder} (the caller's own, or any for the authority). */
    @Transactional(readOnly = true)
    public HolderBalance holderBalance(CurrentUser caller, OrganizationId holder) {
        if (!caller.canSee(holder) || !caller.hasAny(Role.APPLICANT, Role.OFFICER, Role.AUDITOR)) {
            throw new NotFoundException("organization", holder);
        }
        return balance(caller, holder);
    }

    /**
     * The balance of every licence with revenue share of every holder, for the authority (OFFICER, AUDITOR): what the
     * revenue-share page and the home page show officers and auditors. {@code holder} of the answer is null.
     */
    @Transactional(readOnly = true)
    public HolderBalance allHolders(CurrentUser caller) {
        caller.require(Role.OFFICER, Role.AUDITOR);
        return balance(caller, null);
    }

    private HolderBalance balance(CurrentUser caller, OrganizationId holder) {
        LocalDate today = LocalDate.now(clock);
        List<Account> accounts = new ArrayList<>();
        Usd due = Usd.ZERO;
        Usd remitted = Usd.ZERO;
        int overdue = 0;
        int read = 0;
        boolean truncated = false;
        LicenceFilter filter = new LicenceFilter(holder, null, null);
        for (int offset = 0; ; offset += Paging.LIMIT_MAX) {
            List<Licence> page = licences.list(caller, filter, Paging.of(Paging.LIMIT_MAX, offset));
            for (Licence licence : page) {
                if (read++ >= HOLDER_LICENCES_MAX) {
                    truncated = true;
                    break;
                }
                Optional<LicenceCondition> condition = condition(licence);
                if (condition.isEmpty()) {
                    continue;
                }
                Account account = account(caller, licence, terms(licence, condition.get()), today, false);
                accounts.add(account);
                due = due.plus(account.statement().due());
                remitted = remitted.plus(account.statement().remitted());
                overdue += account.statement().overdue();
            }
            if (truncated || page.size() < Paging.LIMIT_MAX) {
                break;
            }
        }
        return new HolderBalance(holder, today, accounts, due, remitted, due.minus(remitted), overdue, truncated);
    }

    private Account account(
            CurrentUser caller, Licence licence, RevenueShareTerms terms, LocalDate today, boolean withRemittances) {
        String number = licence.number().value();
        Map<Quarter, Usd> shipped = new LinkedHashMap<>();
        licences.shippedValueByQuarter(caller, licence.number())
                .forEach((first, value) -> shipped.put(Quarter.of(first), new Usd(value)));
        Statement statement = Statement.of(
                terms,
                licence.validFrom(),
                licence.validUntil(),
                today,
                shares.currentReports(number),
                shares.remitted(number),
                shipped);
        return new Account(
                licence,
                terms,
                today,
                statement,
                withRemittances ? shares.remittances(number, Paging.first(REMITTANCES_SHOWN_MAX)) : List.of());
    }

    private RevenueShareTerms terms(Licence licence) {
        LicenceCondition condition = condition(licence)
                .orElseThrow(() -> new ConflictException(
                        "licence " + licence.number() + " has no REVENUE_SHARE condition: no revenue is reported"));
        return terms(licence, condition);
    }

    private RevenueShareTerms terms(Licence licence, LicenceCondition condition) {
        int dueDays = policies.find(licence.policy().id())
                .map(Policy::procedure)
                .orElse(Policy.Procedure.DEFAULTS)
                .revenueShareDueDays();
        try {
            return RevenueShareTerms.of(condition.parameters(), dueDays);
        } catch (IllegalArgumentException e) {
            throw new ConflictException("licence " + licence.number() + ": " + e.getMessage());
        }
    }

    private static Optional<LicenceCondition> condition(Licence licence) {
        return licence.conditions().stream()
                .filter(c -> c.code() == Requirement.REVENUE_SHARE)
                .findFirst();
    }

    private static void requireWithinValidity(Licence licence, Quarter quarter) {
        if (quarter.lastDay().isBefore(licence.validFrom())
                || quarter.firstDay().isAfter(licence.validUntil())) {
            throw new ConflictException("licence " + licence.number() + " is valid " + licence.validFrom() + " to "
                    + licence.validUntil() + ": " + quarter + " is outside it");
        }
    }

    private static Map<String, Object> summary(RevenueReport report, Usd remitted) {
        Map<String, Object> summary = period(report, remitted);
        summary.put("reportedBy", report.reportedBy());
        return summary;
    }

    private static Map<String, Object> period(RevenueReport report, Usd remitted) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("version", report == null ? 0 : report.version());
        period.put("revenueUsd", report == null ? null : report.revenue().toString());
        period.put("rate", report == null ? null : report.rate().toPlainString());
        period.put("dueUsd", report == null ? null : report.due().toString());
        period.put("dueOn", report == null ? null : report.dueOn().toString());
        period.put("remittedUsd", remitted.toString());
        period.put(
                "balanceUsd",
                (report == null ? Usd.ZERO : report.due()).minus(remitted).toString());
        return period;
    }
}
