package org.gatehouse.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.identity.Agency;
import org.gatehouse.policy.Policy;

/**
 * The statutory clocks of a case, computed from its history alone (a pure function of the events, the policy's
 * procedure and the moment asked about): nothing is stored as a countdown, so a clock is always what the record says.
 *
 * <p>A day is 24 hours of review time: time between a hold and its answer does not count for any clock. A clock stops
 * when what it waits for happens (the first action; the agency's recommendation; the resolution), and every clock stops
 * when the case ends.
 */
public final class CaseClocks {

    private static final Duration DAY = Duration.ofDays(1);

    private CaseClocks() {}

    /** The clocks of the case with {@code history}, as of {@code now}. */
    public static List<CaseClock> of(List<CaseEvent> history, Policy.Procedure procedure, Instant now) {
        if (history.isEmpty() || !(history.getFirst() instanceof CaseEvent.Opened opened)) {
            throw new IllegalArgumentException("a case's history starts with its opening");
        }
        List<Instant[]> holds = new ArrayList<>();
        Instant heldSince = null;
        Instant firstAction = null;
        Instant ended = null;
        Map<Agency, Instant> referred = new EnumMap<>(Agency.class);
        Map<Agency, Instant> answered = new EnumMap<>(Agency.class);
        for (CaseEvent event : history) {
            switch (event) {
                case CaseEvent.Held held -> {
                    heldSince = held.at();
                    firstAction = firstAction == null ? held.at() : firstAction;
                }
                case CaseEvent.Answered answer -> {
                    if (heldSince != null) {
                        holds.add(new Instant[] {heldSince, answer.at()});
                        heldSince = null;
                    }
                }
                case CaseEvent.Referred referral -> {
                    firstAction = firstAction == null ? referral.at() : firstAction;
                    for (Agency agency : referral.agencies()) {
                        referred.putIfAbsent(agency, referral.at());
                    }
                }
                case CaseEvent.Recommended recommended -> answered.putIfAbsent(recommended.agency(), recommended.at());
                case CaseEvent.Returned returned -> {
                    firstAction = firstAction == null ? returned.at() : firstAction;
                    ended = returned.at();
                }
                case CaseEvent.Decided decided -> {
                    firstAction = firstAction == null ? decided.at() : firstAction;
                    ended = decided.at();
                }
                case CaseEvent.Withdrawn withdrawn -> ended = withdrawn.at();
                case CaseEvent.Opened o -> {}
                case CaseEvent.Assigned a -> {}
                case CaseEvent.DocumentFiled d -> {}
                case CaseEvent.Flagged f -> {}
                case CaseEvent.FlagCleared f -> {}
            }
            if (ended != null) {
                break;
            }
        }
        if (heldSince != null) {
            holds.add(new Instant[] {heldSince, ended != null ? ended : now});
        }
        boolean paused = heldSince != null && ended == null;
        List<CaseClock> clocks = new ArrayList<>(2 + referred.size());
        clocks.add(clock(
                CaseClock.Kind.FIRST_ACTION,
                null,
                procedure.firstActionDays(),
                opened.at(),
                firstAction != null ? firstAction : ended,
                holds,
                paused,
                now));
        for (Map.Entry<Agency, Instant> referral : referred.entrySet()) {
            Instant stop = answered.get(referral.getKey());
            clocks.add(clock(
                    CaseClock.Kind.AGENCY,
                    referral.getKey(),
                    procedure.agencyAnswerDays(),
                    referral.getValue(),
                    stop != null ? stop : ended,
                    holds,
                    paused,
                    now));
        }
        clocks.add(clock(
                CaseClock.Kind.RESOLUTION, null, procedure.resolutionDays(), opened.at(), ended, holds, paused, now));
        return clocks;
    }

    /** The earliest moment a running clock runs out, or null (all stopped, or paused by a hold). */
    public static Instant nextDue(List<CaseClock> clocks) {
        Instant next = null;
        for (CaseClock clock : clocks) {
            if (clock.dueAt() != null && (next == null || clock.dueAt().isBefore(next))) {
                next = clock.dueAt();
            }
        }
        return next;
    }

    private static CaseClock clock(
            CaseClock.Kind kind,
            Agency agency,
            int limitDays,
            Instant start,
            Instant stop,
            List<Instant[]> holds,
            boolean paused,
            Instant now) {
        Instant end = stop != null ? stop : now;
        Duration run = reviewTime(start, end, holds);
        long elapsed = run.isNegative() ? 0 : run.dividedBy(DAY);
        Duration limit = DAY.multipliedBy(limitDays);
        boolean pastLimit = run.compareTo(limit) > 0;
        Instant dueAt = stop == null && !paused ? now.plus(limit.minus(run)) : null;
        return new CaseClock(
                kind,
                agency,
                limitDays,
                elapsed,
                limitDays - elapsed,
                dueAt,
                stop,
                stop == null && pastLimit,
                stop != null && pastLimit);
    }

    /** Time from {@code start} to {@code end} outside the holds. */
    private static Duration reviewTime(Instant start, Instant end, List<Instant[]> holds) {
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        Duration total = Duration.between(start, end);
        for (Instant[] hold : holds) {
            Instant from = hold[0].isAfter(start) ? hold[0] : start;
            Instant to = hold[1].isBefore(end) ? hold[1] : end;
            if (to.isAfter(from)) {
                total = total.minus(Duration.between(from, to));
            }
        }
        return total;
    }
}
