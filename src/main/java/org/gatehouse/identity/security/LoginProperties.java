package org.gatehouse.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code gatehouse.login.*}).
 *
 * @param failuresFree consecutive failures of one username from one client address before that pair's attempts are
 *     refused
 * @param lockFirst how long the first lock lasts; each further failure doubles it
 * @param lockMax the longest lock
 */
@ConfigurationProperties("gatehouse.login")
public record LoginProperties(
        @DefaultValue("5") int failuresFree,
        @DefaultValue("1m") Duration lockFirst,
        @DefaultValue("15m") Duration lockMax) {

    public LoginProperties {
        if (failuresFree < 1) {
            throw new IllegalArgumentException("gatehouse.login.failures-free must be at least 1");
        }
        if (lockFirst.isNegative() || lockFirst.isZero() || lockMax.compareTo(lockFirst) < 0) {
            throw new IllegalArgumentException("gatehouse.login.lock-first must be positive and at most lock-max");
        }
    }

    /** The defaults stated above. */
    public static LoginProperties defaults() {
        return new LoginProperties(5, Duration.ofMinutes(1), Duration.ofMinutes(15));
    }
}
