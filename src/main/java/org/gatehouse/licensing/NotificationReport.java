package org.gatehouse.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/**
 * A post-shipment notification of a tier-1 exemption, as the exporter files it: the day the shipment left, its items
 * and quantities, and the exporter's own reference. Checks its own fields; what depends on the exemption is checked
 * by {@link Exemption#notifyShipment}.
 */
public record NotificationReport(LocalDate shippedOn, List<NotificationLine> lines, String reference) {

    public NotificationReport(LocalDate shippedOn, List<NotificationLine> lines, String reference) {
        InputCheck check = new InputCheck();
        this.shippedOn = shippedOn;
        if (shippedOn == null) {
            check.reject("shippedOn", "is required");
        }
        List<NotificationLine> checked = check.field("lines", () -> bounded(lines));
        this.lines = checked == null ? List.of() : checked;
        this.reference = check.field("reference", () -> Text.optional(reference, ShipmentReport.REFERENCE_CHARS_MAX));
        check.throwIfInvalid();
    }

    private static List<NotificationLine> bounded(List<NotificationLine> lines) {
        List<NotificationLine> list = lines == null ? List.of() : lines;
        ShipmentReport.requireSize(list.size());
        list.forEach(line -> Objects.requireNonNull(line, "a line"));
        return List.copyOf(list);
    }
}
