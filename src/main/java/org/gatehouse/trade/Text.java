package org.gatehouse.trade;

import java.math.BigDecimal;

/**
 * The one rule for free text from clients, everywhere (names, addresses, references, end uses): surrounding white
 * space is trimmed, the rest is bounded in length and free of control characters, of bidirectional controls (which
 * make text display in another order than it is stored: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and of
 * unpaired surrogates (which no encoding can store). Blank text counts as absent.
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
        requirePrintable(text);
        return text;
    }

    /**
     * Refuses control characters, bidirectional controls and unpaired surrogates anywhere in {@code text}, naming the
     * first one and its position (counted in characters from 1).
     */
    public static void requirePrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw refused("control characters", c, i);
            }
            if (isBidiControl(c)) {
                throw refused("bidirectional control characters", c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw refused("unpaired surrogates", c, i);
            }
        }
    }

    /** Whether {@code c} changes the direction in which the text around it is displayed. */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }

    private static IllegalArgumentException refused(String what, char c, int index) {
        return new IllegalArgumentException("must not contain " + what + " (found U+" + String.format("%04X", (int) c)
                + " at position " + (index + 1) + ")");
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
