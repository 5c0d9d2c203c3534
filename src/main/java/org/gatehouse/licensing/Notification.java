package org.gatehouse.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.gatehouse.trade.ApplicationId;

/**
 * A post-shipment notification as recorded against an exemption: what the exporter notified, what it drew from
 * each line, the compute it moved from RESERVED to SHIPPED, when it was due and whether it came late.
 *
 * @param dueOn the last day it was on time: the shipment date plus the policy's notification days
 * @param late filed after {@code dueOn}: accepted, and flagged for the authority
 */
public record Notification(
        UUID id,
        ApplicationId exemption,
        LocalDate shippedOn,
        List<NotificationLine> lines,
        List<Drawdown> drawdowns,
        long tpp,
        String reference,
        LocalDate dueOn,
        boolean late,
        String filedBy,
        Instant filedAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(exemption, "exemption");
        Objects.requireNonNull(shippedOn, "shippedOn");
        lines = List.copyOf(lines);
        drawdowns = List.copyOf(drawdowns);
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(filedAt, "filedAt");
        if (tpp < 0) {
            throw new IllegalArgumentException("TPP must not be negative, got " + tpp);
        }
    }
}
