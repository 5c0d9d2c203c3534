package org.gatehouse.licensing;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a licence as kept: the change that made it (issued, amended, suspended, reinstated, revoked,
 * expired), the terms after it, why, who and when; an amendment that raised quantities keeps the assessment it passed.
 *
 * @param reason the officer's reason, or null (issue and expiry need none)
 * @param assessmentJson the SPEC §4 assessment of an amendment's increase, or null
 */
public record LicenceVersion(
        LicenceNumber number,
        long version,
        String action,
        LicenceTerms terms,
        String reason,
        String actor,
        Instant at,
        String assessmentJson) {

    public LicenceVersion {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
    }
}
