package org.gatehouse.licensing.web;

import java.time.LocalDate;
import java.util.List;
import org.gatehouse.licensing.AmendedLine;
import org.gatehouse.licensing.Amendment;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;

/** Turns an {@link AmendmentForm} into a checked {@link Amendment}, naming every bad field by its path. */
final class AmendmentBinder {

    private AmendmentBinder() {}

    /** @throws InvalidInputException naming every refused field */
    static Amendment bind(AmendmentForm form) {
        InputCheck check = new InputCheck();
        if (form == null) {
            check.reject("body", "is required");
            check.throwIfInvalid();
        }
        List<AmendedLine> lines = Forms.list(
                check, "lines", form.lines(), Amendment::requireSize, (path, line) -> line(check, path, line));
        LocalDate validUntil = Forms.date(check, "validUntil", form.validUntil());
        Amendment amendment =
                check.field("", () -> new Amendment(lines, validUntil, form.officerConditions(), form.reason()));
        check.throwIfInvalid();
        return amendment;
    }

    private static AmendedLine line(InputCheck check, String path, AmendmentForm.LineForm form) {
        long line = Forms.whole(check, path + ".line", form.line(), 1);
        long quantity = Forms.whole(check, path + ".quantity", form.quantity(), 0);
        return check.field(path, () -> {
            if (line < 1 || line > Integer.MAX_VALUE) {
                throw InvalidInputException.of("line", "must be a line number 1.., got " + line);
            }
            return new AmendedLine((int) line, quantity);
        });
    }
}
