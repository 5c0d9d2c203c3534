package org.gatehouse.policy;

import java.util.regex.Pattern;

/**
 * The name of a tier (a band of a policy's ladder, such as {@code T2} or {@code LPP}): policies name their own tiers,
 * so this is a checked name rather than a fixed list.
 */
public record Tier(String name) {

    /** The pattern the policy schema allows for a band's tier. */
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,15}");

    public Tier {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("must be a tier name such as T1, T2 or T3");
        }
    }

    /** The tier named {@code name}, or null for null (no band applies). */
    public static Tier ofNullable(String name) {
        return name == null ? null : new Tier(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
