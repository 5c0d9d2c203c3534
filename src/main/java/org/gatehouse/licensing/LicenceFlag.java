package org.gatehouse.licensing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A flag on a licence (a FAILED on-site inspection of its end user's or ultimate parent's sites): raised by the module
 * that found the cause, shown on the licence until an officer clears it with a reason.
 *
 * @param flag what raised it, e.g. {@code inspection:5c1a…}; one open flag per licence and cause
 * @param kind e.g. {@code INSPECTION_FAILED}
 */
public record LicenceFlag(
        UUID id,
        LicenceNumber licence,
        String flag,
        String kind,
        String reason,
        String raisedBy,
        Instant raisedAt,
        String clearedBy,
        Instant clearedAt,
        String clearReason) {

    /** Longest reason of a flag or of its clearing. */
    public static final int REASON_CHARS_MAX = 4_000;

    public LicenceFlag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raisedBy, "raisedBy");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    public boolean open() {
        return clearedAt == null;
    }
}
