package org.gatehouse.licensing.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * A post-shipment notification as a client sends it; {@link NotificationBinder} turns it into a checked
 * {@link org.gatehouse.licensing.NotificationReport}.
 */
record NotificationForm(String shippedOn, List<LineForm> lines, String reference) {

    /** A line as sent. */
    record LineForm(String item, BigDecimal quantity) {}
}
