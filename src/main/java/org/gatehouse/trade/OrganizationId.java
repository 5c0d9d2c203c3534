package org.gatehouse.trade;

import java.util.Objects;
import java.util.UUID;

/** Identifies organization records; a type of its own so that ids of different records cannot be mixed up. */
public record OrganizationId(UUID value) {

    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    /** Parses client input; refuses anything but a UUID. */
    public static OrganizationId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("is required");
        }
        if (text.length() != 36) {
            throw new IllegalArgumentException("must be a UUID");
        }
        try {
            return new OrganizationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
