package org.gatehouse.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.gatehouse.trade.CountryCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScreenerTests {

    /** The bundled lists, indexed once for all tests of this class. */
    static final Screener BUNDLED = Screener.of(BundledLists.load());

    static ListEntry anEntity(String id, String name, String... aliases) {
        return new ListEntry("TEST", id, EntryType.ENTITY, name, List.of(aliases), Set.of(), List.of(), "TEST");
    }

    static Screener aScreenerOf(ListEntry... entries) {
        return Screener.of(List.of(new ScreeningList("TEST", "0".repeat(64), List.of(), List.of(entries))));
    }

    private static Hit only(List<Hit> hits) {
        assertThat(hits).hasSize(1);
        return hits.getFirst();
    }

    @Nested
    class AListedNameIsFound {

        @Test
        void asWrittenWithItsListIdAndAFullScore() {
            Hit hit = BUNDLED.screen("BANCO NACIONAL DE CUBA").getFirst();
            assertThat(hit.list()).isEqualTo("SDN");
            assertThat(hit.entryId()).isEqualTo("306");
            assertThat(hit.matchedName()).isEqualTo("BANCO NACIONAL DE CUBA");
            assertThat(hit.alias()).isFalse();
            assertThat(hit.score()).isEqualTo(1.0);
            assertThat(hit.explanation())
                    .isEqualTo("name \"BANCO NACIONAL DE CUBA\": banco = banco 1.00, nacional = nacional 1.00,"
                            + " de = de 1.00, cuba = cuba 1.00");
        }

        @Test
        void byAnAliasThatTheHitNames() {
            Hit hit = BUNDLED.screen("National Bank of Cuba, S.A.").getFirst();
            assertThat(hit.entryId()).isEqualTo("306");
            assertThat(hit.matchedName()).isEqualTo("NATIONAL BANK OF CUBA");
            assertThat(hit.alias()).isTrue();
            assertThat(hit.explanation())
                    .startsWith("alias \"NATIONAL BANK OF CUBA\"")
                    .endsWith("name screened: removed legal form 'sa'");
        }

        @Test
        void withLookAlikeLettersAndInvisibleCharacters() {
            Hit hit = BUNDLED.screen("ＢＡＮＣＯ Nac\u0456onal\u200b de Сuba").getFirst();
            assertThat(hit.entryId()).isEqualTo("306");
            assertThat(hit.score()).isEqualTo(1.0);
            assertThat(hit.explanation()).contains("folded look-alike letters", "removed invisible characters");
        }

        @Test
        void writtenInAnotherScript() {
            Hit rotenberg = BUNDLED.screen("Ротенберг Аркадий").getFirst();
            assertThat(rotenberg.entryId()).isEqualTo("16669");
            assertThat(rotenberg.explanation()).contains("arkadiy ~ arkady", "transliterated from Cyrillic");
            assertThat(BUNDLED.screen("김정은").getFirst().matchedName()).isEqualTo("KIM, Jong Un");
            assertThat(BUNDLED.screen("حزب الله").getFirst().matchedName()).isEqualTo("HIZBALLAH");
            assertThat(BUNDLED.screen("李方伟").getFirst().matchedName()).isEqualTo("LI, Fangwei");
        }

        @Test
        void withWordsReorderedAndOneMisspelt() {
            Hit hit = only(
                    aScreenerOf(anEntity("1", "SecEvade Capital Fund LLC")).screen("Fund Capitol SecEvade", null, 0.8));
            assertThat(hit.score()).isBetween(0.85, 0.99);
            assertThat(hit.explanation())
                    .isEqualTo("name \"SecEvade Capital Fund LLC\": fund = fund 1.00, capitol ~ capital 0.91,"
                            + " secevade = secevade 1.00; listed name: removed legal form 'llc'");
        }

        @Test
        void withWordsJoinedOrSplit() {
            Screener screener = aScreenerOf(anEntity("1", "ABD ALLAH TRADING"), anEntity("2", "ROSOBORONEKSPORT"));
            assertThat(only(screener.screen("Abdallah Trading", null, 0.8)).explanation())
                    .contains("abdallah = abd allah 1.00");
            assertThat(only(screener.screen("Rosoboron Eksport", null, 0.8)).explanation())
                    .contains("rosoboron eksport = rosoboroneksport");
        }
    }

    @Nested
    class DifferentNamesAreNotHits {

        @Test
        void aNameThatSharesCommonWordsOnly() {
            assertThat(BUNDLED.screen("Banco Nacional de Mexico")).isEmpty();
            assertThat(BUNDLED.screen("National Bank of Egypt")).isEmpty();
        }

        @Test
        void aOneWordNameThatIsMerelyAlike() {
            Screener screener = aScreenerOf(anEntity("1", "SAIRAN"), anEntity("2", "INHOTEL"));
            assertThat(screener.screen("Safran S.A.")).isEmpty();
            assertThat(screener.screen("Intel Corporation")).isEmpty();
        }

        @Test
        void belowTheThresholdGiven() {
            Screener screener = aScreenerOf(anEntity("1", "SecEvade Capital Fund"));
            double score = only(screener.screen("SecEvade Fund", null, 0.5)).score();
            assertThat(screener.screen("SecEvade Fund", null, score)).hasSize(1);
            assertThat(screener.screen("SecEvade Fund", null, score + 0.001)).isEmpty();
        }
    }

    @Nested
    class TheCountry {

        private final Screener screener = Screener.of(List.of(new ScreeningList(
                "TEST",
                "",
                List.of(),
                List.of(new ListEntry(
                        "TEST",
                        "1",
                        EntryType.ENTITY,
                        "Acme Trading Kish",
                        List.of(),
                        Set.of(CountryCode.of("IR")),
                        List.of(),
                        "TEST")))));

        @Test
        void raisesTheScoreWhenItAgreesAndLowersItWhenNot() {
            double none = only(screener.screen("Acme Trading", null, 0.3)).score();
            Hit agrees = only(screener.screen("Acme Trading", CountryCode.of("IR"), 0.3));
            Hit differs = only(screener.screen("Acme Trading", CountryCode.of("DE"), 0.3));
            assertThat(none).isBetween(0.4, 0.9);
            assertThat(agrees.score())
                    .isEqualTo(none + Screener.COUNTRY_AGREES, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(differs.score())
                    .isEqualTo(none - Screener.COUNTRY_DIFFERS, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(agrees.explanation()).contains("country IR is the entry's");
            assertThat(differs.explanation()).contains("country DE is not the entry's (IR)");
        }

        @Test
        void neverTakesTheScoreAboveOne() {
            assertThat(only(screener.screen("Acme Trading Kish", CountryCode.of("IR"), 0.5))
                            .score())
                    .isEqualTo(1.0);
        }
    }

    @Nested
    class Limits {

        @Test
        void aNameLongerThanTheMaximumIsRefused() {
            assertThat(BUNDLED.screen("a".repeat(Screener.NAME_CHARS_MAX))).isEmpty();
            assertThatThrownBy(() -> BUNDLED.screen("a".repeat(Screener.NAME_CHARS_MAX + 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("name longer than 500 characters");
        }

        @Test
        void theThresholdMustBeAScore() {
            assertThatThrownBy(() -> BUNDLED.screen("Acme", null, 0))
                    .hasMessage("threshold must be in (0, 1], got 0.0");
            assertThatThrownBy(() -> BUNDLED.screen("Acme", null, 1.5))
                    .hasMessage("threshold must be in (0, 1], got 1.5");
        }

        @Test
        void atMostTheMaximumOfHitsBestFirst() {
            List<ListEntry> entries = new ArrayList<>();
            entries.add(anEntity("first", "Acme Trading Kish"));
            for (int i = 0; i < Screener.HITS_MAX + 10; i++) {
                entries.add(anEntity(String.valueOf(i), "Acme Trading"));
            }
            List<Hit> hits = aScreenerOf(entries.toArray(new ListEntry[0])).screen("Acme Trading", null, 0.3);
            assertThat(hits).hasSize(Screener.HITS_MAX);
            assertThat(hits).extracting(Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            // Equal scores keep the lists' order; the entry that scores lower comes after all of them, so is cut.
            assertThat(hits).extracting(Hit::entryId).startsWith("0", "1", "2").doesNotContain("first");
        }

        @Test
        void punctuationAloneFindsNothing() {
            assertThat(BUNDLED.screen(" ,.;- ")).isEmpty();
        }
    }

    /** Every listed name, as written, finds its own entry with a full score: seeded random entries of the lists. */
    @Nested
    class EveryListedNameFindsItsEntry {

        private static final long SEED = 20_261_127L;
        private static final List<ListEntry> ENTRIES =
                BundledLists.load().stream().flatMap(l -> l.entries().stream()).toList();

        static Stream<Long> seeds() {
            return LongStream.range(SEED, SEED + 300).boxed();
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("seeds")
        void theNameOrAnAliasFindsTheEntry(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            ListEntry entry = ENTRIES.get(random.nextInt(ENTRIES.size()));
            int which = random.nextInt(entry.aliases().size() + 1);
            String name = which == 0 ? entry.name() : entry.aliases().get(which - 1);
            List<Hit> hits = BUNDLED.screen(name, null, Screener.THRESHOLD_DEFAULT);
            assertThat(hits)
                    .as("seed %d: %s %s \"%s\"", seed, entry.list(), entry.id(), name)
                    .anySatisfy(h -> {
                        assertThat(h.entry()).isEqualTo(entry);
                        assertThat(h.score()).isEqualTo(1.0);
                    });
        }
    }
}
