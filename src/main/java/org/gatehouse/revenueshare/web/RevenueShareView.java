package org.gatehouse.revenueshare.web;

import java.util.List;
import org.gatehouse.revenueshare.Remittance;
import org.gatehouse.revenueshare.RevenueReport;
import org.gatehouse.revenueshare.RevenueShareService;
import org.gatehouse.revenueshare.Statement;
import org.gatehouse.trade.Usd;

/** The JSON shapes of the revenue-share API. Money is an exact decimal string with two decimals. */
final class RevenueShareView {

    private RevenueShareView() {}

    /** One version of a quarter's report. */
    record ReportView(
            String licence,
            String quarter,
            long version,
            String revenueUsd,
            String rate,
            String dueUsd,
            String dueOn,
            String reportedBy,
            String reportedAt) {

        static ReportView of(RevenueReport r) {
            return new ReportView(
                    r.licence(),
                    r.quarter().toString(),
                    r.version(),
                    r.revenue().toString(),
                    r.rate().toPlainString(),
                    r.due().toString(),
                    r.dueOn().toString(),
                    r.reportedBy(),
                    r.reportedAt().toString());
        }
    }

    record RemittanceView(
            String id,
            String licence,
            String quarter,
            String amountUsd,
            String paidOn,
            String reference,
            String recordedBy,
            String recordedAt) {

        static RemittanceView of(Remittance r) {
            return new RemittanceView(
                    r.id().toString(),
                    r.licence(),
                    r.quarter().toString(),
                    r.amount().toString(),
                    r.paidOn().toString(),
                    r.reference(),
                    r.recordedBy(),
                    r.recordedAt().toString());
        }
    }

    /** One quarter of a statement; money null where nothing is reported yet. */
    record PeriodView(
            String quarter,
            String dueOn,
            boolean ended,
            String revenueUsd,
            long reportVersion,
            String dueUsd,
            String remittedUsd,
            String balanceUsd,
            String shippedValueUsd,
            boolean revenueBelowShipped,
            boolean overdue) {

        static PeriodView of(Statement.Period p) {
            return new PeriodView(
                    p.quarter().toString(),
                    p.dueOn().toString(),
                    p.ended(),
                    money(p.revenue()),
                    p.reportVersion(),
                    money(p.due()),
                    money(p.remitted()),
                    money(p.balance()),
                    money(p.shipped()),
                    p.revenueBelowShipped(),
                    p.overdue());
        }
    }

    /** The statement of one licence on a day. */
    record StatementView(
            String licence,
            String holder,
            String state,
            String validFrom,
            String validUntil,
            String rate,
            String base,
            int dueDays,
            String rounding,
            String on,
            String dueUsd,
            String remittedUsd,
            String balanceUsd,
            int overduePeriods,
            List<PeriodView> periods,
            List<RemittanceView> remittances) {

        static StatementView of(RevenueShareService.Account a) {
            Statement s = a.statement();
            return new StatementView(
                    a.licence().number().value(),
                    a.licence().holder().toString(),
                    a.licence().standing(a.on()).name(),
                    a.licence().validFrom().toString(),
                    a.licence().validUntil().toString(),
                    a.terms().rate().toPlainString(),
                    a.terms().base(),
                    a.terms().dueDays(),
                    ROUNDING,
                    a.on().toString(),
                    s.due().toString(),
                    s.remitted().toString(),
                    s.balance().toString(),
                    s.overdue(),
                    s.periods().stream().map(PeriodView::of).toList(),
                    a.remittances().stream().map(RemittanceView::of).toList());
        }
    }

    /** A holder's balance over its licences with revenue share. */
    record HolderView(
            String holder,
            String on,
            String dueUsd,
            String remittedUsd,
            String balanceUsd,
            int overduePeriods,
            boolean truncated,
            List<StatementView> licences) {

        static HolderView of(RevenueShareService.HolderBalance b) {
            return new HolderView(
                    b.holder().toString(),
                    b.on().toString(),
                    b.due().toString(),
                    b.remitted().toString(),
                    b.balance().toString(),
                    b.overdue(),
                    b.truncated(),
                    b.licences().stream().map(StatementView::of).toList());
        }
    }

    static final String ROUNDING = "amount due = rate × revenue, exact, rounded half-even to the cent";

    private static String money(Usd amount) {
        return amount == null ? null : amount.toString();
    }
}
