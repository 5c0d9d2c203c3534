package org.gatehouse.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dollars exact to the cent: what a client may state, and the one rounding rule (half-even, for a rate). */
class UsdTests {

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({
        "100.00, 0.25, 25.00",
        "0.02, 0.25, 0.00", // 0.005: the half goes to the even cent, 0
        "0.06, 0.25, 0.02", // 0.015: to the even cent, 0.02
        "0.10, 0.25, 0.02", // 0.025: to the even cent, 0.02
        "0.14, 0.25, 0.04", // 0.035: to the even cent, 0.04
        "0.01, 0.25, 0.00", // 0.0025: below the half, down
        "0.03, 0.25, 0.01", // 0.0075: above the half, up
        "1000000000000000.00, 0.25, 250000000000000.00",
        "333.33, 0.3333, 111.10", // 111.098889: up
        "12345.67, 1.0, 12345.67"
    })
    void aRateIsAppliedExactlyThenRoundedHalfEvenToTheCent(String amount, String rate, String expected) {
        assertThat(Usd.of(amount).times(new BigDecimal(rate))).isEqualTo(Usd.of(expected));
    }

    @Test
    void clientAmountsHaveAtMostTwoDecimalsAndAreNeverNegativeOrHuge() {
        assertThat(Usd.input(new BigDecimal("12.5")).toString()).isEqualTo("12.50");
        assertThatThrownBy(() -> Usd.input(new BigDecimal("0.001"))).hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Usd.input(new BigDecimal("-1"))).hasMessageContaining("must be 0..");
        assertThatThrownBy(() -> Usd.input(new BigDecimal("1E+16"))).hasMessageContaining("must be 0..");
        assertThatThrownBy(() -> Usd.positiveInput(BigDecimal.ZERO)).hasMessageContaining("more than 0");
    }

    @Test
    void amountsAreShownForPeopleAndForMachines() {
        assertThat(Usd.of("1250000").display()).isEqualTo("$1,250,000.00");
        assertThat(Usd.of("-3.5").display()).isEqualTo("-$3.50");
        assertThat(Usd.of("1250000").toString()).isEqualTo("1250000.00");
        assertThat(Usd.of("10").minus(Usd.of("12.25"))).isEqualTo(Usd.of("-2.25"));
    }
}
