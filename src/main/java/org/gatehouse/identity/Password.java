package org.gatehouse.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A new password, checked before it is hashed: at least {@value #LENGTH_MIN} characters (length is
 * what makes a password strong) and at most {@value #BYTES_MAX} UTF-8 bytes, because bcrypt ignores
 * everything after the 72nd byte (Spring Security refuses longer input). Never logged:
 * {@link #toString()} hides it.
 */
public record Password(String value) {

    public static final int LENGTH_MIN = 12;
    public static final int BYTES_MAX = 72;

    /** Characters of generated passwords: no look-alikes (0/O, 1/l/I), so they can be read aloud and typed. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** 20 characters of a 56-letter alphabet: about 116 bits. */
    private static final int GENERATED_LENGTH = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    public Password {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("is required");
        }
        if (value.codePointCount(0, value.length()) < LENGTH_MIN) {
            throw new IllegalArgumentException("must be at least " + LENGTH_MIN + " characters");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > BYTES_MAX) {
            throw new IllegalArgumentException("must be at most " + BYTES_MAX + " bytes in UTF-8");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF))) {
            throw new IllegalArgumentException("must not contain control characters or unpaired surrogates");
        }
    }

    /** A random password for accounts whose owner did not choose one (shown once, then only its hash is kept). */
    public static Password generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new Password(password.toString());
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
