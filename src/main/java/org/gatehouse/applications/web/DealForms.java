package org.gatehouse.applications.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.catalog.Item;
import org.gatehouse.policy.Deal;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The deal form of the web UI (the dry run and the application's draft share it): fields named as the API's JSON
 * ({@code endUser.name}, {@code lines[0].quantity}), bound by Spring MVC into an {@link ApplicationForm} and checked by
 * {@link ApplicationBinder}, exactly as the API's bodies are. What the person typed is shown back as typed (the raw
 * values), with each problem next to its field.
 */
final class DealForms {

    /** The parties the full form has, with their labels. */
    static final Map<String, String> PARTIES = partyLabels();

    private static final Pattern ROW = Pattern.compile("^(lines|documents|intermediateConsignees)\\[(\\d{1,4})]\\.");

    /** Characters of one field kept for showing back; longer input is refused by the records anyway. */
    private static final int VALUE_CHARS_MAX = 5_000;

    /** Form fields kept for showing back, at most: a deal has at most 1,000 lines of 2 fields. */
    private static final int FIELDS_MAX = 2 * Deal.LINES_MAX + 6 * ApplicationContent.DOCUMENTS_MAX + 64;

    /** Catalogue names for the items' list of suggestions. */
    static final List<String> ITEMS =
            Catalog.builtIn().items().stream().map(Item::name).sorted().toList();

    /** Countries by English name, for the destination's choices. */
    static final List<Country> COUNTRIES = CountryCode.all().stream()
            .map(c -> new Country(c.value(), Locale.of("", c.value()).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    /** A country as a choice: its code and English name. */
    public record Country(String code, String name) {}

    /** What a posted form came to: its content when every field is right, and the problems otherwise. */
    record Bound(ApplicationContent content, FieldErrors errors) {

        boolean valid() {
            return content != null;
        }
    }

    private DealForms() {}

    /**
     * Checks a posted form through {@link ApplicationBinder}, adding what Spring could not convert (a quantity that is
     * not a number) under the same field paths.
     */
    static Bound bind(ApplicationForm form, BindingResult binding) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            Object rejected = error.getRejectedValue();
            problems.add(new FieldProblem(
                    error.getField(),
                    "must be a number" + (rejected == null ? "" : ", got '" + shortened(rejected.toString()) + "'")));
        }
        ApplicationContent content = null;
        try {
            content = ApplicationBinder.bind(withoutBlankParties(form));
        } catch (InvalidInputException refused) {
            for (FieldProblem problem : refused.problems()) {
                if (problems.stream().noneMatch(p -> p.field().equals(problem.field()))) {
                    problems.add(problem);
                }
            }
        }
        return problems.isEmpty() ? new Bound(content, FieldErrors.none()) : new Bound(null, FieldErrors.of(problems));
    }

    /**
     * An optional party left blank (every field empty) is no party, as in the API where it is left out; a party with
     * anything typed in is checked.
     */
    static ApplicationForm withoutBlankParties(ApplicationForm form) {
        if (form == null) {
            return null;
        }
        return new ApplicationForm(
                form.reference(),
                blank(form.purchaser()) ? null : form.purchaser(),
                form.intermediateConsignees(),
                blank(form.ultimateConsignee()) ? null : form.ultimateConsignee(),
                form.endUser(),
                form.destination(),
                form.deploymentSite(),
                form.endUse(),
                form.valueUsd(),
                form.lines(),
                form.documents(),
                form.version());
    }

    private static boolean blank(ApplicationForm.PartyForm party) {
        return party == null
                || (party.name() == null
                        && party.ultimateParent() == null
                        && party.country() == null
                        && party.address() == null);
    }

