package org.gatehouse.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gatehouse.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sign-in failures slow down the (username, address) pair that fails, in the database that servers share. */
@IntegrationTest
class LoginThrottleIntegrationTests {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Autowired
    LoginFailures failures;

    LoginThrottle throttle() {
        return new LoginThrottle(LoginProperties.defaults(), failures);
    }

    @Test
    void fiveFailuresOfAPairLockThatPairForAMinuteAndNothingElse() {
        LoginThrottle throttle = throttle();
        String dana = unique("dana");
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed(dana, "203.0.113.7", T0)).isFalse();
            assertThat(throttle.lockedFor(dana, "203.0.113.7", T0)).isEmpty();
        }
        assertThat(throttle.failed(dana, "203.0.113.7", T0)).isTrue();

        assertThat(throttle.lockedFor(dana, "203.0.113.7", T0.plusSeconds(10))).contains(Duration.ofSeconds(50));
        assertThat(throttle.lockedFor(dana.toUpperCase() + " ", "203.0.113.7", T0.plusSeconds(10)))
                .as("same username, other spelling")
                .isPresent();
        assertThat(throttle.lockedFor(dana, "198.51.100.1", T0.plusSeconds(10)))
                .as("the owner from another address gets in")
                .isEmpty();
        assertThat(throttle.lockedFor(unique("colleague"), "203.0.113.7", T0.plusSeconds(10)))
                .as("others behind the same address get in")
                .isEmpty();
        assertThat(throttle.lockedFor(dana, "203.0.113.7", T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void oneAddressFailingForManyUsernamesLocksNoneOfTheOthers() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 50; i++) {
            throttle.failed(unique("user" + i), "203.0.113.9", T0);
        }
        assertThat(throttle.lockedFor(unique("fresh"), "203.0.113.9", T0)).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
        LoginThrottle throttle = throttle();
        String dana = unique("dana");
        Instant now = T0;
        for (int i = 0; i < 5; i++) {
            throttle.failed(dana, "10.0.0.1", now);
        }
        assertThat(throttle.lockedFor(dana, "10.0.0.1", now)).contains(Duration.ofMinutes(1));
        Duration[] expected = {
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15)
        };
        for (Duration lock : expected) {
            now = now.plus(Duration.ofMinutes(15)); // after the lock: another wrong guess
            throttle.failed(dana, "10.0.0.1", now);
            assertThat(throttle.lockedFor(dana, "10.0.0.1", now)).contains(lock);
        }
    }

    @Test
    void aSuccessClearsThePair() {
        LoginThrottle throttle = throttle();
        String dana = unique("dana");
        for (int i = 0; i < 4; i++) {
            throttle.failed(dana, "10.0.0.1", T0);
        }
        throttle.succeeded(dana, "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            throttle.failed(dana, "10.0.0.1", T0);
        }
        assertThat(throttle.lockedFor(dana, "10.0.0.1", T0)).isEmpty();
    }

    @Test
    void countsAreForgottenAfterHalfAnHourWithoutFailures() {
        LoginThrottle throttle = throttle();
        String dana = unique("dana");
        for (int i = 0; i < 4; i++) {
            throttle.failed(dana, "10.0.0.1", T0);
        }
        Instant later = T0.plus(Duration.ofMinutes(31));

        assertThat(throttle.failed(dana, "10.0.0.1", later)).isFalse();
        assertThat(throttle.lockedFor(dana, "10.0.0.1", later)).isEmpty();
    }

    @Test
    void serversOnOneDatabaseShareTheCounts() {
        LoginThrottle first = throttle();
        LoginThrottle second = throttle();
        String dana = unique("dana");
        for (int i = 0; i < 3; i++) {
            first.failed(dana, "10.0.0.1", T0);
        }
        assertThat(second.failed(dana, "10.0.0.1", T0)).isFalse();
        assertThat(second.failed(dana, "10.0.0.1", T0)).isTrue();

        assertThat(first.lockedFor(dana, "10.0.0.1", T0)).isPresent();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
