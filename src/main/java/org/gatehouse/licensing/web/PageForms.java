package org.gatehouse.licensing.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.licensing.ItemLines;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Versions;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the licensing pages share: a form's state as a page shows it (what was typed, each problem beside its field, a
 * refusal at the top), what Spring could not convert turned into the same field problems as the binders', the list
 * pages' filters, orders and page numbers. Forms are bound into the API's request records and checked by the API's
 * binders; nothing here states a rule of a field.
 */
final class PageForms {

    /** Rows per page of the lists, and of a record's shipments, notifications and versions. */
    static final int PAGE_ROWS = 25;

    /** The highest page number a list offers: deeper offsets are refused by {@link Paging}. */
    static final int PAGE_MAX = Paging.OFFSET_MAX / PAGE_ROWS;

    /** Characters of one field kept for showing back; longer input is refused by the records anyway. */
    private static final int VALUE_CHARS_MAX = 5_000;

    /** Form fields kept for showing back, at most: a report has at most 1,000 lines of 3 fields. */
    private static final int FIELDS_MAX = 3 * ItemLines.LINES_MAX + 16;

    private static final Pattern ROW = Pattern.compile("^lines\\[(\\d{1,4})]\\.");

    /** Countries by English name, for the destination filter. */
    static final List<Country> COUNTRIES = CountryCode.all().stream()
            .map(c -> new Country(c.value(), Locale.of("", c.value()).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    /** A country as a choice: its code and English name. */
    public record Country(String code, String name) {}

    /**
     * A form of a page as it is shown: the values in its fields, the problem of each field, and a refusal of the whole
     * request (a 409 of the service: a stale version, a suspended licence, more than remains), each possibly empty.
     */
    public record FormState(Map<String, String> values, FieldErrors errors, String problem) {

        static FormState blank(Map<String, String> values) {
            return new FormState(values, FieldErrors.none(), null);
        }

        /** What field {@code name} shows (null: nothing). */
        public String value(String name) {
            return values.get(name);
        }

        /** The problems no field of the form shows beside it ({@code shown}: the fields it has). */
        public List<String> others(List<String> shown) {
            return errors.others(shown);
        }
    }

    private PageForms() {}

    /**
     * Runs {@code bind} (an API binder) and adds what Spring could not convert (a quantity that is not a number) under
     * the same field paths; answers the bound record, or the problems.
     */
    static <T> Bound<T> bind(BindingResult binding, Supplier<T> bind) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            Object rejected = error.getRejectedValue();
            problems.add(new FieldProblem(
                    error.getField(),
                    "must be a number" + (rejected == null ? "" : ", got '" + shortened(rejected.toString()) + "'")));
        }
        T bound = null;
        try {
            bound = bind.get();
        } catch (InvalidInputException refused) {
            for (FieldProblem problem : refused.problems()) {
                if (problems.stream().noneMatch(p -> p.field().equals(problem.field()))) {
                    problems.add(problem);
                }
            }
        }
        return problems.isEmpty()
                ? new Bound<>(bound, FieldErrors.none())
                : new Bound<>(null, FieldErrors.of(problems));
    }

    /** What a posted form came to: its record when every field is right, and the problems otherwise. */
    record Bound<T>(T value, FieldErrors errors) {

        boolean valid() {
            return value != null;
        }
    }

    /** The posted fields as typed, to show back (bounded; the CSRF token and hidden keys are left out). */
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

    /** How many rows of lines the values hold: the highest index + 1, at least one. */
    static int rows(Map<String, String> values) {
        int rows = 1;
        for (String name : values.keySet()) {
            Matcher m = ROW.matcher(name);
            if (m.find()) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return Math.min(rows, ItemLines.LINES_MAX);
    }

    /** The fields of a report's rows that a form shows a message beside ({@code lines[0].item} …). */
    static List<String> rowFields(int rows, String... fields) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            shown.add("lines[" + i + "]");
            for (String field : fields) {
                shown.add("lines[" + i + "]." + field);
            }
        }
        return shown;
    }

    /** A refusal's message as the page shows it. */
    static String sentence(RuntimeException refused) {
        return FieldErrors.sentence(refused.getMessage());
    }

    /** A page number from the address: 1 when absent or below 1, at most {@link #PAGE_MAX}. */
    static int pageNumber(Integer page) {
        return page == null || page < 1 ? 1 : Math.min(page, PAGE_MAX);
    }

    /** One more row than a page shows, from the page's first: the extra row says whether there is a next page. */
    static Paging paging(int pageNumber) {
        return new Paging(PAGE_ROWS + 1, (pageNumber - 1) * PAGE_ROWS);
    }

    /** An order named in the address, by its constant's name in any case; an unknown one is null (the default). */
    static <E extends Enum<E>> E order(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElse(null);
    }

    /** A constant of {@code type} by name (a filter), refused in words that list the choices. */
    static <E extends Enum<E>> E named(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The problems of the filters, or none. */
    static FieldErrors errors(InputCheck filters) {
        try {
            filters.throwIfInvalid();
            return FieldErrors.none();
        } catch (InvalidInputException refused) {
            return FieldErrors.of(refused);
        }
    }

    /** The version a change form carries: the one the page showed. */
    static long version(String version) {
        try {
            return Versions.parse(version);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("version", e.getMessage());
        }
    }

    /** A record's address that cannot name a record is a page that does not exist. */
    static NotFoundException notFound(String what, String id) {
        return new NotFoundException(what, id.length() > 40 ? id.substring(0, 40) + "…" : id);
    }

    private static String shortened(String text) {
        return text.length() > VALUE_CHARS_MAX ? text.substring(0, VALUE_CHARS_MAX) : text;
    }
}
