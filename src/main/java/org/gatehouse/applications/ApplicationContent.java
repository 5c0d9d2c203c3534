package org.gatehouse.applications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.Line;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CountryCode;

/**
 * What an applicant fills in (SPEC §6.1): the parties, where the chips go and what for, their
 * value, the line items and the supporting documents. Checked whole on construction.
 */
public record ApplicationContent(
        String reference,
        Party purchaser,
        List<Party> intermediateConsignees,
        Party ultimateConsignee,
        Party endUser,
        String destination,
        String deploymentSite,
        String endUse,
        BigDecimal valueUsd,
        List<LineItem> lines,
        List<DocumentRef> documents) {

    public static final int REFERENCE_CHARS_MAX = 100;
    public static final int SITE_CHARS_MAX = 500;
    public static final int END_USE_CHARS_MAX = 2_000;
    public static final int CONSIGNEES_MAX = 20;
    public static final int DOCUMENTS_MAX = 50;
    public static final BigDecimal VALUE_USD_MAX = new BigDecimal("1000000000000000"); // 10^15

    public ApplicationContent {
        reference = Texts.text(reference, REFERENCE_CHARS_MAX, false);
        Objects.requireNonNull(endUser, "endUser");
        destination = CountryCode.of(destination).value();
        deploymentSite = Texts.text(deploymentSite, SITE_CHARS_MAX, false);
        endUse = Texts.text(endUse, END_USE_CHARS_MAX, true);
        valueUsd = valueUsd == null ? null : valueUsd(valueUsd);
        intermediateConsignees = List.copyOf(intermediateConsignees == null ? List.of() : intermediateConsignees);
        documents = List.copyOf(documents == null ? List.of() : documents);
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty() || lines.size() > Deal.LINES_MAX) {
            throw new IllegalArgumentException("lines must hold 1.." + Deal.LINES_MAX + " items, got " + lines.size());
        }
        if (intermediateConsignees.size() > CONSIGNEES_MAX || documents.size() > DOCUMENTS_MAX) {
            throw new IllegalArgumentException(
                    "at most " + CONSIGNEES_MAX + " intermediate consignees and " + DOCUMENTS_MAX + " documents");
        }
    }

    /** A value in US dollars: 0..10^15 with at most 2 decimals, kept with exactly 2. */
    public static BigDecimal valueUsd(BigDecimal value) {
        if (value.signum() < 0
                || value.compareTo(VALUE_USD_MAX) > 0
                || value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must be 0.." + VALUE_USD_MAX.toPlainString()
                    + " with at most 2 decimals, got " + Texts.number(value));
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The application as the assessor sees it, on {@code date}. */
    public Deal toDeal(ApplicationId id, String exporter, LocalDate date, boolean screeningHit) {
        List<Line> policyLines = new ArrayList<>(lines.size());
        for (LineItem line : lines) {
            policyLines.add(line.toLine());
        }
        return new Deal(
                id.toString(),
                date,
                exporter,
                org.gatehouse.trade.CompanyName.of(endUser.name()),
                endUser.parentCompany(),
                CountryCode.of(destination),
                policyLines,
                screeningHit);
    }
}
