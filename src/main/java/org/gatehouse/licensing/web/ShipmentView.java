package org.gatehouse.licensing.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.licensing.Drawdown;
import org.gatehouse.licensing.Shipment;
import org.gatehouse.licensing.ShipmentLine;

/**
 * A shipment as the API shows it: what was reported, what it drew from each licence line, its value and the compute
 * it moved (a decimal string).
 */
record ShipmentView(
        String id,
        String licence,
        LocalDate shippedOn,
        List<ShipmentLine> lines,
        List<DrawdownView> drawdowns,
        BigDecimal valueUsd,
        String tpp,
        String testReportSha256,
        String reference,
        String reportedBy,
        Instant reportedAt) {

    /** What a reported line took from one licence line. */
    record DrawdownView(int reportLine, int line, String item, long quantity) {

        static List<DrawdownView> of(List<Drawdown> drawdowns) {
            return drawdowns.stream()
                    .map(d -> new DrawdownView(d.reportLine(), d.line(), d.item(), d.quantity()))
                    .toList();
        }
    }

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(
                shipment.id().toString(),
                shipment.licence().value(),
                shipment.shippedOn(),
                shipment.lines(),
                DrawdownView.of(shipment.drawdowns()),
                shipment.valueUsd(),
                Long.toString(shipment.tpp()),
                shipment.testReportSha256(),
                shipment.reference(),
                shipment.reportedBy(),
                shipment.reportedAt());
    }
}
