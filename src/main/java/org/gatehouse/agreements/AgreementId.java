package org.gatehouse.agreements;

import java.util.Objects;
import java.util.UUID;

/** Identifies a government-to-government agreement. */
public record AgreementId(UUID value) {

    public AgreementId {
        Objects.requireNonNull(value, "value");
    }

    public static AgreementId random() {
        return new AgreementId(UUID.randomUUID());
    }

    /** Parses client input; refuses anything but a UUID. */
    public static AgreementId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("must be a UUID");
        }
        try {
            return new AgreementId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
