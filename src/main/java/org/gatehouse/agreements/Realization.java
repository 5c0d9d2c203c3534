package org.gatehouse.agreements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gatehouse.trade.Usd;

/** An amount of a tranche realized (invested in the US) on a day, with the SHA-256 of the evidence for it. */
public record Realization(
        Usd amount, LocalDate realizedOn, String evidenceSha256, String recordedBy, Instant recordedAt) {

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Realization {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(realizedOn, "realizedOn");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (evidenceSha256 == null || !SHA256.matcher(evidenceSha256).matches()) {
            throw new IllegalArgumentException("evidenceSha256 must be 64 lower-case hex digits");
        }
    }
}
