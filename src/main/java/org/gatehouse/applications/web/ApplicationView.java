package org.gatehouse.applications.web;

import java.time.Instant;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.Registration;
import org.gatehouse.policy.PolicyRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application as the API shows it: its content, state and version, and once submitted the
 * policy it was assessed under and the assessment (SPEC §4 form, with its explanation).
 */
record ApplicationView(
        String id,
        String organizationId,
        String state,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        ApplicationContent content,
        PolicyRef policy,
        JsonNode assessment) {

    /** The application with its assessment as the reader may see it ({@code assessmentJson}, null for a draft). */
    static ApplicationView of(Application application, String assessmentJson, JsonMapper json) {
        Registration registration = application.registration();
        return new ApplicationView(
                application.id().toString(),
                application.organizationId().value().toString(),
                application.state().name(),
                application.version(),
                application.createdBy(),
                application.createdAt(),
                application.updatedAt(),
                application.submittedAt(),
                application.content(),
                registration == null ? null : registration.policy(),
                assessmentJson == null ? null : json.readTree(assessmentJson));
    }
}
