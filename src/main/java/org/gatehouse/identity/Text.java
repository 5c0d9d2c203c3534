package org.gatehouse.identity;

/** Checks shared by the free-text values of this module: present, trimmed, bounded, no control characters. */
final class Text {

    private Text() {}

    /** @throws IllegalArgumentException naming the rule {@code value} breaks */
    static String require(String value, int lengthMax) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException("must not start or end with spaces");
        }
        if (value.length() > lengthMax) {
            throw new IllegalArgumentException("must be at most " + lengthMax + " characters, got " + value.length());
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        return value;
    }
}
