package org.gatehouse.revenueshare.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.licensing.Licence;
import org.gatehouse.licensing.LicenceSection;
import org.gatehouse.policy.Requirement;
import org.gatehouse.revenueshare.RevenueShareService;
import org.gatehouse.revenueshare.Statement;
import org.gatehouse.system.FieldErrors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The licence page's revenue-share part, on a licence with a REVENUE_SHARE condition: the statement per quarter
 * (revenue reported, rate, amount due, remitted, balance, due date, overdue said in colour and in words, the value
 * shipped with a flag when the revenue reported is below it), the remittances received, the holder's form to report or
 * correct a quarter's revenue and the officer's form to record a remittance ({@link RevenueSharePages} receives them).
 * Whoever may see the licence sees its statement; the forms are offered to those the service lets use them.
 */
@Component
@Order(10)
class RevenueShareLicenceSection implements LicenceSection {

    private final RevenueShareService shares;
    private final Clock clock;

    RevenueShareLicenceSection(RevenueShareService shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    @Override
    public Optional<Shown> shownOn(CurrentUser caller, Licence licence) {
        if (licence.conditions().stream().noneMatch(c -> c.code() == Requirement.REVENUE_SHARE)) {
            return Optional.empty();
        }
        RevenueShareService.Account account = shares.statement(caller, licence.number());
        Statement statement = account.statement();
        List<RevenueSharePageViews.PeriodRow> periods =
                statement.periods().stream().map(RevenueSharePageViews::period).toList();
        // The version each reported quarter is at: a report of that quarter corrects it from the version shown here.
        Map<String, String> versions = new LinkedHashMap<>();
        for (RevenueSharePageViews.PeriodRow p : periods) {
            if (p.version() != null) {
                versions.put(p.quarter(), p.version());
            }
        }
        boolean holder = caller.roles().contains(Role.APPLICANT) && caller.belongsTo(licence.holder());
        boolean officer = caller.roles().contains(Role.OFFICER);
        List<String> ended =
                periods.stream().filter(p -> p.ended()).map(p -> p.quarter()).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("licence", licence.number().value());
        data.put("rate", account.terms().rate().toPlainString());
        data.put("base", account.terms().base());
        data.put("dueDays", account.terms().dueDays());
        data.put("rounding", RevenueShareView.ROUNDING);
        data.put("on", account.on().toString());
        data.put("due", statement.due().display());
        data.put("remitted", statement.remitted().display());
        data.put("balance", statement.balance().display());
        data.put("overdue", statement.overdue());
        data.put("periods", periods);
        data.put("versions", versions);
        data.put(
                "remittances",
                account.remittances().stream()
                        .map(RevenueSharePageViews::remittance)
                        .toList());
        data.put("reportQuarters", ended.reversed());
        data.put(
                "remitQuarters", periods.stream().map(p -> p.quarter()).toList().reversed());
        data.put("mayReport", holder && !ended.isEmpty());
        data.put("holderWaits", holder && ended.isEmpty());
        data.put("mayRemit", officer && !periods.isEmpty());
        data.put("remitDefaults", Map.of("paidOn", LocalDate.now(clock).toString()));
        data.put("noErrors", FieldErrors.none());
        data.put("noValues", Map.of());
        return Optional.of(new Shown("revenueshare/licence", data));
    }
}
