package org.gatehouse.trade;

import java.util.Objects;

/**
 * A company name as written ({@code display}, kept as the user typed it) and as compared ({@code key}, its
 * {@link CanonicalName}): one company written two ways — case, spacing, punctuation, invisible characters, look-alike
 * letters from other scripts, full-width forms — has one key, so it cannot pass for two companies (and split its
 * compute under a tier boundary).
 */
public record CompanyName(String display, String key) {

    /** Longest name accepted. */
    public static final int CHARS_MAX = 200;

    public CompanyName {
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(key, "key");
    }

    /**
     * The name as written, with its canonical key; refused when blank, over-long, holding control or bidirectional
     * control characters, or without a single letter or digit.
     */
    public static CompanyName of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        String display = raw.strip();
        if (display.length() > CHARS_MAX) {
            throw new IllegalArgumentException("longer than " + CHARS_MAX + " characters");
        }
        Text.requirePrintable(display);
        String key = CanonicalName.key(display);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("must contain a letter or a digit");
        }
        return new CompanyName(display, key);
    }

    @Override
    public String toString() {
        return display;
    }
}
