package org.gatehouse.trade;

import java.util.Objects;
import java.util.UUID;

/** Identifies an application. */
public record ApplicationId(UUID value) {

    public ApplicationId {
        Objects.requireNonNull(value, "value");
    }

    public static ApplicationId random() {
        return new ApplicationId(UUID.randomUUID());
    }

    /** Parses client input; refuses anything but a UUID. */
    public static ApplicationId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("must be a UUID");
        }
        try {
            return new ApplicationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
