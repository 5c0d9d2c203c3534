package org.gatehouse.identity.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing, in memory: after 5 consecutive failed logins for one username, or
 * 20 from one client address ({@link LoginProperties}), further attempts are refused without
 * checking the password for 1 minute, doubling with every further failure up to 15 minutes. A success resets the username's count. The username is counted whether
 * or not the account exists, so the refusal reveals nothing about which accounts exist.
 *
 * <p>Bounded: at most {@value #ENTRIES_MAX} usernames and addresses are remembered (the least
 * recently failed are forgotten first) and a count is forgotten after {@link #FORGET_AFTER} without
 * failures. One server, one memory: behind several servers each throttles on its own.
 */
final class LoginThrottle {

    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    static final int ENTRIES_MAX = 10_000;
    private static final int KEY_LENGTH_MAX = 100;

    private record Failures(int count, Instant last, Instant lockedUntil) {}

    private final LoginProperties properties;

    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > ENTRIES_MAX;
        }
    };

    LoginThrottle(LoginProperties properties) {
        this.properties = properties;
    }

    /** How long attempts for this username or from this address are still refused, if they are. */
    synchronized Optional<Duration> lockedFor(String username, String address, Instant now) {
        Duration longest = Duration.ZERO;
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Failures state = failures.get(key);
            if (state != null && state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
                Duration left = Duration.between(now, state.lockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed attempt; returns true if this failure started a lock for the username or the address. */
    synchronized boolean failed(String username, String address, Instant now) {
        boolean userLocked = count(userKey(username), properties.failuresFree(), now);
        boolean addressLocked = count(addressKey(address), properties.failuresFreePerAddress(), now);
        return userLocked || addressLocked;
    }

    /** A successful login clears the username's failures (not the address's: one good account must not unlock guessing at others). */
    synchronized void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /** Usernames and addresses remembered now (tests check the bound). */
    synchronized int size() {
        return failures.size();
    }

    private boolean count(String key, int free, Instant now) {
        Failures previous = failures.get(key);
        int count = previous == null || previous.last().plus(FORGET_AFTER).isBefore(now) ? 1 : previous.count() + 1;
        Instant lockedUntil = null;
        if (count >= free) {
            long doublings = Math.min(count - free, 10); // 2^10 minutes is far past the maximum anyway
            Duration lock = properties.lockFirst().multipliedBy(1L << doublings);
            lockedUntil = now.plus(lock.compareTo(properties.lockMax()) > 0 ? properties.lockMax() : lock);
        }
        failures.put(key, new Failures(count, now, lockedUntil));
        return count == free;
    }

    private static String userKey(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (normalized.length() > KEY_LENGTH_MAX ? normalized.substring(0, KEY_LENGTH_MAX) : normalized);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
