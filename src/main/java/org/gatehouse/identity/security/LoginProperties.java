package org.gatehouse.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code gatehouse.login.*}).
 *
 * @param failuresFree consecutive failures for one username before attempts are refused
 * @param failuresFreePerAddress failures from one client address before its attempts are refused
 *     (higher: an office behind one NAT address shares it)
 * @param lockFirst how long the first lock lasts; each further failure doubles it
 * @param lockMax the longest lock
 */
@ConfigurationProperties("gatehouse.login")
public record LoginProperties(
        @DefaultValue("5") int failuresFree,
        @DefaultValue("20") int failuresFreePerAddress,
        @DefaultValue("1m") Duration lockFirst,
        @DefaultValue("15m") Duration lockMax) {

    public LoginProperties {
        if (failuresFree < 1 || failuresFreePerAddress < 1) {
            throw new IllegalArgumentException("gatehouse.login failure counts must be at least 1");
        }
        if (lockFirst.isNegative() || lockFirst.isZero() || lockMax.compareTo(lockFirst) < 0) {
            throw new IllegalArgumentException("gatehouse.login.lock-first must be positive and at most lock-max");
        }
    }

    /** The defaults stated above. */
    public static LoginProperties defaults() {
        return new LoginProperties(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15));
    }
}
