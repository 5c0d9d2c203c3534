package org.gatehouse.licensing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.licensing.Notification;
import org.gatehouse.licensing.NotificationLine;

/** A post-shipment notification as the API shows it, with when it was due and whether it came late. */
record NotificationView(
        String id,
        String exemption,
        LocalDate shippedOn,
        List<NotificationLine> lines,
        List<ShipmentView.DrawdownView> drawdowns,
        String tpp,
        String reference,
        LocalDate dueOn,
        boolean late,
        String filedBy,
        Instant filedAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(
                notification.id().toString(),
                notification.exemption().toString(),
                notification.shippedOn(),
                notification.lines(),
                ShipmentView.DrawdownView.of(notification.drawdowns()),
                Long.toString(notification.tpp()),
                notification.reference(),
                notification.dueOn(),
                notification.late(),
                notification.filedBy(),
                notification.filedAt());
    }
}
