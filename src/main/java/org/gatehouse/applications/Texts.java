package org.gatehouse.applications;

/** Checks on free text from clients: bounded length, no control characters, trimmed. */
public final class Texts {

    private Texts() {}

    /** The trimmed text, or null when {@code value} is null or blank and {@code required} is false. */
    public static String text(String value, int charsMax, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("is required");
            }
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
     * A number as quoted in an error message: scientific form when long, so that {@code 1E+400} is
     * never expanded to 401 digits.
     */
    public static String number(java.math.BigDecimal value) {
        String text = value.toString();
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
