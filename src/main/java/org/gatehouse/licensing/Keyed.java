package org.gatehouse.licensing;

import java.util.Objects;

/**
 * A report recorded under an {@code Idempotency-Key}, with the SHA-256 of the request that made it: a retry with the
 * same key and request gets the record back; the same key with another request is refused.
 */
public record Keyed<T>(T record, String requestSha256) {

    public Keyed {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(requestSha256, "requestSha256");
    }
}
