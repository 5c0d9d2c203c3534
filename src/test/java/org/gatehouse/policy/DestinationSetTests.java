package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gatehouse.trade.CountryCode;
import org.junit.jupiter.api.Test;

class DestinationSetTests {

    private final CountryGroups groups = CountryGroups.builtIn();

    private boolean in(String expression, String country) {
        return DestinationSet.parse(expression, groups).contains(CountryCode.of(country));
    }

    @Test
    void minusBindsLoosestAsRegulationsAreWorded() {
        String controlled = "D:1 ∪ D:4 minus A:5 ∪ A:6";
        assertThat(in(controlled, "CN")).isTrue();
        assertThat(in(controlled, "SA")).isTrue();
        assertThat(in(controlled, "IL")).as("D:4 but also A:6").isFalse();
        assertThat(in(controlled, "TW")).as("A:6, not in D:1/D:4").isFalse();
        assertThat(in(controlled, "MX")).as("A:6 must not be added back").isFalse();
    }

    @Test
    void operatorsHaveAsciiSpellingsAndParenthesesGroup() {
        assertThat(in("(D:1 | D:4) - (A:5 | A:6)", "SA")).isTrue();
        assertThat(in("D:1 & D:5", "CN")).isTrue();
        assertThat(in("D:1 & D:5", "AM")).isFalse();
        assertThat(in("* minus US", "FR")).isTrue();
        assertThat(in("* minus US", "US")).isFalse();
        assertThat(in("AIDIFF-T1, US", "US")).isTrue();
    }

    @Test
    void unknownNamesAreRefusedWithTheToken() {
        assertThatThrownBy(() -> DestinationSet.parse("D:9 ∪ CN", groups)).hasMessageContaining("\"D:9\" is neither");
        assertThatThrownBy(() -> DestinationSet.parse("cn", groups))
                .hasMessageContaining("country codes are upper case");
        assertThatThrownBy(() -> DestinationSet.parse("(CN", groups)).hasMessageContaining("missing \")\"");
    }
}
