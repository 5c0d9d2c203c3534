package org.gatehouse.revenueshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.gatehouse.SeededCases;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.Usd;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Revenue-share arithmetic, quarters and statements without storage, on fixed days. */
class RevenueShareTests {

    static final RevenueShareTerms CHINA_H200 = RevenueShareTerms.of(Map.of("rate", "0.25"), 30);
    static final Instant NOW = Instant.parse("2027-01-05T10:00:00Z");

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({
        // rate, revenue, due — exact product, then half-even to the cent
        "0.25, 0.00, 0.00",
        "0.25, 0.01, 0.00", // 0.0025
        "0.25, 0.02, 0.00", // 0.005: the half goes to the even cent
        "0.25, 0.03, 0.01", // 0.0075
        "0.25, 0.06, 0.02", // 0.015: to the even cent, up
        "0.25, 0.10, 0.02", // 0.025: to the even cent, down
        "0.25, 0.14, 0.04", // 0.035: up
        "0.25, 0.18, 0.04", // 0.045: down
        "0.25, 1000000.00, 250000.00",
        "0.25, 12345678.90, 3086419.72", // 3086419.725: to the even cent, down
        "0.25, 12345678.94, 3086419.74", // 3086419.735: up
        "0.25, 999999999999999.99, 250000000000000.00", // 249999999999999.9975: up
        "0.15, 33.33, 5.00", // 4.9995: up
        "0.125, 0.20, 0.02", // 0.025: down
        "0.125, 0.28, 0.04", // 0.035: up
        "1, 7.77, 7.77",
        "0.0001, 49.99, 0.00", // 0.004999
        "0.0001, 50.00, 0.00", // 0.005: to the even cent, 0
        "0.0001, 150.00, 0.02" // 0.015: up
    })
    void theShareIsTheExactProductRoundedHalfEvenToTheCent(String rate, String revenue, String due) {
        RevenueShareTerms terms = RevenueShareTerms.of(Map.of("rate", rate), 30);
        assertThat(terms.due(Usd.of(revenue))).isEqualTo(Usd.of(due));
    }

