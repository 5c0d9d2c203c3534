package org.gatehouse.licensing;

import java.util.List;
import java.util.Objects;

/**
 * What an amendment did to a licence: its terms before and after, the lines it raised (to be re-assessed) and the
 * ledger compute it adds and releases.
 *
 * @param increases each raised line and by how many units, in line order
 * @param increasedTpp the compute of the raised controlled lines: new AUTHORIZED compute, once re-assessed
 * @param decreasedTpp the compute of the lowered controlled lines: released from AUTHORIZED
 */
public record Amended(
        LicenceTerms before, LicenceTerms after, List<Increase> increases, long increasedTpp, long decreasedTpp) {

    /** A line raised by {@code units}. */
    public record Increase(int line, long units) {}

    public Amended {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        increases = List.copyOf(increases);
        if (increasedTpp < 0 || decreasedTpp < 0) {
            throw new IllegalArgumentException("TPP must not be negative");
        }
    }
}
