package org.gatehouse.revenueshare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gatehouse.trade.Usd;

/**
 * The revenue-share account of one licence (SPEC §7): each calendar quarter of its life that has begun, what was
 * reported and is due, what was remitted, the balance, the value of the shipments reported under the licence in that
 * quarter as a cross-check, and whether the period is overdue. Pure: built from what the caller read.
 *
 * @param due everything due on reported revenue
 * @param remitted everything remitted
 * @param balance due − remitted (negative: paid in advance)
 */
public record Statement(List<Period> periods, Usd due, Usd remitted, Usd balance, int overdue) {

    /**
     * One quarter.
     *
     * @param revenue what the holder reported, or null while it has not
     * @param due rate × revenue rounded half-even to the cent, or null while not reported
     * @param shipped the value of the shipments reported under the licence with a date in the quarter
     * @param revenueBelowShipped the reported revenue is less than the value shipped: a figure to look at
     * @param ended the quarter is over (its revenue may be reported)
     * @param overdue past its due date and not reported, or reported and not paid in full
     */
    public record Period(
            Quarter quarter,
            LocalDate dueOn,
            Usd revenue,
            Usd due,
            Usd remitted,
            Usd balance,
            Usd shipped,
            boolean revenueBelowShipped,
            boolean ended,
            boolean overdue,
            long reportVersion) {}

    public Statement {
        periods = List.copyOf(periods);
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(remitted, "remitted");
        Objects.requireNonNull(balance, "balance");
    }

    /** Most quarters one statement shows: a licence's four years, with room to spare. */
    public static final int PERIODS_MAX = 40;

    /**
     * The statement on {@code today} of a licence valid {@code from}..{@code until}: its quarters from the first to
     * the one {@code today} falls in (or the last of its validity, if earlier).
     */
    public static Statement of(
            RevenueShareTerms terms,
            LocalDate from,
            LocalDate until,
            LocalDate today,
            Map<Quarter, RevenueReport> reports,
            Map<Quarter, Usd> remitted,
            Map<Quarter, Usd> shipped) {
        List<Period> periods = new ArrayList<>();
        Usd due = Usd.ZERO;
        Usd paid = Usd.ZERO;
        int overdue = 0;
        Quarter last = Quarter.of(today.isBefore(until) ? today : until);
        for (Quarter q = Quarter.of(from); q.compareTo(last) <= 0 && periods.size() < PERIODS_MAX; q = q.next()) {
            RevenueReport report = reports.get(q);
            Usd periodPaid = remitted.getOrDefault(q, Usd.ZERO);
            Usd periodShipped = shipped.getOrDefault(q, Usd.ZERO);
            Usd periodDue = report == null ? null : report.due();
            Usd balance = (periodDue == null ? Usd.ZERO : periodDue).minus(periodPaid);
            LocalDate dueOn = terms.dueOn(q);
            boolean ended = today.isAfter(q.lastDay());
            boolean late = today.isAfter(dueOn) && (report == null || balance.isPositive());
            periods.add(new Period(
                    q,
                    dueOn,
                    report == null ? null : report.revenue(),
                    periodDue,
                    periodPaid,
                    balance,
                    periodShipped,
                    report != null && report.revenue().isLessThan(periodShipped),
                    ended,
                    late,
                    report == null ? 0 : report.version()));
            if (periodDue != null) {
                due = due.plus(periodDue);
            }
            paid = paid.plus(periodPaid);
            if (late) {
                overdue++;
            }
        }
        return new Statement(periods, due, paid, due.minus(paid), overdue);
    }
}
