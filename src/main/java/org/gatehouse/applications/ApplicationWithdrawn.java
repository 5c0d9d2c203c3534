package org.gatehouse.applications;

import java.time.Instant;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;

/**
 * The applicant withdrew a submitted application (its compute was released in the same transaction): for the
 * modules that react, such as closing its case.
 *
 * @param from the state it was withdrawn from
 */
public record ApplicationWithdrawn(
        ApplicationId applicationId, OrganizationId organizationId, ApplicationState from, Instant withdrawnAt) {}
