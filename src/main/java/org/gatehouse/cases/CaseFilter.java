package org.gatehouse.cases;

import org.gatehouse.identity.Agency;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.OrganizationId;

/**
 * Which cases a list shows: a queue and optional filters (null: no filter). The service fills {@code organization}
 * (an applicant sees its own cases), {@code agency} (an agency sees the cases referred to it) and {@code assignee}
 * from the caller, never from the request.
 */
public record CaseFilter(
        CaseQueue queue,
        Tier tier,
        CountryCode destination,
        String companyKey,
        ReviewPath reviewPath,
        OrganizationId organization,
        Agency agency,
        String assignee) {

    public CaseFilter withOrganization(OrganizationId value) {
        return new CaseFilter(queue, tier, destination, companyKey, reviewPath, value, agency, assignee);
    }

    public CaseFilter withAgency(Agency value) {
        return new CaseFilter(queue, tier, destination, companyKey, reviewPath, organization, value, assignee);
    }

    public CaseFilter withAssignee(String value) {
        return new CaseFilter(queue, tier, destination, companyKey, reviewPath, organization, agency, value);
    }
}
