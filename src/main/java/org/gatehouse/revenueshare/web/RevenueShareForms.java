package org.gatehouse.revenueshare.web;

import java.math.BigDecimal;

/** The request shapes of the revenue-share API, raw as clients send them (amounts as JSON numbers, dates yyyy-mm-dd). */
final class RevenueShareForms {

    private RevenueShareForms() {}

    /** Revenue for a quarter ({@code 2026-Q3}); {@code version}: absent for the first report, the one read to correct. */
    record Report(String quarter, BigDecimal revenueUsd, Long version) {}

    /** A payment received for a quarter, on a day, under the payer's reference. */
    record Remittance(String quarter, BigDecimal amountUsd, String paidOn, String reference) {}
}
