package org.gatehouse.applications;

import java.time.Instant;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;

/**
 * An application was submitted and registered: for the modules that react (a case opens for a licence; an
 * exemption awaits its post-shipment notification). Published after the submission's own changes, in its
 * transaction, through the event publication registry.
 *
 * @param state where submission put it (SUBMITTED, EXEMPT, RETURNED_WITHOUT_ACTION)
 */
public record ApplicationSubmitted(
        ApplicationId applicationId,
        OrganizationId organizationId,
        ApplicationState state,
        Outcome outcome,
        Tier tier,
        ReviewPath reviewPath,
        Instant submittedAt) {}
