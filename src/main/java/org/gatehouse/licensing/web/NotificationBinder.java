package org.gatehouse.licensing.web;

import java.time.LocalDate;
import java.util.List;
import org.gatehouse.licensing.NotificationLine;
import org.gatehouse.licensing.NotificationReport;
import org.gatehouse.licensing.ShipmentReport;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;

/** Turns a {@link NotificationForm} into a checked {@link NotificationReport}, naming every bad field by its path. */
final class NotificationBinder {

    private NotificationBinder() {}

    /** @throws InvalidInputException naming every refused field */
    static NotificationReport bind(NotificationForm form) {
        InputCheck check = new InputCheck();
        if (form == null) {
            check.reject("body", "is required");
            check.throwIfInvalid();
        }
        LocalDate shippedOn = Forms.date(check, "shippedOn", form.shippedOn());
        List<NotificationLine> lines = Forms.list(
                check, "lines", form.lines(), ShipmentReport::requireSize, (path, line) -> line(check, path, line));
        NotificationReport report = check.field("", () -> new NotificationReport(shippedOn, lines, form.reference()));
        check.throwIfInvalid();
        return report;
    }

    private static NotificationLine line(InputCheck check, String path, NotificationForm.LineForm form) {
        long quantity = Forms.whole(check, path + ".quantity", form.quantity(), 1);
        return check.field(path, () -> new NotificationLine(form.item(), quantity));
    }
}
