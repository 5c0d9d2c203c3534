package org.gatehouse.licensing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.Party;
import org.gatehouse.licensing.Exemption;
import org.gatehouse.policy.PolicyRef;

/**
 * A tier-1 exemption as the API shows it: its application, holder, state (as recorded and as of today), its periods
 * (last shipping day, lapse day, notification days), late notifications, lines with what remains to be notified.
 */
record ExemptionView(
        String applicationId,
        String holder,
        String state,
        String standing,
        long version,
        Instant registeredAt,
        Instant updatedAt,
        LocalDate registeredOn,
        LocalDate shipBy,
        LocalDate lapsesOn,
        int notificationDays,
        int lateNotifications,
        String destination,
        String deploymentSite,
        Party endUser,
        List<LineView> lines,
        String reservedTpp,
        String shippedTpp,
        PolicyRef policy,
        String tier) {

    static ExemptionView of(Exemption exemption, LocalDate today) {
        Exemption.Registration registration = exemption.registration();
        ApplicationContent content = registration.content();
        return new ExemptionView(
                exemption.applicationId().toString(),
                exemption.holder().toString(),
                exemption.state().name(),
                exemption.standing(today).name(),
                exemption.version(),
                registration.registeredAt(),
                exemption.updatedAt(),
                registration.registeredOn(),
                registration.shipBy(),
                registration.lapsesOn(),
                registration.notificationDays(),
                exemption.lateNotifications(),
                content.destination(),
                content.deploymentSite(),
                content.endUser(),
                LineView.of(exemption.lines().lines()),
                Long.toString(exemption.lines().tpp() - exemption.lines().shippedTpp()),
                Long.toString(exemption.lines().shippedTpp()),
                registration.policy(),
                registration.tier() == null ? null : registration.tier().name());
    }
}
