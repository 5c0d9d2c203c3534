package org.gatehouse.licensing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock moved forward by an offset the test sets: licences expire and exemptions lapse as they would after
 * months and years, against the real database, without waiting. Tests move it forward only (audit times then keep
 * their order) and put it back when they finish.
 *
 * <p>The offset is one for the whole JVM, so that two application contexts playing two servers on one database (each
 * with its own bean) live at the same time, as servers do.
 */
public final class MovableClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    /** Makes it the application's clock ({@link Primary}, over the system's). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** Moves the clock {@code by} further (every context's). */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward in tests, got " + by);
        }
        synchronized (MovableClock.class) {
            offset = offset.plus(by);
        }
    }

    /** Back to the system's time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
