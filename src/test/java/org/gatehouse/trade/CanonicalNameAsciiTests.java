package org.gatehouse.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.gatehouse.SeededCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast path for ASCII names gives exactly the key of the general Unicode path. */
class CanonicalNameAsciiTests {

    static Stream<Long> seeds() {
        return SeededCases.seeds(2_000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void asciiNamesGetTheSameKeyOnBothPaths(long seed) {
        Random random = new Random(seed);
        StringBuilder name = new StringBuilder();
        int length = SeededCases.between(random, 0, 40);
        String alphabet = "aAbBzZ09 -_.,'`&/()\\\"#@!?;:+*=%$~^|<>[]{}  ";
        for (int i = 0; i < length; i++) {
            name.append(
                    random.nextInt(4) == 0
                            ? (char) (0x20 + random.nextInt(0x5F))
                            : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String raw = name.toString();
        SeededCases.check(
                seed,
                "'" + raw + "'",
                () -> assertThat(CanonicalName.asciiKey(raw))
                        .isEqualTo(CanonicalName.foldUnicode(raw).key()));
    }
}
