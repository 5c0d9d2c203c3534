package org.gatehouse.preapproval;

import org.gatehouse.trade.OrganizationId;

/**
 * Which inspections a list shows (null: any): of one pre-approval, assigned to one inspector, in one state; and, set
 * by the service for buyers and exporters, only those of pre-approvals this organization asked for or (with
 * {@code buyerKey}) for the company with this canonical key.
 */
public record InspectionFilter(
        PreApprovalId preApproval,
        String inspector,
        InspectionState state,
        OrganizationId requestedBy,
        String buyerKey) {}
