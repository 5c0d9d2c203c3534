package org.gatehouse.identity.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Where failed sign-ins are counted, per (username, client address) pair (implemented over SQL in
 * {@code identity/jdbc/}, so that several servers on one database share the counts).
 */
public interface LoginFailures {

    /** Until when the pair is refused without a password check, if it is. */
    Optional<Instant> lockedUntil(String usernameKey, String address);

    /**
     * Counts one more failure of the pair and returns how many there are now, counting afresh when the last one is
     * older than {@code forgetBefore}.
     */
    int countFailure(String usernameKey, String address, Instant now, Instant forgetBefore);

    /** Refuses the pair until {@code until}. */
    void lock(String usernameKey, String address, Instant until);

    /** Forgets the pair's failures (it signed in). */
    void clear(String usernameKey, String address);

    /** Forgets every pair whose last failure is older than {@code before}: the table holds only recent ones. */
    void forget(Instant before);
}
