package org.gatehouse.cases;

import java.time.Instant;
import java.util.Objects;
import org.gatehouse.identity.Agency;

/**
 * One statutory clock of a case as of a moment: how many calendar days it has run (time held without action does not
 * count), how many remain, whether it is overdue, or when and how it stopped.
 *
 * @param agency for an agency's clock, which agency; else null
 * @param limitDays the days the procedure allows
 * @param elapsedDays whole days the clock has run (until it stopped, or until now)
 * @param remainingDays {@code limitDays - elapsedDays}: negative once late
 * @param dueAt when it runs out if nothing pauses it; null while the case is held or once the clock stopped
 * @param stoppedAt when what it waited for happened, or null while it runs
 * @param overdue whether it runs and has passed its limit
 * @param late whether it stopped after its limit
 */
public record CaseClock(
        Kind kind,
        Agency agency,
        int limitDays,
        long elapsedDays,
        long remainingDays,
        Instant dueAt,
        Instant stoppedAt,
        boolean overdue,
        boolean late) {

    /** The clocks of Executive Order 12981 (SPEC §6.2). */
    public enum Kind {
        /** Refer, hold or return within {@code first_action_days} of registration. */
        FIRST_ACTION,
        /** Each referred agency answers within {@code agency_answer_days} of its referral. */
        AGENCY,
        /** The case is resolved within {@code resolution_days} of registration. */
        RESOLUTION
    }

    public CaseClock {
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether the clock still runs (or is paused by a hold): what it waits for has not happened. */
    public boolean running() {
        return stoppedAt == null;
    }
}
