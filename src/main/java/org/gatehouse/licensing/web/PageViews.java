package org.gatehouse.licensing.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.Party;
import org.gatehouse.cases.LicenceCondition;
import org.gatehouse.licensing.Exemption;
import org.gatehouse.licensing.ItemLine;
import org.gatehouse.licensing.ItemLines;
import org.gatehouse.licensing.Licence;
import org.gatehouse.licensing.LicenceFlag;
import org.gatehouse.licensing.LicenceState;
import org.gatehouse.licensing.LicenceVersion;
import org.gatehouse.licensing.Notification;
import org.gatehouse.licensing.Reported;
import org.gatehouse.licensing.Shipment;
import org.gatehouse.policy.Requirement;
import org.gatehouse.system.Dates;

/**
 * Licences, exemptions and what was shipped under them as the pages show them: plain values in words and figures,
 * made from the records the services answered (the templates call no domain method).
 */
final class PageViews {

    private PageViews() {}

    /** A licence as a row of a list: who it is for, where, until when, and what share of it remains. */
    public record LicenceRow(
            String number,
            String reference,
            String endUser,
            String company,
            String destination,
            String standing,
            String validUntil,
            String daysLeft,
            long authorized,
            long remaining,
            int remainingPercent,
            String issued,
            String updated) {}

    static LicenceRow row(Licence licence, LocalDate today) {
        ApplicationContent content = licence.content();
        LicenceState standing = licence.standing(today);
        Units units = Units.of(licence.lines());
        return new LicenceRow(
                licence.number().value(),
                content.reference(),
                content.endUser().name(),
                content.company().display(),
                content.destination(),
                standing.name(),
                licence.validUntil().toString(),
                standing.live() ? daysLeft(today, licence.validUntil()) : "",
                units.authorized(),
                units.remaining(),
                units.remainingPercent(),
                Dates.minute(licence.issuedAt()),
                Dates.minute(licence.updatedAt()));
    }

    /** A licence's or an exemption's quantities in units, over every line. */
    record Units(long authorized, long remaining) {

        static Units of(ItemLines lines) {
            long authorized = 0;
            long remaining = 0;
            for (ItemLine line : lines.lines()) {
                authorized += line.quantity();
                remaining += line.remaining();
            }
            return new Units(authorized, remaining);
        }

        /** What remains as a whole percentage of what was granted, rounded down (0 when nothing was granted). */
        int remainingPercent() {
            return authorized == 0 ? 0 : (int) (remaining * 100 / authorized);
        }
    }

    /** A line of a licence or an exemption: what was granted, what left, what remains. */
    public record LineRow(
            int line, String item, boolean controlled, long quantity, long shipped, long remaining, int percent) {}

    static List<LineRow> lines(ItemLines lines) {
        List<LineRow> rows = new ArrayList<>(lines.lines().size());
        for (ItemLine line : lines.lines()) {
            rows.add(new LineRow(
                    line.number(),
                    line.item(),
                    line.controlled(),
                    line.quantity(),
                    line.shipped(),
                    line.remaining(),
                    line.quantity() == 0 ? 0 : (int) (line.remaining() * 100 / line.quantity())));
        }
        return rows;
    }

    /** A party of the export, with its role. */
    public record PartyRow(String role, String name, String ultimateParent, String country, String address) {}

    static List<PartyRow> parties(ApplicationContent content) {
        List<PartyRow> rows = new ArrayList<>();
        party(rows, "Purchaser", content.purchaser());
        for (int i = 0; i < content.intermediateConsignees().size(); i++) {
            party(
                    rows,
                    "Intermediate consignee " + (i + 1),
                    content.intermediateConsignees().get(i));
        }
        party(rows, "Ultimate consignee", content.ultimateConsignee());
        party(rows, "End user", content.endUser());
        return rows;
    }

    private static void party(List<PartyRow> rows, String role, Party party) {
        if (party != null) {
            rows.add(new PartyRow(role, party.name(), party.ultimateParent(), party.country(), party.address()));
        }
    }

    /** A condition of a licence in words, with the policy's parameters. */
    public record ConditionRow(String code, String words, String parameters) {}

