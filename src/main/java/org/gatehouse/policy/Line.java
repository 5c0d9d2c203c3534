package org.gatehouse.policy;

import java.util.Objects;
import org.gatehouse.catalog.Item;

/** One line item of an application: an item (chip or system) and how many units of it. */
public record Line(Item item, long quantity) {

    /** Largest quantity on one line (SPEC §2.3). */
    public static final long QUANTITY_MAX = 10_000_000;

    public Line {
        Objects.requireNonNull(item, "item");
        if (quantity < 1 || quantity > QUANTITY_MAX) {
            throw new IllegalArgumentException(
                    "quantity: must be a positive integer ≤ " + QUANTITY_MAX + ", got " + quantity);
        }
    }

    /** Exact TPP of the line: quantity × chips per unit × chip TPP (cannot overflow within the limits). */
    public long tpp() {
        return quantity * item.tppPerUnit();
    }
}
