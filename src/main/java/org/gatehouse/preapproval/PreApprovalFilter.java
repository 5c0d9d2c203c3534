package org.gatehouse.preapproval;

import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;

/**
 * Which pre-approvals a list shows: by state, company (canonical key of the company or its ultimate parent) and
 * country; and whose they are, set by the service from the caller (null: no restriction).
 *
 * @param requestedBy only those this organization asked for
 * @param buyerKey with {@code requestedBy}: also those for the company with this key (a buyer's own)
 * @param inspector only those with an inspection assigned to this inspector
 */
public record PreApprovalFilter(
        PreApprovalState state,
        String companyKey,
        CountryCode country,
        OrganizationId requestedBy,
        String buyerKey,
        String inspector) {

    public PreApprovalFilter scopedTo(OrganizationId organization, String ownKey) {
        return new PreApprovalFilter(state, companyKey, country, organization, ownKey, null);
    }

    public PreApprovalFilter assignedTo(String username) {
        return new PreApprovalFilter(state, companyKey, country, null, null, username);
    }
}
