package org.gatehouse.trade;

import java.util.regex.Pattern;

/**
 * The version of a record as a client names it in a query ({@code ?version=3}): decimal digits only. Spring's number
 * conversion would also read {@code 0x3}, {@code +3} or an empty value, so versions are parsed here instead.
 */
public final class Versions {

    /** 1 to 18 decimal digits: every version fits a long. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

    private Versions() {}

    /** The version written in {@code text}; refused unless it is a decimal whole number. */
    public static long parse(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            String shown =
                    text == null ? "nothing" : "'" + (text.length() > 30 ? text.substring(0, 30) + "…" : text) + "'";
            throw new IllegalArgumentException(
                    "must be the version you read, as decimal digits (such as 3), got " + shown);
        }
        return Long.parseLong(text);
    }
}
