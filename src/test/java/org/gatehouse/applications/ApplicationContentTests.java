package org.gatehouse.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Each record of an application checks its own fields and names every one it refuses. */
class ApplicationContentTests {

    @Test
    void aPartyNamesEachRefusedField() {
        assertThatThrownBy(() -> new Party("  ", null, "ZZ", "x".repeat(501)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("name", "country", "address"));
    }

    @Test
    void freeTextIsTrimmed() {
        Party party = new Party("  Humain Cloud ", " Public Investment Fund", "SA", null);

        assertThat(party.name()).isEqualTo("Humain Cloud");
        assertThat(party.parentCompany().display()).isEqualTo("Public Investment Fund");
    }

    @Test
    void aLineNamesItsItemAndQuantityProblems() {
        assertThatThrownBy(() -> new LineItem("GB9000", null, 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new FieldProblem(
                                                "item",
                                                "'GB9000' is not in the catalogue (GET /api/v1/catalog lists it); describe"
                                                        + " other chips with custom"),
                                        new FieldProblem("quantity", "must be a whole number 1..10000000, got 0")));
    }

    @Test
    void aLineTakesTheCatalogueSpelling() {
        assertThat(new LineItem("  hgx h100 ", null, 2).item()).isEqualTo("HGX H100");
    }

    @Test
    void theContentNamesItsOwnFieldsAndKeepsMoneyExact() {
        assertThatThrownBy(() -> new ApplicationContent(
                        null, null, null, null, null, "XX", null, " ", new BigDecimal("1.005"), List.of(), null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("endUser", "destination", "endUse", "valueUsd", "lines"));
        ApplicationContent content = ApplicationFixtures.aDeal("SA", "H100", 1);
        assertThat(new ApplicationContent(
                                null,
                                null,
                                null,
                                null,
                                content.endUser(),
                                "SA",
                                null,
                                "AI",
                                new BigDecimal("12.5"),
                                content.lines(),
                                null)
                        .valueUsd())
                .isEqualTo(new BigDecimal("12.50"));
    }
}
