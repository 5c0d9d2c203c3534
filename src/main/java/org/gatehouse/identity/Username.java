package org.gatehouse.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A login name: 3 to 64 of {@code a-z 0-9 . _ -}. Input is lower-cased first, so {@code Exporter}
 * and {@code exporter} are the same account.
 */
public record Username(String value) {

    public static final int LENGTH_MIN = 3;
    public static final int LENGTH_MAX = 64;
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9._-]{" + LENGTH_MIN + "," + LENGTH_MAX + "}");

    public Username {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "must be " + LENGTH_MIN + ".." + LENGTH_MAX + " characters of a-z, 0-9, '.', '_' or '-'");
        }
    }

    /** Parses client input, lower-casing it. */
    public static Username of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("is required");
        }
        return new Username(text.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
