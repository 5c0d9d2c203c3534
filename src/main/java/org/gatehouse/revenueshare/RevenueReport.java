package org.gatehouse.revenueshare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.Usd;

/**
 * The revenue a licence's holder reported for one calendar quarter, and the share due on it (SPEC §7): the aggregate
 * of one licence-quarter. The amount due is computed when it is reported (or corrected) at the licence's rate, and
 * kept with the rate it was computed at. A correction names the version it read and is audited with the figures
 * before and after.
 */
public final class RevenueReport {

    private final String licence;
    private final Quarter quarter;
    private final long storedVersion;
    private long version;
    private Usd revenue;
    private BigDecimal rate;
    private Usd due;
    private LocalDate dueOn;
    private String reportedBy;
    private Instant reportedAt;

    private RevenueReport(String licence, Quarter quarter, long version) {
        this.licence = Objects.requireNonNull(licence, "licence");
        this.quarter = Objects.requireNonNull(quarter, "quarter");
        this.version = version;
        this.storedVersion = version;
    }

    /**
     * The holder's first report of {@code quarter}, which must have ended on {@code today} (revenue of a quarter is
     * known once it is over) and fall within the licence's validity.
     */
    public static RevenueReport report(
            String licence,
            Quarter quarter,
            Usd revenue,
            RevenueShareTerms terms,
            LocalDate today,
            String by,
            Instant now) {
        if (!today.isAfter(quarter.lastDay())) {
            throw new ConflictException("revenue for " + quarter + " is reported once the quarter is over, from "
                    + quarter.lastDay().plusDays(1));
        }
        RevenueReport report = new RevenueReport(licence, quarter, 0);
        report.set(revenue, terms, by, now);
        return report;
    }

    public static RevenueReport restore(
            String licence,
            Quarter quarter,
            long version,
            Usd revenue,
            BigDecimal rate,
            Usd due,
            LocalDate dueOn,
            String reportedBy,
            Instant reportedAt) {
        RevenueReport report = new RevenueReport(licence, quarter, version);
        report.revenue = revenue;
        report.rate = rate;
        report.due = due;
        report.dueOn = dueOn;
        report.reportedBy = reportedBy;
        report.reportedAt = reportedAt;
        return report;
    }

    /** The holder corrects the revenue it reported (the share due is computed again). */
    public void correct(Usd corrected, RevenueShareTerms terms, long expectedVersion, String by, Instant now) {
        if (version != expectedVersion) {
            throw new ConflictException("the report of " + quarter + " for licence " + licence
                    + " is no longer at version " + expectedVersion + ": read it again and retry");
        }
        set(corrected, terms, by, now);
    }

    private void set(Usd amount, RevenueShareTerms terms, String by, Instant now) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("revenue is not negative");
        }
        revenue = amount;
        rate = terms.rate();
        due = terms.due(amount);
        dueOn = terms.dueOn(quarter);
        reportedBy = Objects.requireNonNull(by, "by");
        reportedAt = Objects.requireNonNull(now, "now");
        version++;
    }

    public String licence() {
        return licence;
    }

    public Quarter quarter() {
        return quarter;
    }

    public long version() {
        return version;
    }

    public long storedVersion() {
        return storedVersion;
    }

    public Usd revenue() {
        return revenue;
    }

    /** The rate the amount due was computed at. */
    public BigDecimal rate() {
        return rate;
    }

    /** rate × revenue, rounded half-even to the cent. */
    public Usd due() {
        return due;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}
