package org.gatehouse.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A licence's terms at one version: its state, last valid day, the officer's conditions and its lines (authorized
 * quantities, with what had been shipped by then). Versions keep these, so an amended licence stays readable as it was.
 */
public record LicenceTerms(LicenceState state, LocalDate validUntil, String officerConditions, List<ItemLine> lines) {

    public LicenceTerms {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(validUntil, "validUntil");
        lines = List.copyOf(lines);
    }
}
