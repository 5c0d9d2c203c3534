package org.gatehouse.preapproval;

import java.util.Objects;
import java.util.UUID;

/** Identifies an on-site inspection. */
public record InspectionId(UUID value) {

    public InspectionId {
        Objects.requireNonNull(value, "value");
    }

    public static InspectionId random() {
        return new InspectionId(UUID.randomUUID());
    }

    /** Parses client input; refuses anything but a UUID. */
    public static InspectionId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("must be a UUID");
        }
        try {
            return new InspectionId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
