package org.gatehouse.applications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.OrganizationId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} for create and submit: checks the key, fingerprints the request, and tells a first request
 * from a retry (see {@link IdempotencyKeys} for how concurrent retries are serialized).
 */
@Component
class Idempotency {

    static final int KEY_CHARS_MAX = 200;

    private final IdempotencyKeys keys;

    Idempotency(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * Claims {@code key} for this request, or returns the application of the earlier request that
     * claimed it. Null key: no idempotency asked, nothing recorded.
     *
     * @throws ConflictException when the key was used for a different request
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<ApplicationId> claim(OrganizationId organization, String operation, String key, String request) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > KEY_CHARS_MAX || key.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            throw InvalidInputException.of(
                    "Idempotency-Key", "must be 1.." + KEY_CHARS_MAX + " printable ASCII characters");
        }
        String fingerprint = sha256(request);
        Optional<IdempotencyKeys.Earlier> earlier = keys.claim(organization, operation, key, fingerprint);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().requestSha256().equals(fingerprint) || earlier.get().application() == null) {
            throw new ConflictException("Idempotency-Key '" + key + "' was already used for a different request");
        }
        return Optional.of(earlier.get().application());
    }

    /** Records what the request that claimed {@code key} produced, in its transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void complete(OrganizationId organization, String operation, String key, ApplicationId application) {
        if (key != null) {
            keys.complete(organization, operation, key, application);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
