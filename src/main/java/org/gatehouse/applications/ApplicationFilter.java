package org.gatehouse.applications;

import org.gatehouse.policy.Tier;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;

/**
 * Which applications a list shows; null fields do not filter. The service sets {@code organizationId}
 * from the caller, never from the request, for callers who see only their own organization's.
 *
 * @param companyKey the end user's ultimate parent, normalized as {@link org.gatehouse.trade.CompanyName#key()}
 */
public record ApplicationFilter(
        OrganizationId organizationId, ApplicationState state, Tier tier, CountryCode destination, String companyKey) {

    public ApplicationFilter withOrganization(OrganizationId organization) {
        return new ApplicationFilter(organization, state, tier, destination, companyKey);
    }
}
