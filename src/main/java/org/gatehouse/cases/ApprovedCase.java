package org.gatehouse.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.policy.PolicyRef;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Tpp;

/**
 * What an approved case hands to the licence it becomes: the application (holder, parties, items and quantities,
 * destination and site), the policy and assessment it was decided on, the conditions, and the validity.
 *
 * @param authorizedTpp the compute the approval moved from RESERVED to AUTHORIZED in the ledger
 * @param officerConditions conditions the officer added in words (APPROVED_WITH_CONDITIONS), or null
 * @param validUntil the last day the licence is valid (the policy's validity from the approval)
 */
public record ApprovedCase(
        ApplicationId applicationId,
        OrganizationId holder,
        ApplicationContent content,
        PolicyRef policy,
        String assessmentJson,
        Tpp authorizedTpp,
        List<LicenceCondition> conditions,
        String officerConditions,
        String approvedBy,
        Instant approvedAt,
        LocalDate validUntil) {

    public ApprovedCase {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(assessmentJson, "assessmentJson");
        Objects.requireNonNull(authorizedTpp, "authorizedTpp");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(validUntil, "validUntil");
    }
}
