package org.gatehouse.licensing.web;

import org.gatehouse.licensing.ChangeReason;
import org.gatehouse.trade.InvalidInputException;

/** Turns a {@link ReasonForm} into a checked {@link ChangeReason}. */
final class ReasonBinder {

    private ReasonBinder() {}

    /** @throws InvalidInputException naming the refused field */
    static ChangeReason bind(ReasonForm form) {
        return new ChangeReason(form == null ? null : form.reason());
    }
}
