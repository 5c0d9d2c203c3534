package org.gatehouse.licensing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/**
 * What only a form has, converted for the records that check themselves: a decimal where a whole number belongs, a
 * date as ISO text, a list measured before its entries are read. States no rule of a field itself.
 */
final class Forms {

    /** Longest date text read: {@code yyyy-mm-dd} with room for a sign. */
    private static final int DATE_CHARS_MAX = 12;

    private Forms() {}

    /** Builds one entry of a list from its form, at its path. */
    @FunctionalInterface
    interface Entry<F, T> {
        T build(String path, F form);
    }

    /**
     * The entries of a list, each built at its path ({@code lines[3]}); the size rule runs first, so an oversized list
     * costs no work. Entries that were refused are left out (their problems are recorded).
     */
    static <F, T> List<T> list(InputCheck check, String field, List<F> forms, IntConsumer sizeRule, Entry<F, T> entry) {
        int size = forms == null ? 0 : forms.size();
        if (!check.holds(field, () -> sizeRule.accept(size))) {
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

    /**
     * A decimal from the form as the whole number a record takes. A missing, fractional or out-of-range value is
     * recorded under {@code field}; the placeholder {@code placeholder} lets the record check its other fields (its
     * own refusal of this field is not recorded twice), and the form is refused anyway.
     */
    static long whole(InputCheck check, String field, BigDecimal value, long placeholder) {
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
        return whole == null ? placeholder : whole;
    }

    /** An ISO date ({@code 2026-11-03}), or null when absent; a malformed one is recorded under {@code field}. */
    static LocalDate date(InputCheck check, String field, String text) {
        return check.field(field, () -> {
            if (text == null) {
                return null;
            }
            if (text.length() > DATE_CHARS_MAX) {
                throw new IllegalArgumentException("must be a date as yyyy-mm-dd");
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be a date as yyyy-mm-dd, got '" + text + "'");
            }
        });
    }
}
