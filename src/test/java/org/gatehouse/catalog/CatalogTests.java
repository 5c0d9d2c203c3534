package org.gatehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import org.gatehouse.trade.Gb300e;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogTests {

    private final Catalog catalog = Catalog.builtIn();

    @Test
    void tppIsTheIntegerFromTheSpecification() {
        assertThat(catalog.item("H100").tppPerUnit()).isEqualTo(15_832);
        assertThat(catalog.item("GB300").tppPerUnit()).isEqualTo(60_000);
        assertThat(catalog.item("gb300 ").name()).isEqualTo("GB300");
    }

    @Test
    void everyTppIsTheLargestDenseRateTimesItsBitLength() {
        java.util.Map<String, long[]> dense = java.util.Map.of(
                "H100",
                new long[] {15_832},
                "MI355X",
                new long[] {40_265},
                "MI300X",
                new long[] {20_919},
                "B200",
                new long[] {36_000});
        dense.forEach((name, tpp) ->
                assertThat(catalog.item(name).accelerator().tpp()).as(name).isEqualTo(tpp[0]));
        // MI355X: max(10066.3 × 4, 5033.2 × 8, 2516.6 × 16) = 40265.6, truncated.
        assertThat(new BigDecimal("5033.2").multiply(BigDecimal.valueOf(8)).longValue())
                .isEqualTo(40_265);
    }

    @Test
    void h20IsBelowBothThresholdsAndA100IsAboveByTpp() {
        assertThat(catalog.item("H20").controlled()).isFalse();
        assertThat(catalog.item("H20").eccn()).isEqualTo(Eccn.NOT_CONTROLLED);
        assertThat(catalog.item("A100").controlled()).isTrue();
        assertThat(catalog.item("A100").eccn().code()).isEqualTo("3A090.a");
    }

    @Test
    void aSystemExpandsToItsAcceleratorsAndIs4A090() {
        Item rack = catalog.item("GB300 NVL72");
        assertThat(rack.acceleratorsPerUnit()).isEqualTo(72);
        assertThat(rack.tppPerUnit()).isEqualTo(72 * 60_000L);
        assertThat(rack.eccn().code()).isEqualTo("4A090.a");
        assertThat(catalog.item("HGX H20").controlled()).isFalse();
        assertThat(catalog.items()).hasSize(11 + 15);
    }

    @ParameterizedTest(name = "TPP {0}, PD {1}: controlled {2}")
    @CsvSource({
        "4800, 0.1, true",
        "4799, 5.92, true",
        "4799, 5.91, false",
        "1600, 6.00, true",
        "1599, 30, false",
        "2368, 2.91, false",
    })
    void customItemsAreClassifiedByTheSameThresholds(long tpp, String pd, boolean controlled) {
        Item item = Catalog.customItem("X", tpp, new BigDecimal(pd), 0);
        assertThat(item.controlled()).isEqualTo(controlled);
        assertThat(item.accelerator().custom()).isTrue();
    }

    @Test
    void customItemsRefuseImpossibleValues() {
        assertThatThrownBy(() -> Catalog.customItem("X", 0, BigDecimal.ONE, 0)).hasMessageContaining("tpp");
        assertThatThrownBy(() -> Catalog.customItem("X", 10, new BigDecimal("-1"), 0))
                .hasMessageContaining("pd");
    }

    @ParameterizedTest(name = "{0} TPP / {1} = {2}")
    @CsvSource({
        "15832, 60000, 0.26",
        "60000000, 60000, 1000.00",
        "59999999, 60000, 1000.00",
        "59987448, 60000, 999.79",
        "300, 60000, 0.01",
        "299, 60000, 0.00",
        "0, 60000, 0.00",
    })
    void gb300eIsRoundedHalfUpForDisplayOnly(long tpp, long reference, String shown) {
        assertThat(Gb300e.format(tpp, reference)).isEqualTo(shown);
        assertThat(Gb300e.of(tpp, reference).toPlainString()).isEqualTo(shown);
    }

    @Test
    void hugeSumsAreRenderedExactly() {
        assertThat(Gb300e.format(Long.MAX_VALUE, 60_000)).isEqualTo("153722867280912.93");
    }

    @Test
    void csvReaderFollowsRfc4180() {
        CsvRecords csv =
                new CsvRecords(new StringReader("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\",,x\nlast"));
        assertThat(csv.next()).containsExactly("a", "b,c", "say \"hi\"");
        assertThat(csv.next()).containsExactly("multi\nline", "", "x");
        assertThat(csv.recordStartLine()).isEqualTo(3);
        assertThat(csv.next()).containsExactly("last");
        assertThat(csv.next()).isNull();
    }

    @Test
    void csvReaderNamesTheLineOfAnUnclosedQuote() {
        CsvRecords csv = new CsvRecords(new StringReader("a,b\n\"open,c\n"));
        csv.next();
        assertThatThrownBy(csv::next)
                .isInstanceOf(CsvRecords.MalformedCsvException.class)
                .hasMessageContaining("not closed")
                .extracting(e -> ((CsvRecords.MalformedCsvException) e).line())
                .isEqualTo(2L);
    }
}
