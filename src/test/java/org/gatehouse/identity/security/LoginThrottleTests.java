package org.gatehouse.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(LoginProperties.defaults());

    @Test
    void fiveFailuresForOneUsernameLockItForAMinute() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed("dana", "10.0.0." + i, T0)).isFalse();
            assertThat(throttle.lockedFor("dana", "10.0.0.9", T0)).isEmpty();
        }
        assertThat(throttle.failed("dana", "10.0.0.5", T0)).isTrue();

        assertThat(throttle.lockedFor("dana", "192.0.2.1", T0.plusSeconds(10))).contains(Duration.ofSeconds(50));
        assertThat(throttle.lockedFor("DANA ", "192.0.2.1", T0.plusSeconds(10)))
                .as("same username, other spelling")
                .isPresent();
        assertThat(throttle.lockedFor("other", "192.0.2.1", T0.plusSeconds(10))).isEmpty();
        assertThat(throttle.lockedFor("dana", "192.0.2.1", T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
        Instant now = T0;
        for (int i = 0; i < 5; i++) {
            throttle.failed("dana", "10.0.0.1", now);
        }
        assertThat(throttle.lockedFor("dana", "x", now)).contains(Duration.ofMinutes(1));
        Duration[] expected = {
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15)
        };
        for (Duration lock : expected) {
            now = now.plus(Duration.ofMinutes(15)); // after the lock: another wrong guess
            throttle.failed("dana", "10.0.0.1", now);
            assertThat(throttle.lockedFor("dana", "x", now)).contains(lock);
        }
    }

    @Test
    void aSuccessResetsTheUsernameCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("dana", "10.0.0.1", T0);
        }
        throttle.succeeded("dana");
        for (int i = 0; i < 4; i++) {
            throttle.failed("dana", "10.0.0.1", T0);
        }
        assertThat(throttle.lockedFor("dana", "x", T0)).isEmpty();
    }

    @Test
    void oneAddressGuessingManyUsernamesIsLockedAfterTwentyFailures() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "203.0.113.7", T0);
        }
        assertThat(throttle.lockedFor("fresh", "203.0.113.7", T0)).isEmpty();

        assertThat(throttle.failed("user19", "203.0.113.7", T0)).isTrue();

        assertThat(throttle.lockedFor("fresh", "203.0.113.7", T0)).contains(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("fresh", "203.0.113.8", T0)).isEmpty();
        throttle.succeeded("fresh"); // a good login elsewhere does not unlock the address
        assertThat(throttle.lockedFor("fresh", "203.0.113.7", T0)).isPresent();
    }

    @Test
    void countsAreForgottenAfterHalfAnHourWithoutFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("dana", "10.0.0.1", T0);
        }
        Instant later = T0.plus(Duration.ofMinutes(31));

        assertThat(throttle.failed("dana", "10.0.0.1", later)).isFalse();
        assertThat(throttle.lockedFor("dana", "x", later)).isEmpty();
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < LoginThrottle.ENTRIES_MAX + 100; i++) {
            throttle.failed("user" + i, "10.0.0.1", T0);
        }
        // The oldest usernames were forgotten: their single failure no longer counts towards a lock.
        for (int i = 0; i < 4; i++) {
            throttle.failed("user0", "10.0.0.2", T0);
        }
        assertThat(throttle.lockedFor("user0", "10.0.0.3", T0)).isEmpty();
        assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.ENTRIES_MAX);
    }
}
