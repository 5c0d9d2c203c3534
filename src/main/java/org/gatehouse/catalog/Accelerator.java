package org.gatehouse.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One accelerator chip: its exact TPP (a whole number), performance density and memory bandwidth; {@code custom}
 * when it was described by an application rather than taken from the catalogue.
 *
 * @param memoryBandwidthGbs memory bandwidth in GB/s, or 0 when unknown (only custom items may omit it)
 */
public record Accelerator(
        String name, String vendor, long tpp, BigDecimal performanceDensity, long memoryBandwidthGbs, boolean custom) {

    /** The largest TPP accepted for one chip: ten times the densest chip known, a guard against typing errors. */
    public static final long TPP_MAX = 10_000_000;

    public Accelerator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(performanceDensity, "performanceDensity");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        if (tpp <= 0 || tpp > TPP_MAX) {
            throw new IllegalArgumentException("tpp: must be a positive integer ≤ " + TPP_MAX + ", got " + tpp);
        }
        if (performanceDensity.signum() < 0) {
            throw new IllegalArgumentException("pd: must not be negative, got " + performanceDensity.toPlainString());
        }
        if (memoryBandwidthGbs < 0) {
            throw new IllegalArgumentException("memory_bandwidth_gbs: must not be negative, got " + memoryBandwidthGbs);
        }
    }

    /** Whether the chip meets the 3A090.a thresholds. */
    public boolean controlled() {
        return Eccn.isControlledChip(tpp, performanceDensity);
    }

    /** Whether the memory bandwidth is known. */
    public boolean hasMemoryBandwidth() {
        return memoryBandwidthGbs > 0;
    }
}
