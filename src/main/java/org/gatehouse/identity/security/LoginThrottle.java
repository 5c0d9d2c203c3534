package org.gatehouse.identity.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing per (username, client address) pair: after 5 consecutive failures of a pair
 * ({@link LoginProperties}), its further attempts are refused without checking the password for 1 minute, doubling
 * with every further failure up to 15 minutes; a success clears the pair. The account's owner signing in from
 * another address is not slowed down, so a guesser cannot lock anyone out, and an address behind which many people
 * work (a proxy) is not locked for all of them. The username is counted whether or not the account exists, so a
 * refusal reveals nothing about which accounts exist. Counts are forgotten after {@link #FORGET_AFTER} without a
 * failure, and live in the database ({@link LoginFailures}): several servers share them.
 */
final class LoginThrottle {

    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    private static final int KEY_LENGTH_MAX = 100;

    private final LoginProperties properties;
    private final LoginFailures failures;

    LoginThrottle(LoginProperties properties, LoginFailures failures) {
        this.properties = properties;
        this.failures = failures;
    }

    /** How long attempts of this username from this address are still refused, if they are. */
    Optional<Duration> lockedFor(String username, String address, Instant now) {
        return failures.lockedUntil(userKey(username), addressKey(address))
                .filter(now::isBefore)
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failed attempt; returns true if this failure started a lock for the pair. */
    boolean failed(String username, String address, Instant now) {
        String user = userKey(username);
        String from = addressKey(address);
        failures.forget(now.minus(FORGET_AFTER));
        int count = failures.countFailure(user, from, now, now.minus(FORGET_AFTER));
        int free = properties.failuresFree();
        if (count < free) {
            return false;
        }
        long doublings = Math.min(count - free, 10); // 2^10 minutes is far past the maximum anyway
        Duration lock = properties.lockFirst().multipliedBy(1L << doublings);
        failures.lock(user, from, now.plus(lock.compareTo(properties.lockMax()) > 0 ? properties.lockMax() : lock));
        return count == free;
    }

    /** A successful sign-in clears the failures of its pair. */
    void succeeded(String username, String address) {
        failures.clear(userKey(username), addressKey(address));
    }

    private static String userKey(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return normalized.length() > KEY_LENGTH_MAX ? normalized.substring(0, KEY_LENGTH_MAX) : normalized;
    }

    private static String addressKey(String address) {
        String value = address == null ? "" : address;
        return value.length() > KEY_LENGTH_MAX ? value.substring(0, KEY_LENGTH_MAX) : value;
    }
}
