package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class CanonicalJsonTests {

    private static final JsonMapper json = JsonMapper.shared();

    @Test
    void rfc8785SampleIsCanonicalizedExactly() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";

        assertThat(CanonicalJson.write(json.readTree(input)))
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void keysAreSortedByUtf16CodeUnits() {
        String input = "{\"\\u20ac\":\"Euro\",\"\\r\":\"CR\",\"\\ufb33\":\"Hebrew\",\"1\":\"One\","
                + "\"\\ud83d\\ude00\":\"Smiley\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin\"}";

        assertThat(CanonicalJson.write(json.readTree(input)))
                .isEqualTo("{\"\\r\":\"CR\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin\",\"€\":\"Euro\","
                        + "\"\ud83d\ude00\":\"Smiley\",\"\ufb33\":\"Hebrew\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "-0.0, 0",
        "1.0, 1",
        "-1.5, -1.5",
        "100, 100",
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "123456789012345680000, 123456789012345680000",
        "0.000001, 0.000001",
        "0.0000001, 1e-7",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "5e-324, 5e-324",
        "9007199254740991, 9007199254740991",
        "0.1, 0.1",
        "12.34e5, 1234000",
    })
    void numbersAreWrittenAsEcmaScriptWritesThem(double value, String expected) {
        assertThat(CanonicalJson.number(value)).isEqualTo(expected);
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.number(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integersBeyondDoublePrecisionAreNotExact() {
        assertThat(CanonicalJson.hasOnlyExactNumbers(json.readTree("{\"a\":[9007199254740991, 0.5]}")))
                .isTrue();
        assertThat(CanonicalJson.hasOnlyExactNumbers(json.readTree("{\"a\":{\"b\":9007199254740993}}")))
                .isFalse();
        assertThat(CanonicalJson.hasOnlyExactNumbers(
                        json.valueToTree(Map.of("a", new BigDecimal("0.10000000000000000001")))))
                .isFalse();
        assertThat(CanonicalJson.hasOnlyExactNumbers(json.valueToTree(Map.of("a", new BigDecimal("1200.50")))))
                .isTrue();
    }

    @Test
    void controlCharactersUseShortOrLowercaseHexEscapes() {
        assertThat(CanonicalJson.write(json.readTree("\"\\u0001\\b\\t\\u001F\"")))
                .isEqualTo("\"\\u0001\\b\\t\\u001f\"");
    }
}
