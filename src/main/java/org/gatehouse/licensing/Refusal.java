package org.gatehouse.licensing;

import java.util.Objects;

/**
 * Why a shipment or a notification is refused, as a value: the field of the report it concerns ({@code lines[2].item};
 * empty for the record as a whole) and the reason in words the holder can act on.
 */
public record Refusal(Kind kind, String field, String reason) {

    /** What the refusal is about, which decides how it is answered. */
    public enum Kind {
        /** The licence or exemption cannot take any report now (suspended, revoked, expired, lapsed): 409. */
        STATE,
        /** The report does not fit the record (an item not on it, a missing test report, a date outside it): 400. */
        INPUT,
        /** More than what remains: 409. */
        QUANTITY
    }

    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** The refusal as a sentence: the field, then why. */
    public String sentence() {
        return field.isEmpty() ? reason : field + ": " + reason;
    }
}
