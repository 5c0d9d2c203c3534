package org.gatehouse.licensing;

import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;

/**
 * Which licences a list shows; a null field does not filter.
 *
 * @param holder only this organization's (set by the service for holders, never by the client)
 */
public record LicenceFilter(OrganizationId holder, LicenceState state, CountryCode destination) {

    /** The same filter, restricted to {@code organization}'s licences. */
    public LicenceFilter withHolder(OrganizationId organization) {
        return new LicenceFilter(organization, state, destination);
    }
}
