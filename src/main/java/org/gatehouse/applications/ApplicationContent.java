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
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/**
 * What an applicant fills in (SPEC §6.1): the parties, where the chips go and what for, their
 * value, the line items and the supporting documents. Checks its own fields on construction,
 * naming each one that is refused; the parties, lines and documents check theirs.
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

    public ApplicationContent(
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
        InputCheck check = new InputCheck();
        this.reference = check.field("reference", () -> Text.optional(reference, REFERENCE_CHARS_MAX));
        this.purchaser = purchaser;
        this.intermediateConsignees =
                check.field("intermediateConsignees", () -> bounded(intermediateConsignees, CONSIGNEES_MAX, false));
        this.ultimateConsignee = ultimateConsignee;
        this.endUser = endUser;
        if (endUser == null) {
            check.reject("endUser", "is required");
        }
        this.destination = check.field("destination", () -> destination(destination));
        this.deploymentSite = check.field("deploymentSite", () -> Text.optional(deploymentSite, SITE_CHARS_MAX));
        this.endUse = check.field("endUse", () -> Text.required(endUse, END_USE_CHARS_MAX));
        this.valueUsd = check.field("valueUsd", () -> valueUsd == null ? null : valueUsd(valueUsd));
        this.lines = check.field("lines", () -> bounded(lines, Deal.LINES_MAX, true));
        this.documents = check.field("documents", () -> bounded(documents, DOCUMENTS_MAX, false));
        check.throwIfInvalid();
    }

    /**
     * The rule on the size of a list of the application, as a client is told it: the binder applies it before it
     * reads the entries, so an oversized list costs no work.
     */
    public static void requireSize(int size, int sizeMax, boolean required) {
        if (required && size == 0) {
            throw new IllegalArgumentException("must hold at least one entry");
        }
        if (size > sizeMax) {
            throw new IllegalArgumentException("must hold at most " + sizeMax + " entries, got " + size);
        }
    }

    private static <T> List<T> bounded(List<T> values, int sizeMax, boolean required) {
        List<T> list = values == null ? List.of() : values;
        requireSize(list.size(), sizeMax, required);
        for (T value : list) {
            Objects.requireNonNull(value, "an entry of a list");
        }
        return List.copyOf(list);
    }

    private static String destination(String code) {
        if (code == null) {
            throw new IllegalArgumentException("is required");
        }
        return CountryCode.of(code).value();
    }

    /** A value in US dollars: 0..10^15 with at most 2 decimals, kept with exactly 2. */
    private static BigDecimal valueUsd(BigDecimal value) {
        if (value.signum() < 0
                || value.compareTo(VALUE_USD_MAX) > 0
                || value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must be 0.." + VALUE_USD_MAX.toPlainString()
                    + " with at most 2 decimals, got " + Text.number(value));
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The end user's ultimate parent: the company the tier is measured on. */
    public CompanyName company() {
        return endUser.parentCompany();
    }

    /** The end user as a company (its compute may be measured per end user). */
    public CompanyName endUserCompany() {
        return CompanyName.of(endUser.name());
    }

    /** Where the chips are deployed. */
    public CountryCode destinationCode() {
        return CountryCode.of(destination);
    }

    /** The application as the assessor sees it, on {@code date}, with the companies as written. */
    public Deal toDeal(ApplicationId id, String exporter, LocalDate date, boolean screeningHit) {
        return toDeal(id, exporter, date, screeningHit, company(), endUserCompany());
    }

    /**
     * The application as the assessor sees it, on {@code date}, its compute counted for {@code parent} and
     * {@code endUser} (the registered companies its parties were resolved to at submission).
     */
    public Deal toDeal(
            ApplicationId id,
            String exporter,
            LocalDate date,
            boolean screeningHit,
            CompanyName parent,
            CompanyName endUser) {
        List<Line> policyLines = new ArrayList<>(lines.size());
        for (LineItem line : lines) {
            policyLines.add(line.toLine());
        }
        return new Deal(id.toString(), date, exporter, endUser, parent, destinationCode(), policyLines, screeningHit);
    }
}
