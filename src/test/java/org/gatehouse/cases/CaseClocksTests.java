package org.gatehouse.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.cases.CaseFixtures.EO_12981;
import static org.gatehouse.cases.CaseFixtures.aTier2Case;
import static org.gatehouse.cases.CaseFixtures.day;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gatehouse.identity.Agency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The statutory clocks, to the day: computed from the history, holds not counted, stopped by what they wait for. */
class CaseClocksTests {

    @ParameterizedTest(name = "day {0} + {1} h: elapsed {2}, remaining {3}, overdue {4}")
    @CsvSource({
        "0, 0, 0, 9, false",
        "0, 23, 0, 9, false",
        "1, 0, 1, 8, false",
        "8, 23, 8, 1, false",
        "9, 0, 9, 0, false",
        "9, 1, 9, 0, true",
        "12, 0, 12, -3, true"
    })
    void theFirstActionClockRunsFromRegistration(long days, long hours, long elapsed, long remaining, boolean overdue) {
        CaseClock first = clock(aTier2Case().clocks(EO_12981, day(days, hours)), CaseClock.Kind.FIRST_ACTION);

        assertThat(first.elapsedDays()).isEqualTo(elapsed);
        assertThat(first.remainingDays()).isEqualTo(remaining);
        assertThat(first.overdue()).isEqualTo(overdue);
        assertThat(first.dueAt()).isEqualTo(day(9));
    }

    @Test
    void aHoldStopsEveryClockAndItsTimeIsNotCounted() {
        Case review = aTier2Case();
        review.hold("Who operates the site?", LocalDate.of(2026, 10, 20), 1, "officer", day(3));

        List<CaseClock> held = review.clocks(EO_12981, day(10));
        CaseClock resolution = clock(held, CaseClock.Kind.RESOLUTION);
        assertThat(resolution.elapsedDays())
                .as("only the 3 days before the hold")
                .isEqualTo(3);
        assertThat(resolution.dueAt()).as("paused").isNull();
        assertThat(resolution.overdue()).isFalse();
        assertThat(clock(held, CaseClock.Kind.FIRST_ACTION).stoppedAt())
                .as("a hold is a first action")
                .isEqualTo(day(3));

        review.answer("Humain operates it.", "exporter", day(13));
        List<CaseClock> resumed = review.clocks(EO_12981, day(20));
        CaseClock after = clock(resumed, CaseClock.Kind.RESOLUTION);
        assertThat(after.elapsedDays())
                .as("3 days before + 7 after the 10-day hold")
                .isEqualTo(10);
        assertThat(after.remainingDays()).isEqualTo(80);
        assertThat(after.dueAt()).as("the deadline moved by the 10 days held").isEqualTo(day(100));
    }

    @Test
    void eachAgencyHasItsOwnClockFromItsReferral() {
        Case review = aTier2Case();
        review.refer(Set.of(Agency.STATE), null, 1, "officer", day(2));
        review.refer(Set.of(Agency.DEFENSE, Agency.ENERGY), null, 2, "officer", day(5));
        review.recommend(Agency.STATE, Recommendation.APPROVE, "no objection", "state", day(20));

        List<CaseClock> clocks = review.clocks(EO_12981, day(40));
        CaseClock state = agency(clocks, Agency.STATE);
        assertThat(state.stoppedAt()).isEqualTo(day(20));
        assertThat(state.elapsedDays()).isEqualTo(18);
        assertThat(state.late()).isFalse();
        CaseClock defense = agency(clocks, Agency.DEFENSE);
        assertThat(defense.elapsedDays()).isEqualTo(35);
        assertThat(defense.remainingDays()).isEqualTo(-5);
        assertThat(defense.overdue()).isTrue();
        assertThat(clock(clocks, CaseClock.Kind.FIRST_ACTION).stoppedAt()).isEqualTo(day(2));
    }

    @Test
    void aHoldDuringAReferralPausesTheAgencyClocksToo() {
        Case review = aTier2Case();
        review.refer(Set.of(Agency.ENERGY), null, 1, "officer", day(1));
        review.hold("Send the site plan", LocalDate.of(2026, 11, 30), 2, "officer", day(11));
        review.answer("Attached.", "exporter", day(31));

        CaseClock energy = agency(review.clocks(EO_12981, day(41)), Agency.ENERGY);
        assertThat(energy.elapsedDays()).as("10 days before the hold, 10 after").isEqualTo(20);
        assertThat(energy.dueAt()).isEqualTo(day(51));
    }

    @Test
    void everyClockStopsWhenTheCaseIsDecidedAndALateOneSaysSo() {
        Case review = aTier2Case();
        review.decide(
                Decision.DENIED, "presumption of denial", null, List.of(), EO_12981, 1, "officer", day(95), () -> null);

        List<CaseClock> clocks = review.clocks(EO_12981, day(200));
        CaseClock resolution = clock(clocks, CaseClock.Kind.RESOLUTION);
        assertThat(resolution.stoppedAt()).isEqualTo(day(95));
        assertThat(resolution.late()).isTrue();
        assertThat(resolution.overdue()).isFalse();
        assertThat(CaseClocks.nextDue(clocks)).isNull();
        assertThat(clock(clocks, CaseClock.Kind.FIRST_ACTION).late()).isTrue();
    }

    @Test
    void theNextDeadlineIsTheNearestRunningClock() {
        Case review = aTier2Case();
        assertThat(CaseClocks.nextDue(review.clocks(EO_12981, day(1)))).isEqualTo(day(9));
        review.refer(Set.of(Agency.STATE), null, 1, "officer", day(4));
        assertThat(CaseClocks.nextDue(review.clocks(EO_12981, day(5)))).isEqualTo(day(34));
    }

    private static CaseClock clock(List<CaseClock> clocks, CaseClock.Kind kind) {
        return clocks.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    private static CaseClock agency(List<CaseClock> clocks, Agency agency) {
        return clocks.stream().filter(c -> c.agency() == agency).findFirst().orElseThrow();
    }
}
