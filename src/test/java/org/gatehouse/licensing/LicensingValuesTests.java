package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The values of licensing check their own fields and name each one they refuse. */
class LicensingValuesTests {

    @Test
    void aLicenceNumberIsTheYearAndASixDigitSerialAtLeast() {
        assertThat(LicenceNumber.of(2026, 123).value()).isEqualTo("GH-2026-000123");
        assertThat(LicenceNumber.of(2027, 1_234_567).value()).isEqualTo("GH-2027-1234567");
        assertThat(LicenceNumber.parse("GH-2026-000123")).isEqualTo(LicenceNumber.of(2026, 123));
        for (String bad : new String[] {"GH-2026-123", "gh-2026-000123", "GH-26-000123", "GH-2026-000123 ", ""}) {
            assertThatThrownBy(() -> LicenceNumber.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> LicenceNumber.of(2026, 0)).hasMessageContaining("serial must be 1..");
    }

    @Test
    void aShipmentReportNamesEveryBadField() {
        assertThatThrownBy(() -> new ShipmentReport(null, List.of(), "ABC", "x".repeat(101)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("shippedOn", "lines", "testReportSha256", "reference"));
    }

    @Test
    void aShipmentLineTakesAWholeQuantityAndAValueInCents() {
        assertThatThrownBy(() -> new ShipmentLine(" ", 0, new BigDecimal("10.001")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("item", "quantity", "valueUsd"));
        assertThat(new ShipmentLine("H100", 1, new BigDecimal("10.5")).valueUsd())
                .isEqualTo(new BigDecimal("10.50"));
        assertThatThrownBy(() -> new ShipmentLine("H100", 1, null)).hasMessageContaining("valueUsd: is required");
        assertThatThrownBy(() -> new ShipmentLine("H100", 1, new BigDecimal("-1")))
                .hasMessageContaining("valueUsd: must be 0..");
    }

    @Test
    void aShipmentsValueIsTheSumOfItsLinesInCents() {
        ShipmentReport report = new ShipmentReport(
                LocalDate.of(2027, 1, 2),
                List.of(
                        new ShipmentLine("H100", 1, new BigDecimal("0.10")),
                        new ShipmentLine("H100", 1, new BigDecimal("0.20"))),
                null,
                null);

        assertThat(report.valueUsd()).isEqualTo(new BigDecimal("0.30"));
    }

    @Test
    void aRefusalOfStateIsAConflictAndOfQuantityAloneToo() {
        assertThat(Refusals.of(List.of(new Refusal(Refusal.Kind.STATE, "", "suspended"))))
                .isInstanceOf(ConflictException.class)
                .hasMessage("suspended");
        assertThat(Refusals.of(List.of(
                        new Refusal(Refusal.Kind.QUANTITY, "lines[0].quantity", "too many"),
                        new Refusal(Refusal.Kind.QUANTITY, "lines[1].quantity", "too many too"))))
                .isInstanceOf(ConflictException.class)
                .hasMessage("lines[0].quantity: too many; lines[1].quantity: too many too");
    }

    @Test
    void aChangeNeedsAReason() {
        assertThatThrownBy(() -> new ChangeReason(null)).hasMessage("reason: is required");
        assertThat(new ChangeReason(" audit findings ").text()).isEqualTo("audit findings");
    }
}
