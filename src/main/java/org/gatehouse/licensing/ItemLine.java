package org.gatehouse.licensing;

import java.util.Locale;
import java.util.Objects;
import org.gatehouse.applications.LineItem;
import org.gatehouse.catalog.Item;
import org.gatehouse.policy.Line;

/**
 * One line of a licence or an exemption: the item as the application named it, whether it is controlled, its exact
 * TPP per unit (so shipments move exactly the compute they carry), the quantity granted and the quantity shipped.
 *
 * @param number the line's position on the application, from 1
 * @param quantity the authorized (licence) or exempted (exemption) quantity
 * @param shipped how much of it has been shipped, 0..quantity
 */
public record ItemLine(int number, String item, boolean controlled, long tppPerUnit, long quantity, long shipped) {

    public ItemLine {
        if (number < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + number);
        }
        Objects.requireNonNull(item, "item");
        if (tppPerUnit < 1) {
            throw new IllegalArgumentException("TPP per unit must be positive, got " + tppPerUnit);
        }
        if (quantity < 0 || quantity > Line.QUANTITY_MAX) {
            throw new IllegalArgumentException("quantity must be 0.." + Line.QUANTITY_MAX + ", got " + quantity);
        }
        if (shipped < 0 || shipped > quantity) {
            throw new IllegalArgumentException("shipped must be 0.." + quantity + ", got " + shipped);
        }
    }

    /** Line {@code number} of an application, with nothing shipped. */
    public static ItemLine of(int number, LineItem line) {
        Line resolved = line.toLine();
        Item item = resolved.item();
        return new ItemLine(number, item.name(), item.controlled(), item.tppPerUnit(), resolved.quantity(), 0);
    }

    /** What may still be shipped. */
    public long remaining() {
        return quantity - shipped;
    }

    /** The compute {@code units} of this line count for in the ledger: none when the item is not controlled. */
    public long tppOf(long units) {
        return controlled ? Math.multiplyExact(units, tppPerUnit) : 0;
    }

    /** The ledger compute of the whole line. */
    public long tpp() {
        return tppOf(quantity);
    }

    /** The ledger compute shipped on this line. */
    public long shippedTpp() {
        return tppOf(shipped);
    }

    /** Whether a client naming {@code name} means this line's item (case and surrounding spaces ignored). */
    public boolean isItem(String name) {
        return key(item).equals(key(name));
    }

    /** The line with {@code units} more shipped. */
    ItemLine ship(long units) {
        return new ItemLine(number, item, controlled, tppPerUnit, quantity, Math.addExact(shipped, units));
    }

    /** The line with its quantity changed to {@code newQuantity}. */
    ItemLine withQuantity(long newQuantity) {
        return new ItemLine(number, item, controlled, tppPerUnit, newQuantity, shipped);
    }

    static String key(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }
}
