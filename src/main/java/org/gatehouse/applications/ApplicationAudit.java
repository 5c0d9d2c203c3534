package org.gatehouse.applications;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.policy.Policy;

/** The audit events of an application's changes: what changed, with a summary of the application after it. */
final class ApplicationAudit {

    private ApplicationAudit() {}

    static AuditEntry created(CurrentUser caller, Application application) {
        return entry(caller, "application.created", application, Map.of());
    }

    static AuditEntry updated(CurrentUser caller, Application application, long previousVersion) {
        return entry(caller, "application.updated", application, Map.of("previousVersion", previousVersion));
    }

    static AuditEntry discarded(CurrentUser caller, Application application) {
        return entry(caller, "application.discarded", application, Map.of());
    }

    static AuditEntry withdrawn(CurrentUser caller, Application application, ApplicationState from) {
        return entry(caller, "application.withdrawn", application, Map.of("from", from.name()));
    }

    static AuditEntry concluded(String actor, Application application, ApplicationState from) {
        Map<String, Object> payload = summary(application);
        payload.put("from", from.name());
        return new AuditEntry(
                actor,
                "application.concluded",
                ApplicationService.APPLICATION,
                application.id().toString(),
                payload);
    }

    static AuditEntry submitted(CurrentUser caller, Application application, Policy policy) {
        Registration registration = application.registration();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", application.state().name());
        details.put("outcome", registration.outcome().name());
        details.put(
                "tier", registration.tier() == null ? null : registration.tier().name());
        details.put(
                "reviewPath",
                registration.reviewPath() == null
                        ? null
                        : registration.reviewPath().name());
        details.put("gb300e", registration.controlledTpp().gb300e(policy.referenceTpp()));
        details.put("policy", registration.policy().toString());
        return entry(caller, "application.submitted", application, details);
    }

    private static AuditEntry entry(
            CurrentUser caller, String action, Application application, Map<String, Object> extra) {
        Map<String, Object> payload = summary(application);
        payload.putAll(extra);
        return new AuditEntry(
                caller.actor(),
                action,
                ApplicationService.APPLICATION,
                application.id().toString(),
                payload);
    }

    private static Map<String, Object> summary(Application application) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("state", application.state().name());
        payload.put("version", application.version());
        payload.put("destination", application.content().destination());
        payload.put("endUser", application.content().endUser().name());
        payload.put("company", application.content().company().display());
        payload.put("lines", application.content().lines().size());
        return payload;
    }
}
