package org.gatehouse.revenueshare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.gatehouse.trade.Usd;

/** A payment of revenue share received for one licence's quarter, with the payment's reference. */
public record Remittance(
        UUID id,
        String licence,
        Quarter quarter,
        Usd amount,
        LocalDate paidOn,
        String reference,
        String recordedBy,
        Instant recordedAt) {

    /** Longest payment reference. */
    public static final int REFERENCE_CHARS_MAX = 200;

    public Remittance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a remittance is more than 0 US dollars");
        }
    }
}
