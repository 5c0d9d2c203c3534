package org.gatehouse.licensing;

import org.gatehouse.policy.Line;
import org.gatehouse.trade.InputCheck;

/**
 * A line of an amendment: the licence line it changes (from 1) and its new authorized quantity, which may be lower
 * (down to what was shipped on it) or higher (re-assessed) than before. Checks its own fields.
 */
public record AmendedLine(int line, long quantity) {

    public AmendedLine {
        InputCheck check = new InputCheck();
        if (line < 1 || line > ItemLines.LINES_MAX) {
            check.reject("line", "must be a line number 1.." + ItemLines.LINES_MAX + ", got " + line);
        }
        if (quantity < 0 || quantity > Line.QUANTITY_MAX) {
            check.reject("quantity", "must be a whole number 0.." + Line.QUANTITY_MAX + ", got " + quantity);
        }
        check.throwIfInvalid();
    }
}
