package org.gatehouse.licensing;

import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;

/**
 * Which exemptions a list shows; a null field does not filter.
 *
 * @param holder only this organization's (set by the service for holders, never by the client)
 * @param late only those with ({@code true}) or without ({@code false}) a late notification
 */
public record ExemptionFilter(OrganizationId holder, ExemptionState state, CountryCode destination, Boolean late) {

    /** The same filter, restricted to {@code organization}'s exemptions. */
    public ExemptionFilter withHolder(OrganizationId organization) {
        return new ExemptionFilter(organization, state, destination, late);
    }
}
