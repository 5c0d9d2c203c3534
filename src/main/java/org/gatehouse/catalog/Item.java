package org.gatehouse.catalog;

import java.util.Objects;

/**
 * Something a line item can name: a single accelerator, or a system holding a fixed number of one accelerator
 * (SPEC §2.2); a system expands to its accelerators for every computation.
 */
public record Item(String name, Accelerator accelerator, int acceleratorsPerUnit, boolean system) {

    /** The most accelerators one system may hold (the largest rack today holds 72). */
    public static final int ACCELERATORS_PER_UNIT_MAX = 1_000;

    public Item {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accelerator, "accelerator");
        if (acceleratorsPerUnit < 1 || acceleratorsPerUnit > ACCELERATORS_PER_UNIT_MAX) {
            throw new IllegalArgumentException(
                    "accelerators per unit: must be 1.." + ACCELERATORS_PER_UNIT_MAX + ", got " + acceleratorsPerUnit);
        }
        if (!system && acceleratorsPerUnit != 1) {
            throw new IllegalArgumentException("an accelerator is one per unit");
        }
    }

    /** The item for one accelerator. */
    public static Item of(Accelerator accelerator) {
        return new Item(accelerator.name(), accelerator, 1, false);
    }

    /** TPP of one unit of this item: the chip's TPP times the chips per unit (exact). */
    public long tppPerUnit() {
        return accelerator.tpp() * acceleratorsPerUnit;
    }

    /** Whether the item (or the chips in it) meets the 3A090.a thresholds. */
    public boolean controlled() {
        return accelerator.controlled();
    }

    /** 3A090.a for a controlled chip, 4A090.a for a system holding one, NOT_CONTROLLED otherwise. */
    public Eccn eccn() {
        if (!controlled()) {
            return Eccn.NOT_CONTROLLED;
        }
        return system ? Eccn.ECCN_4A090_A : Eccn.ECCN_3A090_A;
    }
}
