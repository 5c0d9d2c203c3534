package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gatehouse.SeededCases;
import org.gatehouse.applications.LineItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drawdown under random reports: whatever is reported, in whatever order, no line ever ships more than it holds, every
 * accepted unit is on the licence once, and a refused report changes nothing.
 */
class DrawdownProperties {

    private static final List<String> ITEMS = List.of("H100", "GB300", "HGX H100", "H20");

    static Stream<Long> seeds() {
        return SeededCases.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aLicenceIsNeverOverdrawnAndEveryAcceptedUnitIsCountedOnce(long seed) {
        Random random = new Random(seed);
        List<LineItem> lines = new ArrayList<>();
        int lineCount = SeededCases.between(random, 1, 5);
        for (int i = 0; i < lineCount; i++) {
            lines.add(LicensingFixtures.units(SeededCases.oneOf(random, ITEMS), SeededCases.between(random, 1, 50)));
        }
        Licence licence = LicensingFixtures.aLicence(List.of(), lines.toArray(LineItem[]::new));
        List<String> log = new ArrayList<>();
        SeededCases.check(seed, log, () -> {
            long accepted = 0;
            long acceptedTpp = 0;
            for (int report = 0; report < 30; report++) {
                List<ShipmentLine> reported = new ArrayList<>();
                int size = SeededCases.between(random, 1, 3);
                for (int i = 0; i < size; i++) {
                    reported.add(LicensingFixtures.shipped(
                            SeededCases.oneOf(random, ITEMS), SeededCases.between(random, 1, 30)));
                }
                ItemLines before = licence.lines();
                Drawn drawn = licence.ship(
                        LicensingFixtures.aShipment(reported.toArray(ShipmentLine[]::new)), LicensingFixtures.TODAY);
                log.add(reported + " -> " + drawn.getClass().getSimpleName());
                switch (drawn) {
                    case Drawn.Accepted ok -> {
                        accepted += ok.drawdowns().stream()
                                .mapToLong(Drawdown::quantity)
                                .sum();
                        acceptedTpp += ok.tpp();
                        assertThat(ok.drawdowns().stream()
                                        .mapToLong(Drawdown::quantity)
                                        .sum())
                                .isEqualTo(reported.stream()
                                        .mapToLong(ShipmentLine::quantity)
                                        .sum());
                    }
                    case Drawn.Refused refused -> assertThat(licence.lines()).isEqualTo(before);
                }
                for (ItemLine line : licence.lines().lines()) {
                    assertThat(line.shipped()).isBetween(0L, line.quantity());
                }
            }
            assertThat(licence.lines().lines().stream()
                            .mapToLong(ItemLine::shipped)
                            .sum())
                    .isEqualTo(accepted);
            assertThat(licence.lines().shippedTpp()).isEqualTo(acceptedTpp);
        });
    }
}
