package org.gatehouse.licensing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.ledger.Movement;

/**
 * The audit events of licences and exemptions: what changed, before and after. Compute travels as decimal strings
 * (TPP sums may exceed the 2^53 that audit numbers allow); lines are summarized to those a change touched, so an event
 * stays small whatever the size of the licence (its full terms are kept by its version).
 */
final class LicensingAudit {

    /**
     * Lines described in one event: a report may have a thousand, which would not fit the audit log's payload limit;
     * the rest are counted ({@code moreLines}) and stay readable in the shipment, notification or version itself.
     */
    static final int LINES_MAX = 100;

    static final String LICENCE = "licence";
    static final String EXEMPTION = "exemption";

    private LicensingAudit() {}

    static AuditEntry issued(String actor, Licence licence) {
        Map<String, Object> payload = licence(licence);
        payload.put("applicationId", licence.applicationId().toString());
        payload.put("holder", licence.holder().toString());
        payload.put("company", licence.content().company().display());
        payload.put("validFrom", licence.validFrom().toString());
        payload.put("lineCount", licence.lines().lines().size());
        payload.put("authorizedTpp", Long.toString(licence.lines().tpp()));
        payload.put(
                "conditions",
                licence.conditions().stream()
                        .map(LicenceCondition::code)
                        .map(Enum::name)
                        .toList());
        payload.put("officerConditions", licence.officerConditions());
        payload.put("policy", licence.policy().toString());
        payload.put("tier", licence.tier() == null ? null : licence.tier().name());
        return entry(actor, "licence.issued", licence, payload);
    }

