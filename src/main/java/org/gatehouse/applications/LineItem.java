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
            if (performanceDensity == null
                    || performanceDensity.signum() <= 0
                    || performanceDensity.compareTo(PERFORMANCE_DENSITY_MAX) > 0
                    || performanceDensity.scale() > 4) {
                throw new IllegalArgumentException("performanceDensity must be a positive number ≤ "
                        + PERFORMANCE_DENSITY_MAX + " with at most 4 decimals");
            }
            if (memoryBandwidthGbs != null
                    && (memoryBandwidthGbs < 1 || memoryBandwidthGbs > MEMORY_BANDWIDTH_GBS_MAX)) {
                throw new IllegalArgumentException("memoryBandwidthGbs must be 1.." + MEMORY_BANDWIDTH_GBS_MAX);
            }
        }
    }

    public LineItem {
        if ((item == null) == (custom == null)) {
            throw new IllegalArgumentException("give either item (a catalogue name) or custom (a chip's tpp and"
                    + " performanceDensity), not " + (item == null ? "neither" : "both"));
        }
        if (item != null) {
            String named = item;
            item = Catalog.builtIn()
                    .find(named)
                    .map(Item::name)
                    .orElseThrow(() -> new IllegalArgumentException("item: '" + Texts.text(named, 100, false)
                            + "' is not in the catalogue (see GET /api/v1/catalog);"
                            + " describe other chips with custom"));
        }
        if (quantity < 1 || quantity > Line.QUANTITY_MAX) {
            throw new IllegalArgumentException(
                    "quantity must be a whole number 1.." + Line.QUANTITY_MAX + ", got " + quantity);
        }
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
