package org.gatehouse.licensing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Text;

/**
 * The {@code Idempotency-Key} of a shipment report or a notification: a client that retries with the same key gets the
 * record the first request made, never a second drawdown. Keys live with the record they made, unique per licence
 * (or exemption), and are looked up under the record's row lock, so two retries cannot race.
 */
final class RequestKeys {

    /** Longest key accepted; a UUID fits with room to spare. */
    static final int KEY_CHARS_MAX = 200;

    private RequestKeys() {}

    /** The key as given (trimmed), or null when none was. */
    static String checked(String key) {
        try {
            return Text.optional(key, KEY_CHARS_MAX);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("Idempotency-Key", e.getMessage());
        }
    }

    /** The earlier record made with this key, if the request is the same; refused when it is another request. */
    static <T> Optional<T> replay(Optional<Keyed<T>> earlier, String requestSha256, String key) {
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().requestSha256().equals(requestSha256)) {
            throw new ConflictException("Idempotency-Key '" + key + "' was already used for a different request");
        }
        return Optional.of(earlier.get().record());
    }

    static String sha256(String request) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
