package org.gatehouse.preapproval.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Text;
import org.gatehouse.trade.Versions;

/** How the fields every request shape shares are read: versions, dates, names of constants, whole numbers, ids. */
final class Fields {

    private Fields() {}

    static long version(Long version) {
        if (version == null) {
            throw new IllegalArgumentException("is required: the version you read");
        }
        if (version < 1) {
            throw new IllegalArgumentException("must be the version you read (1 or more), got " + version);
        }
        return version;
    }

    /** A {@code ?version=} query parameter. */
    static long versionParam(String text) {
        try {
            return Versions.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("version", e.getMessage());
        }
    }

    static LocalDate date(String text) {
        if (text == null) {
            throw new IllegalArgumentException("is required (yyyy-mm-dd)");
        }
        return optionalDate(text);
    }

    static LocalDate optionalDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date yyyy-mm-dd, got '"
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
        }
    }

    static <E extends Enum<E>> E named(Class<E> type, String name) {
        if (name == null) {
            throw new IllegalArgumentException("is required: one of " + Arrays.toString(type.getEnumConstants()));
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    static long wholeBytes(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 18) {
            throw new IllegalArgumentException("must be a whole number of bytes, got " + Text.number(value));
        }
        return stripped.longValueExact();
    }

    static InvalidInputException badId(String field, IllegalArgumentException e) {
        return InvalidInputException.of(field, e.getMessage());
    }
}
