package org.gatehouse.applications;

import java.time.Instant;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;

/**
 * An application as recorded: its content, where it stands and, once submitted, the assessment it
 * was registered with (policy id, version and hash, outcome, tier, review path, the §4 JSON).
 *
 * @param version increases with every change; a client that read version N changes it only as N
 * @param assessment the SPEC §4 assessment JSON, or null for a draft
 */
public record StoredApplication(
        ApplicationId id,
        OrganizationId organizationId,
        ApplicationState state,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        ApplicationContent content,
        Registration registration) {

    /** What submission recorded. */
    public record Registration(
            String policyId,
            String policyVersion,
            String policySha256,
            String outcome,
            String tier,
            String reviewPath,
            long controlledTpp,
            String assessmentJson) {}
}
