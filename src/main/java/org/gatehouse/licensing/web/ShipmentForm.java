package org.gatehouse.licensing.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * A shipment report as a client sends it; values are kept raw (numbers as decimals, the date as text) and
 * {@link ShipmentBinder} turns them into a checked {@link org.gatehouse.licensing.ShipmentReport}.
 */
record ShipmentForm(String shippedOn, List<LineForm> lines, String testReportSha256, String reference) {

    /** A line as sent. */
    record LineForm(String item, BigDecimal quantity, BigDecimal valueUsd) {}
}
