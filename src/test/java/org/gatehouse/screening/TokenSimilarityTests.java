package org.gatehouse.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TokenSimilarityTests {

    @Test
    void jaroWinklerGivesTheTextbookValues() {
        // Winkler (1990) examples.
        assertThat(TokenSimilarity.jaroWinkler("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(TokenSimilarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.840, within(0.001));
        assertThat(TokenSimilarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
        assertThat(TokenSimilarity.jaroWinkler("abc", "xyz")).isZero();
    }

    @Test
    void damerauLevenshteinCountsASwapAsOneEdit() {
        assertThat(TokenSimilarity.damerauLevenshtein("rosneft", "rosnetf")).isEqualTo(1);
        assertThat(TokenSimilarity.damerauLevenshtein("intel", "inhotel")).isEqualTo(2);
        assertThat(TokenSimilarity.damerauLevenshtein("", "abc")).isEqualTo(3);
    }

    @Test
    void aTypingErrorInALongWordStaysAlikeASharedPrefixDoesNot() {
        assertThat(TokenSimilarity.of("secevde", false, "secevade", false)).isGreaterThan(0.9);
        assertThat(TokenSimilarity.of("intel", false, "inhotel", false)).isLessThan(0.84);
        assertThat(TokenSimilarity.of("abd", false, "abdullah", false)).isZero();
    }

    @Test
    void shortWordsAndNumbersMatchOnlyExactly() {
        assertThat(TokenSimilarity.of("abu", false, "abd", false)).isZero();
        assertThat(TokenSimilarity.of("13th", false, "14th", false)).isZero();
        assertThat(TokenSimilarity.of("2000", false, "2000", false)).isEqualTo(1.0);
    }

    @Test
    void pluralsAndTransliterationsAreNearlyTheSameWord() {
        assertThat(TokenSimilarity.of("technologies", false, "technology", false))
                .isCloseTo(0.97, within(0.001));
        assertThat(TokenSimilarity.of("aleksandr", false, "alexander", false))
                .isEqualTo(TokenSimilarity.SAME_LONG_SKELETON);
        assertThat(TokenSimilarity.of("mohammed", false, "muhammad", false)).isEqualTo(TokenSimilarity.SAME_SKELETON);
    }

    @Test
    void wordsWrittenWithoutVowelsAreComparedByConsonants() {
        assertThat(TokenSimilarity.skeleton("mohammed")).isEqualTo("mhmd");
        assertThat(TokenSimilarity.skeleton("alexander")).isEqualTo("lksndr");
        assertThat(TokenSimilarity.of("mhmd", true, "mohammed", false)).isCloseTo(0.95, within(0.001));
        assertThat(TokenSimilarity.of("ly", true, "ali", false)).isEqualTo(TokenSimilarity.ONE_CONSONANT);
        assertThat(TokenSimilarity.of("hzb", true, "bank", false)).isZero();
    }
}
