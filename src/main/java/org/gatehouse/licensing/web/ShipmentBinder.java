package org.gatehouse.licensing.web;

import java.time.LocalDate;
import java.util.List;
import org.gatehouse.licensing.ShipmentLine;
import org.gatehouse.licensing.ShipmentReport;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;

/** Turns a {@link ShipmentForm} into a checked {@link ShipmentReport}, naming every bad field by its path. */
final class ShipmentBinder {

    private ShipmentBinder() {}

    /** @throws InvalidInputException naming every refused field */
    static ShipmentReport bind(ShipmentForm form) {
        InputCheck check = new InputCheck();
        if (form == null) {
            check.reject("body", "is required");
            check.throwIfInvalid();
        }
        LocalDate shippedOn = Forms.date(check, "shippedOn", form.shippedOn());
        List<ShipmentLine> lines = Forms.list(
                check, "lines", form.lines(), ShipmentReport::requireSize, (path, line) -> line(check, path, line));
        ShipmentReport report =
                check.field("", () -> new ShipmentReport(shippedOn, lines, form.testReportSha256(), form.reference()));
        check.throwIfInvalid();
        return report;
    }

    private static ShipmentLine line(InputCheck check, String path, ShipmentForm.LineForm form) {
        long quantity = Forms.whole(check, path + ".quantity", form.quantity(), 1);
        return check.field(path, () -> new ShipmentLine(form.item(), quantity, form.valueUsd()));
    }
}