    static java.util.stream.Stream<Long> seeds() {
        return SeededCases.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theShareIsWithinHalfACentOfTheExactProductAndSplitsNoCentAway(long seed) {
        Random random = new Random(seed);
        long cents = SeededCases.between(random, 0L, 100_000_000_000_000_000L - 1);
        int rateBasisPoints = SeededCases.between(random, 1, 10_000);
        Usd revenue = new Usd(BigDecimal.valueOf(cents, 2));
        BigDecimal rate = BigDecimal.valueOf(rateBasisPoints, 4);
        SeededCases.check(seed, revenue + " × " + rate, () -> {
            Usd due = RevenueShareTerms.of(Map.of("rate", rate.toPlainString()), 30)
                    .due(revenue);
            BigDecimal exact = revenue.amount().multiply(rate);
            assertThat(due.amount().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
            assertThat(due.amount().scale()).isEqualTo(2);
            assertThat(due.amount()).isLessThanOrEqualTo(revenue.amount());
        });
    }

    @Test
    void theRateIsMoreThanZeroAndAtMostOneAndNamedByTheCondition() {
        assertThatThrownBy(() -> RevenueShareTerms.of(Map.of(), 30)).hasMessageContaining("names no rate");
        assertThatThrownBy(() -> RevenueShareTerms.of(Map.of("rate", "1.5"), 30))
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> RevenueShareTerms.of(Map.of("rate", "x"), 30)).hasMessageContaining("not a decimal");
        assertThat(CHINA_H200.base()).isEqualTo("revenue from the licensed items");
    }

    @Nested
    class Quarters {

        @Test
        void aQuarterRunsThreeCalendarMonthsAndItsShareIsDueThirtyDaysAfter() {
            Quarter q4 = Quarter.parse("2026-Q4");

            assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(q4.next()).isEqualTo(new Quarter(2027, 1));
            assertThat(CHINA_H200.dueOn(q4)).isEqualTo(LocalDate.of(2027, 1, 30));
            assertThat(CHINA_H200.dueOn(Quarter.parse("2027-Q1"))).isEqualTo(LocalDate.of(2027, 4, 30));
            assertThat(Quarter.of(LocalDate.of(2027, 3, 31))).isEqualTo(Quarter.parse("2027-Q1"));
            assertThatThrownBy(() -> Quarter.parse("2026-Q5")).hasMessageContaining("such as 2026-Q3");
        }

        @Test
        void revenueIsReportedOnceTheQuarterIsOver() {
            assertThatThrownBy(() -> RevenueReport.report(
                            "GH-2026-000001",
                            Quarter.parse("2026-Q4"),
                            Usd.of("10"),
                            CHINA_H200,
                            LocalDate.of(2026, 12, 31),
                            "exporter",
                            NOW))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("from 2027-01-01");
        }
    }

    @Nested
    class Statements {

        static final LocalDate FROM = LocalDate.of(2026, 11, 15);
        static final LocalDate UNTIL = LocalDate.of(2030, 11, 14);

        RevenueReport q4(String revenue) {
            return RevenueReport.report(
                    "GH-2026-000001",
                    Quarter.parse("2026-Q4"),
                    Usd.of(revenue),
                    CHINA_H200,
                    LocalDate.of(2027, 1, 5),
                    "exporter",
                    NOW);
        }

        @Test
        void anUnreportedQuarterIsOverdueTheDayAfterItsDueDate() {
            Statement onTheDay =
                    Statement.of(CHINA_H200, FROM, UNTIL, LocalDate.of(2027, 1, 30), Map.of(), Map.of(), Map.of());
            Statement dayAfter =
                    Statement.of(CHINA_H200, FROM, UNTIL, LocalDate.of(2027, 1, 31), Map.of(), Map.of(), Map.of());

            assertThat(onTheDay.periods())
                    .extracting(p -> p.quarter().toString())
                    .containsExactly("2026-Q4", "2027-Q1");
            assertThat(onTheDay.overdue()).isZero();
            assertThat(dayAfter.periods().getFirst().overdue()).isTrue();
            assertThat(dayAfter.periods().get(1).overdue())
                    .as("2027-Q1 is not over")
                    .isFalse();
        }

        @Test
        void aRemittanceReducesTheBalanceAndPayingInFullEndsTheOverdue() {
            RevenueReport report = q4("1000000.10"); // due 250000.025 → 250000.02
            Quarter q = report.quarter();
            LocalDate late = LocalDate.of(2027, 2, 15);

            Statement part = Statement.of(
                    CHINA_H200, FROM, UNTIL, late, Map.of(q, report), Map.of(q, Usd.of("100000")), Map.of());
            Statement full = Statement.of(
                    CHINA_H200, FROM, UNTIL, late, Map.of(q, report), Map.of(q, Usd.of("250000.02")), Map.of());

            assertThat(report.due()).isEqualTo(Usd.of("250000.02"));
            assertThat(part.balance()).isEqualTo(Usd.of("150000.02"));
            assertThat(part.periods().getFirst().overdue()).isTrue();
            assertThat(full.balance()).isEqualTo(Usd.ZERO);
            assertThat(full.periods().getFirst().overdue()).isFalse();
            assertThat(full.overdue()).isZero();
        }

        @Test
        void revenueBelowTheValueShippedIsFlagged() {
            RevenueReport report = q4("900000");
            Quarter q = report.quarter();

            Statement s = Statement.of(
                    CHINA_H200,
                    FROM,
                    UNTIL,
                    LocalDate.of(2027, 1, 10),
                    Map.of(q, report),
                    Map.of(),
                    Map.of(q, Usd.of("1200000")));

            assertThat(s.periods().getFirst().revenueBelowShipped()).isTrue();
            assertThat(s.periods().getFirst().shipped()).isEqualTo(Usd.of("1200000"));
        }

        @Test
        void aCorrectionComputesTheShareAgainAndNamesTheVersionItRead() {
            RevenueReport report = q4("100");
            report.correct(Usd.of("200.10"), CHINA_H200, 1, "exporter", NOW);

            assertThat(report.due()).isEqualTo(Usd.of("50.02")); // 50.025: to the even cent
            assertThat(report.version()).isEqualTo(2);
            assertThatThrownBy(() -> report.correct(Usd.of("1"), CHINA_H200, 1, "exporter", NOW))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void theStatementEndsWithTheLicence() {
            Statement s = Statement.of(
                    CHINA_H200, FROM, LocalDate.of(2027, 2, 1), LocalDate.of(2029, 1, 1), Map.of(), Map.of(), Map.of());
            assertThat(s.periods()).extracting(p -> p.quarter().toString()).containsExactly("2026-Q4", "2027-Q1");
        }
    }
}