    static List<ConditionRow> conditions(List<LicenceCondition> conditions) {
        List<ConditionRow> rows = new ArrayList<>(conditions.size());
        for (LicenceCondition condition : conditions) {
            rows.add(new ConditionRow(
                    condition.code().name(),
                    words(condition.code()),
                    new TreeMap<>(condition.parameters())
                            .entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue())
                                    .collect(Collectors.joining(", "))));
        }
        return rows;
    }

    /** What a condition asks of the holder, in plain words (the code itself for one without words here). */
    static String words(Requirement code) {
        return switch (code) {
            case POST_SHIPMENT_NOTIFICATION -> "Each shipment is notified to the authority after it leaves.";
            case REVENUE_SHARE ->
                "A share of the revenue of the licensed items is reported and remitted, period by period.";
            case THIRD_PARTY_TESTING_US ->
                "Each shipment is tested by a third party in the United States before it leaves; the SHA-256 of its"
                        + " test report is filed with the shipment.";
            case KYC_REMOTE_ACCESS_CONTROLS ->
                "Know-your-customer checks and controls on remote access to the chips, kept for the licence's life.";
            case EXPORTER_MONITORING -> "The exporter monitors where the chips are and how they are used.";
            case ANTI_CLUSTERING_SOFTWARE ->
                "Software that prevents the chips from being clustered beyond the licence.";
            default -> code.name();
        };
    }

    /** A version of a licence: the change that made it, its terms then, why, who and when. */
    public record VersionRow(
            long version,
            String action,
            String state,
            String validUntil,
            String quantities,
            String officerConditions,
            String reason,
            String actor,
            String at) {}

    static VersionRow version(LicenceVersion version) {
        return new VersionRow(
                version.version(),
                version.action(),
                version.terms().state().name(),
                version.terms().validUntil().toString(),
                version.terms().lines().stream()
                        .map(l -> l.item() + " × " + l.quantity())
                        .collect(Collectors.joining(", ")),
                version.terms().officerConditions(),
                version.reason(),
                version.actor(),
                Dates.minute(version.at()));
    }

    /** An open flag of a licence; {@code form} is the id of its clear form. */
    public record FlagRow(String id, String kind, String flag, String reason, String raised, String form) {}

    static FlagRow flag(LicenceFlag flag) {
        String kind = flag.kind().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return new FlagRow(
                flag.id().toString(),
                kind.isEmpty() ? kind : Character.toUpperCase(kind.charAt(0)) + kind.substring(1),
                flag.flag(),
                flag.reason(),
                Dates.minute(flag.raisedAt()) + " by " + flag.raisedBy(),
                "flag-" + flag.id());
    }

    /** A shipment reported against a licence. */
    public record ShipmentRow(
            String shippedOn,
            String items,
            String drawnFrom,
            String valueUsd,
            String testReportSha256,
            String reference,
            String reportedBy,
            String reportedAt) {}

    static ShipmentRow shipment(Shipment shipment) {
        return new ShipmentRow(
                shipment.shippedOn().toString(),
                items(shipment.lines()),
                shipment.drawdowns().stream()
                        .map(d -> "line " + d.line() + ": " + d.quantity())
                        .collect(Collectors.joining(", ")),
                shipment.valueUsd().toPlainString(),
                shipment.testReportSha256(),
                shipment.reference(),
                shipment.reportedBy(),
                Dates.minute(shipment.reportedAt()));
    }

    /** An exemption as a row of a list: for whom, where, its dates, what remains to be notified, late ones. */
    public record ExemptionRow(
            String id,
            String reference,
            String endUser,
            String company,
            String destination,
            String standing,
            String registeredOn,
            String shipBy,
            String notifyBy,
            String daysLeft,
            long exempted,
            long remaining,
            int lateNotifications) {}

    static ExemptionRow row(Exemption exemption, LocalDate today) {
        Exemption.Registration registration = exemption.registration();
        ApplicationContent content = registration.content();
        Units units = Units.of(exemption.lines());
        boolean open = exemption.standing(today) == org.gatehouse.licensing.ExemptionState.OPEN;
        return new ExemptionRow(
                exemption.applicationId().toString(),
                content.reference(),
                content.endUser().name(),
                content.company().display(),
                content.destination(),
                exemption.standing(today).name(),
                registration.registeredOn().toString(),
                registration.shipBy().toString(),
                lastNotificationDay(exemption).toString(),
                open && !today.isAfter(registration.shipBy()) ? daysLeft(today, registration.shipBy()) : "",
                units.authorized(),
                units.remaining(),
                exemption.lateNotifications());
    }

    /** The last day a notification is taken: the day before the exemption lapses. */
    static LocalDate lastNotificationDay(Exemption exemption) {
        return exemption.lapsesOn().minusDays(1);
    }

    /** A post-shipment notification, with when it was due and whether it came late. */
    public record NotificationRow(
            String shippedOn,
            String items,
            String dueOn,
            boolean late,
            String reference,
            String filedBy,
            String filedAt) {}

    static NotificationRow notification(Notification notification) {
        return new NotificationRow(
                notification.shippedOn().toString(),
                items(notification.lines()),
                notification.dueOn().toString(),
                notification.late(),
                notification.reference(),
                notification.filedBy(),
                Dates.minute(notification.filedAt()));
    }

    /** {@code 5 × H100, 2 × H20}. */
    static String items(List<? extends Reported> lines) {
        return lines.stream().map(l -> l.quantity() + " × " + l.item()).collect(Collectors.joining(", "));
    }

    /** {@code 1 day left}, {@code 1,460 days left}; today itself is the last day. */
    static String daysLeft(LocalDate today, LocalDate last) {
        long days = ChronoUnit.DAYS.between(today, last);
        if (days < 0) {
            return "";
        }
        if (days == 0) {
            return "last day today";
        }
        return String.format(java.util.Locale.ROOT, "%,d day%s left", days, days == 1 ? "" : "s");
    }

    /** The items a report may name, once each in line order (the choices of a form's item field). */
    static List<String> items(ItemLines lines) {
        return List.copyOf(lines.items());
    }

    /** Named values for a template, in order. */
    static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
