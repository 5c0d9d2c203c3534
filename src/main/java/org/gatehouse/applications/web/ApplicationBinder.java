package org.gatehouse.applications.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.policy.Deal;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Text;

/**
 * Turns an {@link ApplicationForm} (API body or web form) into checked {@link ApplicationContent}, naming every bad
 * field by its path ({@code lines[3].quantity}) so a client fixes all of them in one round trip.
 *
 * <p>The binder states no rule of a field: each domain record checks its own fields and names them; the binder
 * walks the form, builds each record at its path, and converts what only a form has (a decimal where a whole number
 * belongs). Lists are measured against the application's rule before their entries are read, so an oversized list
 * costs no work.
 */
public final class ApplicationBinder {

    private ApplicationBinder() {}

    /**
     * The content the form describes.
     *
     * @throws InvalidInputException naming every refused field
     */
    public static ApplicationContent bind(ApplicationForm form) {
        InputCheck check = new InputCheck();
        if (form == null) {
            check.reject("body", "is required");
            check.throwIfInvalid();
        }
        Party purchaser = party(check, "purchaser", form.purchaser());
        List<Party> consignees = list(
                check,
                "intermediateConsignees",
                form.intermediateConsignees(),
                ApplicationContent.CONSIGNEES_MAX,
                false,
                (path, party) -> party(check, path, party));
        Party ultimateConsignee = party(check, "ultimateConsignee", form.ultimateConsignee());
        Party endUser = party(check, "endUser", form.endUser());
        List<LineItem> lines =
                list(check, "lines", form.lines(), Deal.LINES_MAX, true, (path, line) -> line(check, path, line));
        List<DocumentRef> documents = list(
                check,
                "documents",
                form.documents(),
                ApplicationContent.DOCUMENTS_MAX,
                false,
                (path, document) -> document(check, path, document));
        ApplicationContent content = check.field(
                "",
                () -> new ApplicationContent(
                        form.reference(),
                        purchaser,
                        consignees,
                        ultimateConsignee,
                        endUser,
                        form.destination(),
                        form.deploymentSite(),
                        form.endUse(),
                        form.valueUsd(),
                        lines,
                        documents));
        check.throwIfInvalid();
        return content;
    }

    /** Builds one entry of a list from its form, at its path. */
    @FunctionalInterface
    private interface Entry<F, T> {
        T build(String path, F form);
    }

    private static <F, T> List<T> list(
            InputCheck check, String field, List<F> forms, int sizeMax, boolean required, Entry<F, T> entry) {
        int size = forms == null ? 0 : forms.size();
        if (!check.holds(field, () -> ApplicationContent.requireSize(size, sizeMax, required))) {
            return List.of();
        }
        List<T> built = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String path = field + "[" + i + "]";
            F form = forms.get(i);
            if (form == null) {
                check.reject(path, "must not be null");
                continue;
            }
            T value = entry.build(path, form);
            if (value != null) {
                built.add(value);
            }
        }
        return built;
    }

    private static Party party(InputCheck check, String path, ApplicationForm.PartyForm form) {
        if (form == null) {
            return null;
        }
        return check.field(path, () -> new Party(form.name(), form.ultimateParent(), form.country(), form.address()));
    }

    private static LineItem line(InputCheck check, String path, ApplicationForm.LineForm form) {
        long quantity = whole(check, path + ".quantity", form.quantity());
        LineItem.CustomChip custom = form.custom() == null ? null : custom(check, path + ".custom", form.custom());
        if (form.custom() != null && custom == null) {
            return null; // the chip's problems are recorded; the line cannot be built without it
        }
        return check.field(path, () -> new LineItem(form.item(), custom, quantity));
    }

    private static LineItem.CustomChip custom(InputCheck check, String path, ApplicationForm.CustomForm form) {
        long tpp = whole(check, path + ".tpp", form.tpp());
        Long bandwidth = form.memoryBandwidthGbs() == null
                ? null
                : whole(check, path + ".memoryBandwidthGbs", form.memoryBandwidthGbs());
        return check.field(path, () -> new LineItem.CustomChip(form.name(), tpp, form.performanceDensity(), bandwidth));
    }

    private static DocumentRef document(InputCheck check, String path, ApplicationForm.DocumentForm form) {
        long size = whole(check, path + ".sizeBytes", form.sizeBytes());
        return check.field(path, () -> new DocumentRef(form.name(), form.mediaType(), form.sha256(), size));
    }

    /**
     * A decimal from the form as the whole number a record takes. A missing, fractional or out-of-range value is
     * recorded under {@code field}; the record is then built with a placeholder of 1 so that its other fields are
     * still checked (its own refusal of the same field is not recorded twice), and the form is refused anyway.
     */
    private static long whole(InputCheck check, String field, BigDecimal value) {
        Long whole = check.field(field, () -> {
            if (value == null) {
                throw new IllegalArgumentException("is required");
            }
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > 0) {
                throw new IllegalArgumentException("must be a whole number, got " + Text.number(value));
            }
            if (stripped.precision() - stripped.scale() > 18) {
                throw new IllegalArgumentException("is too large, got " + Text.number(value));
            }
            return stripped.longValueExact();
        });
        return whole == null ? 1 : whole;
    }
}
