package org.gatehouse.licensing;

import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/** Why an officer suspends, reinstates or revokes a licence: required free text, kept with the version and audited. */
public record ChangeReason(String text) {

    public ChangeReason(String text) {
        InputCheck check = new InputCheck();
        this.text = check.field("reason", () -> Text.required(text, Amendment.REASON_CHARS_MAX));
        check.throwIfInvalid();
    }
}
