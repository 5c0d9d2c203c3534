package org.gatehouse.screening;

/** What a list entry designates, when the list says; {@link #UNKNOWN} when it does not (CSL rows often do not). */
public enum EntryType {
    ENTITY,
    INDIVIDUAL,
    VESSEL,
    AIRCRAFT,
    UNKNOWN;

    /** The type a list writes as {@code text} ("individual", "Entity", "-0-"…), {@link #UNKNOWN} when unrecognized. */
    static EntryType parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "entity" -> ENTITY;
            case "individual" -> INDIVIDUAL;
            case "vessel" -> VESSEL;
            case "aircraft" -> AIRCRAFT;
            default -> UNKNOWN;
        };
    }
}
