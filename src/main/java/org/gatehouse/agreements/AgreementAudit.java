package org.gatehouse.agreements;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.audit.AuditEntry;

/** The audit events of agreements: what changed, with the agreement before and after the change. */
final class AgreementAudit {

    static final String AGREEMENT = "agreement";

    private AgreementAudit() {}

    static Map<String, Object> summary(Agreement a) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", a.status().name());
        summary.put("version", a.version());
        summary.put("country", a.terms().country().value());
        summary.put("title", a.terms().title());
        summary.put("signedOn", text(a.signedOn()));
        summary.put("inForceOn", text(a.inForceOn()));
        summary.put("terminatedOn", text(a.terminatedOn()));
        summary.put("pledgedUsd", a.investment().pledged().toString());
        summary.put("matchingRatio", a.investment().matchingRatio().toPlainString());
        summary.put(
                "homeInvestmentUsd",
                a.investment().homeInvestment() == null
                        ? null
                        : a.investment().homeInvestment().toString());
        summary.put(
                "allocationGb300e",
                a.allocation() == null ? null : a.allocation().gb300e());
        List<Map<String, Object>> commitments = a.commitments().stream()
                .map(c -> Map.<String, Object>of(
                        "number", c.number(), "status", c.status().name()))
                .toList();
        summary.put("securityCommitments", commitments);
        List<Map<String, Object>> tranches = a.tranches().stream()
                .map(t -> Map.<String, Object>of(
                        "number",
                        t.number(),
                        "dueOn",
                        t.dueOn().toString(),
                        "amountUsd",
                        t.amount().toString(),
                        "realizedUsd",
                        t.realized().toString()))
                .toList();
        summary.put("tranches", tranches);
        return summary;
    }

    static AuditEntry entry(
            String actor, String action, Map<String, Object> before, Agreement after, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", before);
        payload.put("after", summary(after));
        payload.putAll(details);
        return new AuditEntry(actor, action, AGREEMENT, after.id().toString(), payload);
    }

    /** A draw on (or a return to) the allocation: the drawn total before and after. */
    static AuditEntry allocation(
            String actor,
            String action,
            AgreementId id,
            long drawnBefore,
            long drawnAfter,
            Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", Map.of("drawnTpp", drawnBefore));
        payload.put("after", Map.of("drawnTpp", drawnAfter));
        payload.putAll(details);
        return new AuditEntry(actor, action, AGREEMENT, id.toString(), payload);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
