package org.gatehouse.preapproval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gatehouse.audit.AuditEntry;

/** The audit events of pre-approvals and inspections: what changed, with the record before and after the change. */
final class PreApprovalAudit {

    static final String PRE_APPROVAL = "preapproval";
    static final String INSPECTION = "inspection";

    private PreApprovalAudit() {}

    /** The summary of a pre-approval that an event records before and after a change. */
    static Map<String, Object> summary(PreApproval p) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("state", p.state().name());
        summary.put("version", p.version());
        summary.put("company", p.request().company().display());
        summary.put("ultimateParent", p.request().ultimateParent().display());
        summary.put(
                "countries",
                p.request().countries().stream().map(Object::toString).toList());
        summary.put("validFrom", p.validFrom() == null ? null : p.validFrom().toString());
        summary.put("validUntil", p.validUntil() == null ? null : p.validUntil().toString());
        summary.put("conditions", p.conditions());
        summary.put("reason", p.reason());
        return summary;
    }

    static Map<String, Object> summary(Inspection i) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("state", i.state().name());
        summary.put("version", i.version());
        summary.put("preApproval", i.preApprovalId().toString());
        summary.put("site", i.site().name());
        summary.put("scheduledFor", i.scheduledFor().toString());
        summary.put("inspector", i.inspector());
        if (i.result() != null) {
            summary.put("outcome", i.result().outcome().name());
            summary.put("performedOn", i.result().performedOn().toString());
            summary.put("reportSha256", i.result().reportSha256());
            summary.put(
                    "remediationDueOn",
                    i.result().remediationDueOn() == null
                            ? null
                            : i.result().remediationDueOn().toString());
        }
        return summary;
    }

    static AuditEntry preApproval(
            String actor, String action, Map<String, Object> before, PreApproval after, Map<String, Object> details) {
        return new AuditEntry(
                actor, action, PRE_APPROVAL, after.id().toString(), payload(before, summary(after), details));
    }

    static AuditEntry inspection(
            String actor, String action, Map<String, Object> before, Inspection after, Map<String, Object> details) {
        return new AuditEntry(
                actor, action, INSPECTION, after.id().toString(), payload(before, summary(after), details));
    }

    private static Map<String, Object> payload(
            Map<String, Object> before, Map<String, Object> after, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", before);
        payload.put("after", after);
        payload.putAll(details);
        return payload;
    }
}
