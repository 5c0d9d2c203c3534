package org.gatehouse.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gatehouse.audit.AuditEntry;

/** The audit events of a case's changes: what changed, with a summary of the case after it. */
final class CaseAudit {

    private CaseAudit() {}

    static AuditEntry entry(String actor, String action, Case review, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("state", review.state().name());
        payload.put("version", review.version());
        payload.put("company", review.subject().company().display());
        payload.put("destination", review.subject().destination().value());
        payload.put(
                "tier",
                review.subject().tier() == null ? null : review.subject().tier().name());
        payload.put("assignee", review.assignee());
        payload.putAll(details);
        return new AuditEntry(
                actor, action, CaseService.CASE, review.applicationId().toString(), payload);
    }
}
