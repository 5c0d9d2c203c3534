package org.gatehouse.licensing.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * An amendment as an officer sends it: the lines to change (line number and new quantity), a new last valid day, new
 * officer's conditions — each optional — and the reason; {@link AmendmentBinder} turns it into a checked
 * {@link org.gatehouse.licensing.Amendment}.
 */
record AmendmentForm(List<LineForm> lines, String validUntil, String officerConditions, String reason) {

    /** A changed line as sent. */
    record LineForm(BigDecimal line, BigDecimal quantity) {}
}
