package org.gatehouse.licensing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.gatehouse.applications.LineItem;
import org.gatehouse.policy.Line;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/**
 * One line of a shipment report: the item as the licence names it, how many units left, and their value in US
 * dollars. Checks its own fields, naming each one that is refused.
 *
 * @param valueUsd 0..{@link #VALUE_USD_MAX} with at most 2 decimals, kept with exactly 2
 */
public record ShipmentLine(String item, long quantity, BigDecimal valueUsd) implements Reported {

    /** The same ceiling as an application's value: 10^15 dollars. */
    public static final BigDecimal VALUE_USD_MAX = new BigDecimal("1000000000000000");

    public ShipmentLine(String item, long quantity, BigDecimal valueUsd) {
        InputCheck check = new InputCheck();
        this.item = check.field("item", () -> Text.required(item, LineItem.ITEM_CHARS_MAX));
        this.quantity = quantity;
        if (quantity < 1 || quantity > Line.QUANTITY_MAX) {
            check.reject("quantity", "must be a whole number 1.." + Line.QUANTITY_MAX + ", got " + quantity);
        }
        this.valueUsd = check.field("valueUsd", () -> usd(valueUsd));
        check.throwIfInvalid();
    }

    /** A value in US dollars: required, 0..10^15 with at most 2 decimals, kept with exactly 2. */
    static BigDecimal usd(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
        if (value.signum() < 0
                || value.compareTo(VALUE_USD_MAX) > 0
                || value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must be 0.." + VALUE_USD_MAX.toPlainString()
                    + " with at most 2 decimals, got " + Text.number(value));
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