    static AuditEntry amended(
            String actor, Licence licence, Amended amended, String reason, Map<String, Object> reassessment) {
        Map<String, Object> payload = licence(licence);
        List<Map<String, Object>> changedLines = new ArrayList<>();
        for (int i = 0; i < amended.after().lines().size(); i++) {
            ItemLine before = amended.before().lines().get(i);
            ItemLine after = amended.after().lines().get(i);
            if (before.quantity() != after.quantity() && changedLines.size() < LINES_MAX) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("line", after.number());
                line.put("item", after.item());
                line.put("before", before.quantity());
                line.put("after", after.quantity());
                line.put("shipped", after.shipped());
                changedLines.add(line);
            }
        }
        payload.put("lines", changedLines);
        payload.put("moreLines", changed(amended) - changedLines.size());
        payload.put("validUntilBefore", amended.before().validUntil().toString());
        payload.put("officerConditionsBefore", amended.before().officerConditions());
        payload.put("officerConditions", amended.after().officerConditions());
        payload.put("increasedTpp", Long.toString(amended.increasedTpp()));
        payload.put("decreasedTpp", Long.toString(amended.decreasedTpp()));
        payload.put("reassessment", reassessment);
        payload.put("reason", reason);
        return entry(actor, "licence.amended", licence, payload);
    }

    static AuditEntry changedState(
            String actor, String action, Licence licence, LicenceState from, String reason, List<Movement> released) {
        Map<String, Object> payload = licence(licence);
        payload.put("from", from.name());
        payload.put("reason", reason);
        payload.put("releasedTpp", Long.toString(sum(released)));
        return entry(actor, action, licence, payload);
    }

    static AuditEntry shipped(String actor, Licence licence, Shipment shipment, ItemLines before) {
        Map<String, Object> payload = licence(licence);
        payload.put("shipment", shipment.id().toString());
        payload.put("shippedOn", shipment.shippedOn().toString());
        payload.put("lines", drawn(shipment.drawdowns(), before, licence.lines()));
        payload.put("moreLines", Math.max(0, shipment.drawdowns().size() - LINES_MAX));
        payload.put("tpp", Long.toString(shipment.tpp()));
        payload.put("valueUsd", shipment.valueUsd().toPlainString());
        payload.put("testReportSha256", shipment.testReportSha256());
        payload.put("reference", shipment.reference());
        return entry(actor, "licence.shipment.reported", licence, payload);
    }

    static AuditEntry registered(String actor, Exemption exemption) {
        Map<String, Object> payload = exemption(exemption);
        payload.put("holder", exemption.holder().toString());
        payload.put("company", exemption.registration().content().company().display());
        payload.put("lineCount", exemption.lines().lines().size());
        payload.put("reservedTpp", Long.toString(exemption.lines().tpp()));
        payload.put("registeredOn", exemption.registration().registeredOn().toString());
        payload.put("shipBy", exemption.shipBy().toString());
        payload.put("lapsesOn", exemption.lapsesOn().toString());
        payload.put("notificationDays", exemption.registration().notificationDays());
        payload.put("policy", exemption.registration().policy().toString());
        return entry(actor, "exemption.registered", exemption, payload);
    }

    static AuditEntry notified(
            String actor, Exemption exemption, ExemptionState from, Notification notification, ItemLines before) {
        Map<String, Object> payload = exemption(exemption);
        payload.put("from", from.name());
        payload.put("notification", notification.id().toString());
        payload.put("shippedOn", notification.shippedOn().toString());
        payload.put("dueOn", notification.dueOn().toString());
        payload.put("late", notification.late());
        payload.put("lines", drawn(notification.drawdowns(), before, exemption.lines()));
        payload.put("moreLines", Math.max(0, notification.drawdowns().size() - LINES_MAX));
        payload.put("tpp", Long.toString(notification.tpp()));
        payload.put("reference", notification.reference());
        return entry(actor, "exemption.notified", exemption, payload);
    }

    static AuditEntry closed(
            String actor, String action, Exemption exemption, ExemptionState from, List<Movement> released) {
        Map<String, Object> payload = exemption(exemption);
        payload.put("from", from.name());
        payload.put("releasedTpp", Long.toString(sum(released)));
        return entry(actor, action, exemption, payload);
    }

    private static List<Map<String, Object>> drawn(List<Drawdown> drawdowns, ItemLines before, ItemLines after) {
        List<Map<String, Object>> lines = new ArrayList<>(Math.min(drawdowns.size(), LINES_MAX));
        for (Drawdown drawdown : drawdowns.subList(0, Math.min(drawdowns.size(), LINES_MAX))) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", drawdown.line());
            line.put("item", drawdown.item());
            line.put("quantity", drawdown.quantity());
            line.put("remainingBefore", before.line(drawdown.line()).remaining());
            line.put("remainingAfter", after.line(drawdown.line()).remaining());
            lines.add(line);
        }
        return lines;
    }

    private static int changed(Amended amended) {
        int changed = 0;
        for (int i = 0; i < amended.after().lines().size(); i++) {
            if (amended.before().lines().get(i).quantity()
                    != amended.after().lines().get(i).quantity()) {
                changed++;
            }
        }
        return changed;
    }

    private static long sum(List<Movement> movements) {
        long sum = 0;
        for (Movement movement : movements) {
            sum = Math.addExact(sum, movement.tpp().value());
        }
        return sum;
    }

    private static Map<String, Object> licence(Licence licence) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("state", licence.state().name());
        payload.put("version", licence.version());
        payload.put("destination", licence.content().destination());
        payload.put("validUntil", licence.validUntil().toString());
        return payload;
    }

    private static Map<String, Object> exemption(Exemption exemption) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("state", exemption.state().name());
        payload.put("version", exemption.version());
        payload.put("destination", exemption.registration().content().destination());
        return payload;
    }

    private static AuditEntry entry(String actor, String action, Licence licence, Map<String, Object> payload) {
        return new AuditEntry(actor, action, LICENCE, licence.number().value(), payload);
    }

    private static AuditEntry entry(String actor, String action, Exemption exemption, Map<String, Object> payload) {
        return new AuditEntry(
                actor, action, EXEMPTION, exemption.applicationId().toString(), payload);
    }
}
