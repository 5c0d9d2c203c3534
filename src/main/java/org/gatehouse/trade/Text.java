package org.gatehouse.trade;

import java.math.BigDecimal;

/**
 * The one rule for free text from clients, everywhere (names, addresses, references, end uses): surrounding white
 * space is trimmed, the rest is bounded in length and free of control characters. Blank text counts as absent.
 */
public final class Text {

    private Text() {}

    /** The trimmed text; refused when absent or blank. */
    public static String required(String value, int charsMax) {
        String text = optional(value, charsMax);
        if (text == null) {
            throw new IllegalArgumentException("is required");
        }
        return text;
    }

    /** The trimmed text, or null when {@code value} is null or blank. */
    public static String optional(String value, int charsMax) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > charsMax) {
            throw new IllegalArgumentException("must be at most " + charsMax + " characters, got " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException("must not contain control characters (found U+"
                        + String.format("%04X", (int) text.charAt(i)) + " at position " + (i + 1) + ")");
            }
        }
        return text;
    }

    /**
     * A number as quoted in an error message: cut short when long, so that {@code 1E+400} is never expanded to 401
     * digits.
     */
    public static String number(BigDecimal value) {
        String text = value.toString();
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
