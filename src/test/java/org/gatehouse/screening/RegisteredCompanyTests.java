package org.gatehouse.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A register company's details check themselves, naming each refused field. */
class RegisteredCompanyTests {

    @Test
    void anLeiIsCheckedByItsCheckDigits() {
        assertThat(new RegisteredCompany.Identifier("LEI", "5493001kjtiigc8y1r12").value())
                .isEqualTo("5493001KJTIIGC8Y1R12");
        assertThat(new RegisteredCompany.Identifier("LEI", "529900T8BM49AURSDO55").value())
                .isEqualTo("529900T8BM49AURSDO55");
        assertThatThrownBy(() -> new RegisteredCompany.Identifier("LEI", "529900T8BM49AURSDO56"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("value: is not an LEI");
        assertThat(new RegisteredCompany.Identifier("DUNS", "15-048-3782").value())
                .isEqualTo("15-048-3782");
        assertThatThrownBy(() -> new RegisteredCompany.Identifier("lei", "x")).hasMessageContaining("scheme:");
    }

    @Test
    void twoNamesWithOneKeyAnOwnerGivenTwiceAndMoreThanAHundredPercentAreRefused() {
        UUID owner = UUID.randomUUID();

        assertThatThrownBy(() -> new RegisteredCompany.Details(
                        CompanyName.of("Acme Compute"),
                        null,
                        List.of(CompanyName.of("ACME  compute"), CompanyName.of("Acme Cloud")),
                        List.of(),
                        List.of(
                                new RegisteredCompany.Owner(owner, new BigDecimal("60"), null),
                                new RegisteredCompany.Owner(owner, new BigDecimal("50"), null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().stream().map(FieldProblem::field))
                                .containsExactly("aliases[0]", "owners[1].company"));
        assertThatThrownBy(() -> new RegisteredCompany.Details(
                        CompanyName.of("Acme Compute"),
                        null,
                        List.of(),
                        List.of(),
                        List.of(
                                new RegisteredCompany.Owner(owner, new BigDecimal("60"), null),
                                new RegisteredCompany.Owner(UUID.randomUUID(), new BigDecimal("40.01"), null))))
                .hasMessage("owners: percentages add up to 100.01, more than 100");
    }

    @Test
    void anOwnersShareIsMoreThanZeroAndAtMostAHundredWithTwoDecimals() {
        for (String refused : List.of("0", "-1", "100.01", "33.333")) {
            assertThatThrownBy(() -> new RegisteredCompany.Owner(UUID.randomUUID(), new BigDecimal(refused), null))
                    .as(refused)
                    .hasMessageStartingWith("percent:");
        }
        assertThat(new RegisteredCompany.Owner(UUID.randomUUID(), new BigDecimal("50"), null).percent())
                .isEqualByComparingTo("50.00");
    }
}
