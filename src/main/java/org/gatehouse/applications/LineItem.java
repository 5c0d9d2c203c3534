package org.gatehouse.applications;

import java.math.BigDecimal;
import org.gatehouse.catalog.Accelerator;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.catalog.Item;
import org.gatehouse.policy.Line;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/**
 * One line of an application: a catalogue item or system by name, or a chip that is not in the
 * catalogue described by its TPP and performance density (and memory bandwidth), and a quantity.
 * Checks its own fields, naming each one that is refused.
 */
public record LineItem(String item, CustomChip custom, long quantity) {

    public static final int ITEM_CHARS_MAX = 100;

    /** A chip that is not in the catalogue (SPEC §2.1). */
    public record CustomChip(String name, long tpp, BigDecimal performanceDensity, Long memoryBandwidthGbs) {

        public static final BigDecimal PERFORMANCE_DENSITY_MAX = new BigDecimal("100000");
        public static final long MEMORY_BANDWIDTH_GBS_MAX = 1_000_000;

        public CustomChip(String name, long tpp, BigDecimal performanceDensity, Long memoryBandwidthGbs) {
            InputCheck check = new InputCheck();
            this.name = check.field("name", () -> Text.required(name, ITEM_CHARS_MAX));
            this.tpp = tpp;
            if (tpp < 1 || tpp > Accelerator.TPP_MAX) {
                check.reject("tpp", "must be 1.." + Accelerator.TPP_MAX + ", got " + tpp);
            }
            this.performanceDensity = check.field("performanceDensity", () -> density(performanceDensity));
            this.memoryBandwidthGbs = memoryBandwidthGbs;
            if (memoryBandwidthGbs != null
                    && (memoryBandwidthGbs < 1 || memoryBandwidthGbs > MEMORY_BANDWIDTH_GBS_MAX)) {
                check.reject(
                        "memoryBandwidthGbs", "must be 1.." + MEMORY_BANDWIDTH_GBS_MAX + ", got " + memoryBandwidthGbs);
            }
            check.throwIfInvalid();
        }

        /** A positive density ≤ {@link #PERFORMANCE_DENSITY_MAX} with at most 4 decimals, trailing zeros dropped. */
        private static BigDecimal density(BigDecimal value) {
            if (value == null) {
                throw new IllegalArgumentException("is required");
            }
            BigDecimal density = value.stripTrailingZeros();
            if (density.signum() <= 0 || density.compareTo(PERFORMANCE_DENSITY_MAX) > 0 || density.scale() > 4) {
                throw new IllegalArgumentException("must be a positive number ≤ " + PERFORMANCE_DENSITY_MAX
                        + " with at most 4 decimals, got " + Text.number(value));
            }
            return density;
        }
    }

    public LineItem(String item, CustomChip custom, long quantity) {
        InputCheck check = new InputCheck();
        if (item == null && custom == null) {
            check.reject("item", "is required (or describe a chip that is not in the catalogue with custom)");
        } else if (item != null && custom != null) {
            check.reject(
                    "",
                    "give either item (a catalogue name) or custom (a chip's tpp and performanceDensity), not both");
        }
        this.item = item == null ? null : check.field("item", () -> catalogueItem(item));
        this.custom = custom;
        this.quantity = quantity;
        if (quantity < 1 || quantity > Line.QUANTITY_MAX) {
            check.reject("quantity", "must be a whole number 1.." + Line.QUANTITY_MAX + ", got " + quantity);
        }
        check.throwIfInvalid();
    }

    /** The catalogue's own spelling of an item or system named by the client (case and spaces ignored). */
    private static String catalogueItem(String name) {
        String text = Text.required(name, ITEM_CHARS_MAX);
        return Catalog.builtIn()
                .find(text)
                .map(Item::name)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not in the catalogue (GET"
                        + " /api/v1/catalog lists it); describe other chips with custom"));
    }

    /** The line as the assessor takes it. */
    public Line toLine() {
        Item resolved = item != null
                ? Catalog.builtIn().item(item)
                : Catalog.customItem(
                        custom.name(),
                        custom.tpp(),
                        custom.performanceDensity(),
                        custom.memoryBandwidthGbs() == null ? 0 : custom.memoryBandwidthGbs());
        return new Line(resolved, quantity);
    }
}
