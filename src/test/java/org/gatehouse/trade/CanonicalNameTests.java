package org.gatehouse.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalNameTests {

    private static final String SEC_EVADE = "secevade fund";

    @Nested
    class LookAlikesOfOneNameShareItsKey {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "SecEvade Fund",
                    "SecEvade\u200b Fund", // zero-width space
                    "SecEvade\u200d Fund", // zero-width joiner
                    "SecEvade\u2060 Fund", // word joiner
                    "Sec\u00adEvade Fund", // soft hyphen
                    "\ufeffSecEvade Fund", // byte-order mark
                    "Sec\u202eEvade Fund", // right-to-left override
                    "S\u0435cEvade Fund", // Cyrillic е
                    "SecEv\u0430de Fund", // Cyrillic а
                    "\u0405ecEvade Fund", // Cyrillic Ѕ
                    "SecEvade F\u03c5nd", // Greek υ
                    "ＳｅｃＥｖａｄｅ Ｆｕｎｄ", // full-width
                    "SECEVADE FUND",
                    "secevade fund",
                    "  SecEvade    Fund  ",
                    "SecEvade\tFund\n",
                    "SecEvade, Fund.",
                    "SecEvade - Fund!",
                    "SecEvade\u00a0Fund", // no-break space
                    "SecEvade\u3000Fund", // ideographic space
                    "𝐒𝐞𝐜𝐄𝐯𝐚𝐝𝐞 𝐅𝐮𝐧𝐝", // mathematical bold
                })
        void eachSpellingHasTheKeyOfThePlainName(String spelling) {
            assertThat(CanonicalName.key(spelling)).isEqualTo(SEC_EVADE);
        }

        @Test
        void aWholeWordOfCyrillicLookAlikesInALatinNameIsFolded() {
            assertThat(CanonicalName.key("\u0410\u0421\u041c\u0415 Trading")).isEqualTo("acme trading");
        }

        @Test
        void capitalStrokesOfOtherScriptsPoseAsI() {
            // TS #39 writes I, l and 1 alike as l; a capital Greek Ι or Cyrillic І imitates I, which folds to i.
            assertThat(CanonicalName.key("\u0399NTERNAC\u0406ONAL")).isEqualTo("internacional");
            assertThat(CanonicalName.key("Ho\u04cfding")).isEqualTo("holding"); // small palochka imitates l
        }

        @Test
        void latinVariantsOfAsciiLettersAreFolded() {
            assertThat(CanonicalName.key("Ac\u0251me \u0131nc")).isEqualTo("acame inc"); // Latin alpha, dotless i
        }

        @Test
        void digitsOfAnyScriptAreAsciiDigits() {
            assertThat(CanonicalName.key("Fund \u0663\u0660")).isEqualTo("fund 30"); // Arabic-Indic 3 0
            assertThat(CanonicalName.key("Fund ３０")).isEqualTo("fund 30");
        }

        @Test
        void foldingIsReported() {
            assertThat(CanonicalName.fold("S\u0435cEvade Fund").lookalikesFolded())
                    .isTrue();
            assertThat(CanonicalName.fold("ＳｅｃＥｖａｄｅ Fund").lookalikesFolded()).isTrue();
            assertThat(CanonicalName.fold("SecEvade\u200b Fund").invisiblesRemoved())
                    .isTrue();
            CanonicalName.Folded plain = CanonicalName.fold("SecEvade Fund");
            assertThat(plain.lookalikesFolded()).isFalse();
            assertThat(plain.invisiblesRemoved()).isFalse();
        }
    }

    @Nested
    class PlainNamesStayReadable {

        @Test
        void asciiIsOnlyLowerCasedAndSpaced() {
            assertThat(CanonicalName.key("Acme 2000, Inc.")).isEqualTo("acme 2000 inc");
            assertThat(CanonicalName.key("Barn Holdings")).isEqualTo("barn holdings");
            assertThat(CanonicalName.key("Fund 1")).isEqualTo("fund 1");
        }

        @Test
        void asciiLookAlikesInsideAsciiAreDifferentNames() {
            // TS #39 maps m to rn, 0 to O and 1 to l; the key deliberately does not (see the class comment).
            assertThat(CanonicalName.key("Barn")).isNotEqualTo(CanonicalName.key("Bam"));
            assertThat(CanonicalName.key("Fund 1")).isNotEqualTo(CanonicalName.key("Fund l"));
            assertThat(CanonicalName.key("Fund 0")).isNotEqualTo(CanonicalName.key("Fund O"));
            assertThat(CanonicalName.key("Cl Holdings")).isNotEqualTo(CanonicalName.key("D Holdings"));
        }

        @Test
        void anAlreadyCanonicalKeyIsItsOwnKey() {
            assertThat(CanonicalName.key("secevade fund")).isSameAs("secevade fund");
            assertThat(CanonicalName.key("")).isEmpty();
            assertThat(CanonicalName.key(" ,;- ")).isEmpty();
        }

        @Test
        void apostrophesDoNotSplitWords() {
            assertThat(CanonicalName.key("O'Brien & Da’ud")).isEqualTo("obrien daud");
            assertThat(CanonicalName.key("AL 'ANABI")).isEqualTo("al anabi");
        }

        @Test
        void fullCaseFoldingAppliesToEveryScript() {
            assertThat(CanonicalName.key("Straße AG")).isEqualTo("strasse ag");
            assertThat(CanonicalName.key("ΑΘΗΝΑ")).isEqualTo("αθηνα");
        }
    }

    @Nested
    class DifferentNamesStayDifferent {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "SecEvade Funds",
                    "SecEvade Fund II",
                    "SecEvader Fund",
                    "Sec Evade Fund",
                    "SecEvadé Fund",
                    "Fund SecEvade",
                    "SecEvade Bank"
                })
        void aDifferentNameHasADifferentKey(String other) {
            assertThat(CanonicalName.key(other)).isNotEqualTo(SEC_EVADE);
        }

        @Test
        void wordsWhollyInAnotherScriptAreNotTakenForLatin() {
            // РОСТЕХ is made of letters that look Latin, but it is a Russian word in a Russian name.
            assertThat(CanonicalName.key("РОСТЕХ")).isEqualTo("ростех");
            assertThat(CanonicalName.key("Москва")).isEqualTo("москва");
            // Full case folding also folds the final sigma ς to σ.
            assertThat(CanonicalName.key("Νικόλαος")).isEqualTo("νικόλαοσ");
            assertThat(CanonicalName.key("金正恩")).isEqualTo("金正恩");
        }

        @Test
        void diacriticsAreKept() {
            assertThat(CanonicalName.key("Société Générale")).isEqualTo("société générale");
            assertThat(CanonicalName.key("Société Générale")).isNotEqualTo(CanonicalName.key("Societe Generale"));
        }
    }

    @Nested
    class Limits {

        @Test
        void aNameOfTheMaximumLengthIsAcceptedOneMoreIsRefused() {
            assertThat(CanonicalName.key("A".repeat(CanonicalName.CHARS_MAX))).hasSize(CanonicalName.CHARS_MAX);
            assertThatThrownBy(() -> CanonicalName.key("A".repeat(CanonicalName.CHARS_MAX + 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("longer than 1000 characters");
        }
    }

    @Nested
    class BidiControls {

        @Test
        void eachControlIsFoundWithItsCodePointAndPosition() {
            for (int cp : new int[] {
                0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C
            }) {
                String text = "Acme" + new String(Character.toChars(cp)) + " Ltd";
                assertThat(CanonicalName.bidiControl(text)).hasValue(new CanonicalName.BidiControl(cp, 5));
            }
        }

        @Test
        void theMessageNamesTheCharacterAndWhereItIs() {
            assertThat(CanonicalName.bidiControl("𝐀cme\u202eLtd").orElseThrow().message())
                    .isEqualTo(
                            "contains the invisible bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE at character 5");
        }

        @Test
        void ordinaryTextAndOtherInvisiblesAreNotBidiControls() {
            assertThat(CanonicalName.bidiControl("SecEvade\u200b Fund, شركة")).isEmpty();
        }
    }

    /** Seeded random spellings of random names: the key does not depend on the disguise. */
    @Nested
    class Disguises {

        private static final long SEED = 20_261_127L;
        private static final int CASES = 400;

        static Stream<Long> seeds() {
            return LongStream.range(SEED, SEED + CASES).boxed();
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("seeds")
        void aDisguisedNameHasThePlainNamesKey(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            String plain = randomName(random);
            String disguised = disguise(plain, random);
            assertThat(CanonicalName.key(disguised))
                    .as("seed %d: %s disguised as %s", seed, plain, escape(disguised))
                    .isEqualTo(CanonicalName.key(plain));
            assertThat(CanonicalName.key(CanonicalName.key(disguised)))
                    .as("seed %d: the key is its own key", seed)
                    .isEqualTo(CanonicalName.key(plain));
        }

        private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
        // Cyrillic and Greek capitals and small letters whose TS #39 skeleton is the ASCII letter.
        private static final String[][] HOMOGLYPHS = {
            {"a", "\u0430"}, {"c", "\u0441"}, {"e", "\u0435"}, {"o", "\u043e"}, {"p", "\u0440"}, {"x", "\u0445"},
            {"y", "\u0443"}, {"i", "\u0456"}, {"j", "\u0458"}, {"s", "\u0455"}, {"A", "\u0391"}, {"B", "\u0392"},
            {"E", "\u0395"}, {"H", "\u0397"}, {"K", "\u039a"}, {"M", "\u039c"}, {"T", "\u03a4"}, {"o", "\u03bf"},
            {"v", "\u03bd"}, {"M", "\u041c"}, {"T", "\u0422"}, {"H", "\u041d"}
        };
        private static final String[] INVISIBLES = {"\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u202e"
        };

        private static String randomName(SplittableRandom random) {
            int words = 1 + random.nextInt(4);
            List<String> parts = new ArrayList<>();
            for (int w = 0; w < words; w++) {
                StringBuilder word = new StringBuilder();
                int length = 2 + random.nextInt(9);
                for (int i = 0; i < length; i++) {
                    word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
                }
                if (random.nextBoolean()) {
                    word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
                }
                parts.add(word.toString());
            }
            return String.join(" ", parts);
        }

        private static String disguise(String plain, SplittableRandom random) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < plain.length(); i++) {
                String c = String.valueOf(plain.charAt(i));
                int choice = random.nextInt(10);
                if (c.equals(" ")) {
                    out.append(choice < 3 ? "  " : choice < 5 ? ", " : choice < 6 ? "\u00a0" : " ");
                    continue;
                }
                String replaced = c;
                if (i == 0) {
                    // The first letter stays ASCII, so the name is a Latin name (see the class comment).
                    replaced = random.nextBoolean() ? c.toUpperCase() : c;
                } else if (choice == 0) {
                    for (String[] pair : HOMOGLYPHS) {
                        if (pair[0].equals(c)) {
                            replaced = pair[1];
                            break;
                        }
                    }
                } else if (choice == 1) {
                    replaced = Character.isLowerCase(c.charAt(0))
                            ? String.valueOf((char) ('ａ' + (c.charAt(0) - 'a')))
                            : String.valueOf((char) ('Ａ' + (c.charAt(0) - 'A')));
                } else if (choice == 2) {
                    replaced = random.nextBoolean() ? c.toUpperCase() : c.toLowerCase();
                } else if (choice == 3 && i > 0) {
                    out.append(INVISIBLES[random.nextInt(INVISIBLES.length)]);
                }
                out.append(replaced);
            }
            return out.toString();
        }

        private static String escape(String s) {
            StringBuilder out = new StringBuilder();
            s.codePoints().forEach(cp -> {
                if (cp < 0x80) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(String.format("\\u%04x", cp));
                }
            });
            return out.toString();
        }
    }
}
