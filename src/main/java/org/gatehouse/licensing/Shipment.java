package org.gatehouse.licensing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A shipment as recorded against a licence: what its holder reported and what it drew from each line of the licence,
 * with the ledger compute it moved from AUTHORIZED to SHIPPED.
 *
 * @param tpp the compute of its controlled units
 * @param testReportSha256 the US third-party test report, or null
 * @param reference the holder's own reference, or null
 */
public record Shipment(
        UUID id,
        LicenceNumber licence,
        LocalDate shippedOn,
        List<ShipmentLine> lines,
        List<Drawdown> drawdowns,
        BigDecimal valueUsd,
        long tpp,
        String testReportSha256,
        String reference,
        String reportedBy,
        Instant reportedAt) {

    public Shipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(shippedOn, "shippedOn");
        lines = List.copyOf(lines);
        drawdowns = List.copyOf(drawdowns);
        Objects.requireNonNull(valueUsd, "valueUsd");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (tpp < 0) {
            throw new IllegalArgumentException("TPP must not be negative, got " + tpp);
        }
    }
}
