package org.gatehouse.revenueshare.web;

import java.util.ArrayList;
import java.util.List;
import org.gatehouse.revenueshare.Remittance;
import org.gatehouse.revenueshare.RevenueShareService;
import org.gatehouse.revenueshare.Statement;
import org.gatehouse.system.Dates;
import org.gatehouse.trade.Usd;

/**
 * What the revenue-share pages show, made from the records the service answered (the templates call no domain
 * method). Money is written for people ({@code $20,000.02}); where the colour says a period is overdue, the words say
 * it too.
 */
final class RevenueSharePageViews {

    private RevenueSharePageViews() {}

    /**
     * One quarter of a statement.
     *
     * @param status what the period's state is, in words (overdue first)
     * @param tone {@code overdue}, {@code open} (due, not late), {@code paid}, {@code pending} (not over or not reported
     *     and not due yet)
     */
    record PeriodRow(
            String quarter,
            String dueOn,
            String revenue,
            boolean reported,
            String version,
            String due,
            String remitted,
            String balance,
            String shipped,
            boolean belowShipped,
            boolean ended,
            boolean overdue,
            String status,
            String tone) {}

    static PeriodRow period(Statement.Period p) {
        String status;
        String tone;
        if (p.overdue()) {
            status = p.revenue() == null
                    ? "Overdue: revenue not reported"
                    : "Overdue: " + p.balance().display() + " unpaid";
            tone = "overdue";
        } else if (!p.ended()) {
            status = "Quarter not over";
            tone = "pending";
        } else if (p.revenue() == null) {
            status = "To report by " + p.dueOn();
            tone = "pending";
        } else if (p.balance().isPositive()) {
            status = p.balance().display() + " due by " + p.dueOn();
            tone = "open";
        } else {
            status = p.balance().isNegative() ? "Paid (in advance)" : "Paid";
            tone = "paid";
        }
        return new PeriodRow(
                p.quarter().toString(),
                p.dueOn().toString(),
                money(p.revenue()),
                p.revenue() != null,
                p.reportVersion() == 0 ? null : Long.toString(p.reportVersion()),
                money(p.due()),
                p.remitted().display(),
                p.balance().display(),
                p.shipped().display(),
                p.revenueBelowShipped(),
                p.ended(),
                p.overdue(),
                status,
                tone);
    }

    /** A remittance received. */
    record RemittanceRow(String quarter, String amount, String paidOn, String reference, String recorded) {}

    static RemittanceRow remittance(Remittance r) {
        return new RemittanceRow(
                r.quarter().toString(),
                r.amount().display(),
                r.paidOn().toString(),
                r.reference(),
                Dates.minute(r.recordedAt()) + " by " + r.recordedBy());
    }

    /** A licence with revenue share, on the revenue-share page. */
    record AccountRow(
            String licence,
            String endUser,
            String destination,
            String rate,
            String due,
            String remitted,
            String balance,
            int overdue) {}

    static AccountRow account(RevenueShareService.Account a) {
        Statement s = a.statement();
        return new AccountRow(
                a.licence().number().value(),
                a.licence().content().endUser().name(),
                a.licence().content().destination(),
                a.terms().rate().toPlainString(),
                s.due().display(),
                s.remitted().display(),
                s.balance().display(),
                s.overdue());
    }

    /** An overdue period of some licence. */
    record OverdueRow(String licence, String endUser, String quarter, String dueOn, String status, String balance) {}

    /** The overdue periods of {@code accounts}, the earliest due first. */
    static List<OverdueRow> overdue(List<RevenueShareService.Account> accounts) {
        List<OverdueRow> rows = new ArrayList<>();
        for (RevenueShareService.Account a : accounts) {
            for (Statement.Period p : a.statement().periods()) {
                if (p.overdue()) {
                    PeriodRow row = period(p);
                    rows.add(new OverdueRow(
                            a.licence().number().value(),
                            a.licence().content().endUser().name(),
                            row.quarter(),
                            row.dueOn(),
                            row.status(),
                            row.revenue() == null ? "not reported" : row.balance()));
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(OverdueRow::dueOn).thenComparing(OverdueRow::licence));
        return rows;
    }

    static String money(Usd amount) {
        return amount == null ? null : amount.display();
    }
}
