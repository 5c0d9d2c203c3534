package org.gatehouse.applications;

import java.math.BigDecimal;
import org.gatehouse.catalog.Accelerator;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.catalog.Item;
import org.gatehouse.policy.Line;

/**
 * One line of an application: a catalogue item or system by name, or a chip that is not in the
 * catalogue described by its TPP and performance density (and memory bandwidth), and a quantity.
 */
public record LineItem(String item, CustomChip custom, long quantity) {

    /** A chip that is not in the catalogue (SPEC §2.1). */
    public record CustomChip(String name, long tpp, BigDecimal performanceDensity, Long memoryBandwidthGbs) {

        public static final BigDecimal PERFORMANCE_DENSITY_MAX = new BigDecimal("100000");
        public static final long MEMORY_BANDWIDTH_GBS_MAX = 1_000_000;

        public CustomChip {
            name = Texts.text(name, 100, true);
            if (tpp < 1 || tpp > Accelerator.TPP_MAX) {
                throw new IllegalArgumentException("tpp must be 1.." + Accelerator.TPP_MAX + ", got " + tpp);
            }
            performanceDensity = performanceDensity(performanceDensity);
            if (memoryBandwidthGbs != null
                    && (memoryBandwidthGbs < 1 || memoryBandwidthGbs > MEMORY_BANDWIDTH_GBS_MAX)) {
                throw new IllegalArgumentException("memoryBandwidthGbs must be 1.." + MEMORY_BANDWIDTH_GBS_MAX);
            }
        }

        /** A positive density ≤ {@link #PERFORMANCE_DENSITY_MAX} with at most 4 decimals, trailing zeros dropped. */
        public static BigDecimal performanceDensity(BigDecimal value) {
            if (value == null) {
                throw new IllegalArgumentException("is required");
            }
            BigDecimal density = value.stripTrailingZeros();
            if (density.signum() <= 0 || density.compareTo(PERFORMANCE_DENSITY_MAX) > 0 || density.scale() > 4) {
                throw new IllegalArgumentException("must be a positive number ≤ " + PERFORMANCE_DENSITY_MAX
                        + " with at most 4 decimals, got " + Texts.number(value));
            }
            return density;
        }
    }

    public LineItem {
        if ((item == null) == (custom == null)) {
            throw new IllegalArgumentException("give either item (a catalogue name) or custom (a chip's tpp and"
                    + " performanceDensity), not " + (item == null ? "neither" : "both"));
        }
        if (item != null) {
            item = catalogueItem(item);
        }
        if (quantity < 1 || quantity > Line.QUANTITY_MAX) {
            throw new IllegalArgumentException(
                    "quantity must be a whole number 1.." + Line.QUANTITY_MAX + ", got " + quantity);
        }
    }

    /** The catalogue's own spelling of an item or system named by the client (case and spaces ignored). */
    public static String catalogueItem(String name) {
        String text = Texts.text(name, 100, true);
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
