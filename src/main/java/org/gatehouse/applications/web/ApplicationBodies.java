package org.gatehouse.applications.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.applications.Texts;
import org.gatehouse.catalog.Accelerator;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.Line;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;

/**
 * Turns an {@link ApplicationBody} into checked {@link ApplicationContent}, naming every bad field
 * by its JSON path ({@code lines[3].quantity}) so a client fixes all of them in one round trip.
 */
final class ApplicationBodies {

    private ApplicationBodies() {}

    static ApplicationContent content(ApplicationBody body) {
        InputCheck check = new InputCheck();
        if (body == null) {
            check.reject("body", "is required");
            check.throwIfInvalid();
        }
        String reference = check.field(
                "reference", () -> Texts.text(body.reference(), ApplicationContent.REFERENCE_CHARS_MAX, false));
        Party purchaser = party(check, "purchaser", body.purchaser(), false);
        List<Party> consignees = new ArrayList<>();
        List<ApplicationBody.PartyBody> consigneeBodies = list(
                check,
                "intermediateConsignees",
                body.intermediateConsignees(),
                ApplicationContent.CONSIGNEES_MAX,
                false);
        for (int i = 0; i < consigneeBodies.size(); i++) {
            consignees.add(party(check, "intermediateConsignees[" + i + "]", consigneeBodies.get(i), true));
        }
        Party ultimateConsignee = party(check, "ultimateConsignee", body.ultimateConsignee(), false);
        Party endUser = party(check, "endUser", body.endUser(), true);
        String destination = check.field("destination", () -> {
            if (body.destination() == null) {
                throw new IllegalArgumentException("is required");
            }
            return CountryCode.of(body.destination()).value();
        });
        String site = check.field(
                "deploymentSite", () -> Texts.text(body.deploymentSite(), ApplicationContent.SITE_CHARS_MAX, false));
        String endUse =
                check.field("endUse", () -> Texts.text(body.endUse(), ApplicationContent.END_USE_CHARS_MAX, true));
        BigDecimal value = check.field(
                "valueUsd", () -> body.valueUsd() == null ? null : ApplicationContent.valueUsd(body.valueUsd()));
        List<LineItem> lines = new ArrayList<>();
        List<ApplicationBody.LineBody> lineBodies = list(check, "lines", body.lines(), Deal.LINES_MAX, true);
        for (int i = 0; i < lineBodies.size(); i++) {
            lines.add(line(check, "lines[" + i + "]", lineBodies.get(i)));
        }
        List<DocumentRef> documents = new ArrayList<>();
        List<ApplicationBody.DocumentBody> documentBodies =
                list(check, "documents", body.documents(), ApplicationContent.DOCUMENTS_MAX, false);
        for (int i = 0; i < documentBodies.size(); i++) {
            documents.add(document(check, "documents[" + i + "]", documentBodies.get(i)));
        }
        check.throwIfInvalid();
        return new ApplicationContent(
                reference,
                purchaser,
                consignees,
                ultimateConsignee,
                endUser,
                destination,
                site,
                endUse,
                value,
                lines,
                documents);
    }

    private static <T> List<T> list(InputCheck check, String field, List<T> values, int sizeMax, boolean required) {
        if (values == null || values.isEmpty()) {
            if (required) {
                check.reject(field, "must hold at least one entry");
            }
            return List.of();
        }
        if (values.size() > sizeMax) {
            check.reject(field, "must hold at most " + sizeMax + " entries, got " + values.size());
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                check.reject(field + "[" + i + "]", "must not be null");
            }
        }
        return values.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static Party party(InputCheck check, String path, ApplicationBody.PartyBody body, boolean required) {
        if (body == null) {
            if (required) {
                check.reject(path, "is required");
            }
            return null;
        }
        String name = check.field(path + ".name", () -> Texts.text(body.name(), CompanyName.CHARS_MAX, true));
        String parent = check.field(
                path + ".ultimateParent", () -> Texts.text(body.ultimateParent(), CompanyName.CHARS_MAX, false));
        String country = check.field(
                path + ".country",
                () -> body.country() == null
                        ? null
                        : CountryCode.of(body.country()).value());
        String address =
                check.field(path + ".address", () -> Texts.text(body.address(), Party.ADDRESS_CHARS_MAX, false));
        return built(check, path, () -> new Party(name, parent, country, address));
    }

    private static LineItem line(InputCheck check, String path, ApplicationBody.LineBody body) {
        Long quantity = check.field(path + ".quantity", () -> whole(body.quantity(), 1, Line.QUANTITY_MAX));
        if (body.item() != null && body.custom() != null) {
            check.reject(
                    path,
                    "give either item (a catalogue name) or custom (a chip's tpp and performanceDensity), not both");
            return null;
        }
        if (body.item() == null && body.custom() == null) {
            check.reject(path + ".item", "is required (or describe a chip that is not in the catalogue with custom)");
            return null;
        }
        if (body.item() != null) {
            String item = check.field(path + ".item", () -> LineItem.catalogueItem(body.item()));
            return built(check, path, () -> new LineItem(item, null, quantity));
        }
        ApplicationBody.CustomBody custom = body.custom();
        String chip = path + ".custom";
        String name = check.field(chip + ".name", () -> Texts.text(custom.name(), 100, true));
        Long tpp = check.field(chip + ".tpp", () -> whole(custom.tpp(), 1, Accelerator.TPP_MAX));
        BigDecimal density = check.field(
                chip + ".performanceDensity",
                () -> LineItem.CustomChip.performanceDensity(custom.performanceDensity()));
        Long bandwidth = check.field(
                chip + ".memoryBandwidthGbs",
                () -> custom.memoryBandwidthGbs() == null
                        ? null
                        : whole(custom.memoryBandwidthGbs(), 1, LineItem.CustomChip.MEMORY_BANDWIDTH_GBS_MAX));
        return built(
                check,
                path,
                () -> new LineItem(null, new LineItem.CustomChip(name, tpp, density, bandwidth), quantity));
    }

    private static DocumentRef document(InputCheck check, String path, ApplicationBody.DocumentBody body) {
        String name = check.field(path + ".name", () -> Texts.text(body.name(), DocumentRef.NAME_CHARS_MAX, true));
        String mediaType = check.field(path + ".mediaType", () -> DocumentRef.mediaType(body.mediaType()));
        String sha256 = check.field(path + ".sha256", () -> DocumentRef.sha256(body.sha256()));
        Long size = check.field(path + ".sizeBytes", () -> whole(body.sizeBytes(), 0, DocumentRef.SIZE_BYTES_MAX));
        return built(check, path, () -> new DocumentRef(name, mediaType, sha256, size));
    }

    /** Builds the record once its own fields passed; a rule spanning fields is reported under {@code path}. */
    private static <T> T built(InputCheck check, String path, Supplier<T> build) {
        return check.valid() ? check.field(path, build) : null;
    }

    /** A whole number in {@code min..max}; fractions, huge values and missing values are refused by name. */
    static long whole(BigDecimal value, long min, long max) {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new IllegalArgumentException("must be a whole number, got " + Texts.number(value));
        }
        if (stripped.compareTo(BigDecimal.valueOf(min)) < 0 || stripped.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException("must be " + min + ".." + max + ", got " + Texts.number(stripped));
        }
        return stripped.longValueExact();
    }
}
