package org.gatehouse.trade;

import java.util.Locale;
import java.util.Objects;

/**
 * A company name as written ({@code display}) and as compared ({@code key}): trimmed, inner white space collapsed to
 * one space and case-folded, so "Public Investment Fund" and " public  investment FUND" are one company.
 */
public record CompanyName(String display, String key) {

    /** Longest name accepted. */
    public static final int CHARS_MAX = 200;

    public CompanyName {
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(key, "key");
    }

    /** The name as written, normalized for comparison; blank or over-long names are refused. */
    public static CompanyName of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        String display = raw.strip();
        if (display.length() > CHARS_MAX) {
            throw new IllegalArgumentException("longer than " + CHARS_MAX + " characters");
        }
        for (int i = 0; i < display.length(); i++) {
            if (Character.isISOControl(display.charAt(i))) {
                throw new IllegalArgumentException("contains a control character");
            }
        }
        return new CompanyName(display, normalize(display));
    }

    private static String normalize(String s) {
        boolean simple = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80
                    || (c >= 'A' && c <= 'Z')
                    || (Character.isWhitespace(c) && (c != ' ' || (i > 0 && s.charAt(i - 1) == ' ')))) {
                simple = false;
                break;
            }
        }
        if (simple) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return display;
    }
}
