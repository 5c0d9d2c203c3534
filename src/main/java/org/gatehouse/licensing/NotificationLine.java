package org.gatehouse.licensing;

import org.gatehouse.applications.LineItem;
import org.gatehouse.policy.Line;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/** One line of a post-shipment notification: an item of the exemption and how many units left. Checks its fields. */
public record NotificationLine(String item, long quantity) implements Reported {

    public NotificationLine(String item, long quantity) {
        InputCheck check = new InputCheck();
        this.item = check.field("item", () -> Text.required(item, LineItem.ITEM_CHARS_MAX));
        this.quantity = quantity;
        if (quantity < 1 || quantity > Line.QUANTITY_MAX) {
            check.reject("quantity", "must be a whole number 1.." + Line.QUANTITY_MAX + ", got " + quantity);
        }
        check.throwIfInvalid();
    }
}
