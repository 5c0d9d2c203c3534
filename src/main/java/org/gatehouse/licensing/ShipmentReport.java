package org.gatehouse.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/**
 * A shipment as its holder reports it against a licence: the day it left, what left (per line: item, quantity,
 * value), the SHA-256 of the US third-party test report when the licence requires one, and the holder's own reference
 * (a waybill or shipment number). Checks its own fields; what depends on the licence is checked by {@link Licence}.
 */
public record ShipmentReport(LocalDate shippedOn, List<ShipmentLine> lines, String testReportSha256, String reference) {

    /** As many lines as a licence may have. */
    public static final int LINES_MAX = ItemLines.LINES_MAX;

    public static final int REFERENCE_CHARS_MAX = 100;

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ShipmentReport(LocalDate shippedOn, List<ShipmentLine> lines, String testReportSha256, String reference) {
        InputCheck check = new InputCheck();
        this.shippedOn = shippedOn;
        if (shippedOn == null) {
            check.reject("shippedOn", "is required");
        }
        List<ShipmentLine> checked = check.field("lines", () -> bounded(lines));
        this.lines = checked == null ? List.of() : checked;
        this.testReportSha256 = check.field("testReportSha256", () -> sha256(testReportSha256));
        this.reference = check.field("reference", () -> Text.optional(reference, REFERENCE_CHARS_MAX));
        check.throwIfInvalid();
    }

    /** The rule on the number of lines, as a client is told it (the binder applies it before reading entries). */
    public static void requireSize(int size) {
        if (size == 0) {
            throw new IllegalArgumentException("must hold at least one entry");
        }
        if (size > LINES_MAX) {
            throw new IllegalArgumentException("must hold at most " + LINES_MAX + " entries, got " + size);
        }
    }

    /** The value of the whole shipment. */
    public BigDecimal valueUsd() {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (ShipmentLine line : lines) {
            sum = sum.add(line.valueUsd());
        }
        return sum;
    }

    private static List<ShipmentLine> bounded(List<ShipmentLine> lines) {
        List<ShipmentLine> list = lines == null ? List.of() : lines;
        requireSize(list.size());
        list.forEach(line -> Objects.requireNonNull(line, "a line"));
        return List.copyOf(list);
    }

    /** A document's SHA-256 as 64 lower-case hex digits, or null when none is given. */
    static String sha256(String value) {
        if (value == null) {
            return null;
        }
        if (!SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException("must be the document's SHA-256 as 64 lower-case hex digits");
        }
        return value;
    }
}
