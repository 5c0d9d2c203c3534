package org.gatehouse.screening;

import java.util.Objects;

/**
 * A listed party whose name or alias resembles a screened name: the entry, the name or alias that matched as the list
 * writes it, the score in [0, 1] and an explanation a reviewing officer can check.
 */
public record Hit(ListEntry entry, String matchedName, boolean alias, double score, String explanation) {

    public Hit {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(matchedName, "matchedName");
        Objects.requireNonNull(explanation, "explanation");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
    }

    /** The list's source name ({@code SDN}, {@code CSL}, {@code DPL}…). */
    public String list() {
        return entry.list();
    }

    /** The entry's id in its list. */
    public String entryId() {
        return entry.id();
    }
}
