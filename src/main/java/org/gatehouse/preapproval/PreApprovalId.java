package org.gatehouse.preapproval;

import java.util.Objects;
import java.util.UUID;

/** Identifies a buyer pre-approval. */
public record PreApprovalId(UUID value) {

    public PreApprovalId {
        Objects.requireNonNull(value, "value");
    }

    public static PreApprovalId random() {
        return new PreApprovalId(UUID.randomUUID());
    }

    /** Parses client input; refuses anything but a UUID. */
    public static PreApprovalId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("must be a UUID");
        }
        try {
            return new PreApprovalId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
