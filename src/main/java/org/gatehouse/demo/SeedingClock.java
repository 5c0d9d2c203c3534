package org.gatehouse.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock while the demo world is on: the system clock, except while {@link DemoWorld} seeds a step
 * of the past, when it runs from that moment (shifted back by a fixed offset, so time still flows and the services'
 * own timestamps stay in order). Only a demo server has it; the seeding takes seconds, at start.
 */
final class SeedingClock extends Clock {

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;

    SeedingClock(Clock system) {
        this.system = system;
    }

    /** From now on the clock reads {@code moment} and runs on from there. */
    void runFrom(Instant moment) {
        offset = Duration.between(system.instant(), moment);
    }

    /** Back to the real time. */
    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the seeding clock is UTC");
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }
}