    /** The posted fields as typed, to show back (bounded; the CSRF token and unknown names are left out). */
    static Map<String, String> values(MultiValueMap<String, String> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (values.size() >= FIELDS_MAX
                    || name.startsWith("_")
                    || entry.getValue().isEmpty()) {
                continue;
            }
            String value = entry.getValue().getFirst();
            values.put(name, value == null ? "" : shortened(value));
        }
        return values;
    }

    /** A stored application's content as form values. */
    static Map<String, String> values(ApplicationContent content) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "reference", content.reference());
        party(values, "purchaser", content.purchaser());
        party(values, "ultimateConsignee", content.ultimateConsignee());
        for (int i = 0; i < content.intermediateConsignees().size(); i++) {
            party(
                    values,
                    "intermediateConsignees[" + i + "]",
                    content.intermediateConsignees().get(i));
        }
        party(values, "endUser", content.endUser());
        put(values, "destination", content.destination());
        put(values, "deploymentSite", content.deploymentSite());
        put(values, "endUse", content.endUse());
        put(
                values,
                "valueUsd",
                content.valueUsd() == null ? null : content.valueUsd().toPlainString());
        for (int i = 0; i < content.lines().size(); i++) {
            LineItem line = content.lines().get(i);
            put(
                    values,
                    "lines[" + i + "].item",
                    line.item() != null ? line.item() : line.custom().name());
            put(values, "lines[" + i + "].quantity", Long.toString(line.quantity()));
        }
        for (int i = 0; i < content.documents().size(); i++) {
            DocumentRef document = content.documents().get(i);
            String prefix = "documents[" + i + "].";
            put(values, prefix + "name", document.name());
            put(values, prefix + "mediaType", document.mediaType());
            put(values, prefix + "sha256", document.sha256());
            put(values, prefix + "sizeBytes", Long.toString(document.sizeBytes()));
        }
        return values;
    }

    /** How many rows of {@code list} ({@code lines}, {@code documents}) the values hold: the highest index + 1. */
    static int rows(Map<String, String> values, String list, int minimum, int maximum) {
        int rows = minimum;
        for (String name : values.keySet()) {
            Matcher m = ROW.matcher(name);
            if (m.find() && m.group(1).equals(list)) {
                rows = Math.max(rows, Integer.parseInt(m.group(2)) + 1);
            }
        }
        return Math.min(rows, maximum);
    }

    /** Everything the deal form's template needs. */
    static void model(Model model, Map<String, String> values, FieldErrors errors, boolean full) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("lineRows", rows(values, "lines", 1, Deal.LINES_MAX));
        model.addAttribute("documentRows", rows(values, "documents", 0, ApplicationContent.DOCUMENTS_MAX));
        model.addAttribute("linesMax", Deal.LINES_MAX);
        model.addAttribute("documentsMax", ApplicationContent.DOCUMENTS_MAX);
        model.addAttribute(
                "consigneeRows", rows(values, "intermediateConsignees", 0, ApplicationContent.CONSIGNEES_MAX));
        model.addAttribute("consigneesMax", ApplicationContent.CONSIGNEES_MAX);
        model.addAttribute("items", ITEMS);
        model.addAttribute("countries", COUNTRIES);
        model.addAttribute("parties", PARTIES);
        model.addAttribute("otherErrors", errors.others(shownFields(values, full)));
    }

    /** Every field the form shows a message beside, for the rows it has ({@code full}: the application's form). */
    static List<String> shownFields(Map<String, String> values, boolean full) {
        List<String> fields = new ArrayList<>(List.of("destination", "endUse", "lines", "endUser"));
        if (full) {
            fields.addAll(
                    List.of("reference", "deploymentSite", "valueUsd", "documents", "purchaser", "ultimateConsignee"));
        }
        for (String party : full ? PARTIES.keySet() : List.of("endUser")) {
            for (String field : full
                    ? List.of("name", "ultimateParent", "country", "address")
                    : List.of("name", "ultimateParent", "country")) {
                fields.add(party + "." + field);
            }
        }
        for (int i = 0, n = rows(values, "lines", 1, Deal.LINES_MAX); i < n; i++) {
            fields.add("lines[" + i + "]");
            fields.add("lines[" + i + "].item");
            fields.add("lines[" + i + "].quantity");
        }
        if (full) {
            fields.add("intermediateConsignees");
        }
        for (int i = 0, n = full ? rows(values, "intermediateConsignees", 0, ApplicationContent.CONSIGNEES_MAX) : 0;
                i < n;
                i++) {
            for (String field : List.of("", ".name", ".ultimateParent", ".country", ".address")) {
                fields.add("intermediateConsignees[" + i + "]" + field);
            }
        }
        for (int i = 0, n = full ? rows(values, "documents", 0, ApplicationContent.DOCUMENTS_MAX) : 0; i < n; i++) {
            for (String field : List.of("", ".name", ".mediaType", ".sha256", ".sizeBytes")) {
                fields.add("documents[" + i + "]" + field);
            }
        }
        return fields;
    }

    private static void party(Map<String, String> values, String prefix, Party party) {
        if (party != null) {
            put(values, prefix + ".name", party.name());
            put(values, prefix + ".ultimateParent", party.ultimateParent());
            put(values, prefix + ".country", party.country());
            put(values, prefix + ".address", party.address());
        }
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private static String shortened(String text) {
        return text.length() > VALUE_CHARS_MAX ? text.substring(0, VALUE_CHARS_MAX) : text;
    }

    private static Map<String, String> partyLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("endUser", "End user");
        labels.put("purchaser", "Purchaser");
        labels.put("ultimateConsignee", "Ultimate consignee");
        return labels;
    }
}
