package org.gatehouse.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of an API token: {@code gh_} followed by 32 random bytes in base64url (43 characters).
 * Only its SHA-256 is stored: the secret has 256 bits of entropy, so a fast hash cannot be
 * brute-forced and every request can be checked without bcrypt's cost. {@link #toString()} hides it.
 */
public record TokenSecret(String value) {

    public static final String SCHEME_PREFIX = "gh_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("gh_[A-Za-z0-9_-]{43}");
    /** Characters shown to tell tokens apart: the scheme and 5 of the 256 random bits, useless to an attacker. */
    private static final int DISPLAY_PREFIX_LENGTH = SCHEME_PREFIX.length() + 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    public TokenSecret {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a Gatehouse API token");
        }
    }

    public static TokenSecret generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new TokenSecret(
                SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The secret in a bearer header, if the text has the token format (anything else is no token). */
    public static Optional<TokenSecret> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new TokenSecret(text)) : Optional.empty();
    }

    /** What the database stores and looks the token up by. */
    public String sha256Hex() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The first characters, stored and shown so that people can tell their tokens apart. */
    public String displayPrefix() {
        return value.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    @Override
    public String toString() {
        return "TokenSecret[" + displayPrefix() + "…]";
    }
}
