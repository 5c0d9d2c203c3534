package org.gatehouse.screening;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a word of another script in lower-case ASCII Latin, with the romanization the US lists use where ICU has it:
 * BGN/PCGN for Russian (as OFAC writes Russian names), UNGEGN for Greek, pinyin for Chinese (one syllable per token,
 * tone marks dropped), a McCune–Reischauer-style romanization for Korean (as the lists write North Korean names: 김정은
 * is "kim jong un"), and ICU's defaults for the rest. Arabic and Hebrew are written without vowels, so their words are
 * marked consonantal and compared by consonant skeleton (see {@link TokenSimilarity}).
 */
final class Transliteration {

    /** A word in Latin letters and what was done to it. */
    record Result(String latin, int script, boolean consonantal) {}

    /**
     * One instance per rule set for the whole process: creating one takes ICU hundreds of milliseconds. ICU does not
     * promise that an instance may be used by two threads at once, so each is used under its own lock; only names in
     * other scripts get here, so there is little contention.
     */
    private static final ConcurrentHashMap<String, Transliterator> TRANSLITERATORS = new ConcurrentHashMap<>();

    private Transliteration() {}

    /**
     * The main script of {@code word}'s letters other than Latin, or {@link UScript#LATIN} when it has none, so that
     * callers can skip the work for Latin words.
     */
    static int script(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x80 && UCharacter.isLetter(cp)) {
                int s = UScript.getScript(cp);
                if (s != UScript.LATIN && s != UScript.COMMON && s != UScript.INHERITED) {
                    return s;
                }
            }
        }
        return UScript.LATIN;
    }

    /** {@code word} (lower case, one canonical word) in ASCII Latin; syllables of Chinese and Korean separated by spaces. */
    static Result toLatin(String word) {
        int script = script(word);
        String latin = switch (script) {
            case UScript.LATIN -> apply("Latin-ASCII", word);
            case UScript.CYRILLIC -> apply("Russian-Latin/BGN; Any-Latin; Latin-ASCII", word);
            case UScript.GREEK -> apply("Greek-Latin/UNGEGN; Latin-ASCII", word);
            case UScript.HAN -> apply("Han-Latin; Latin-ASCII", spaced(word));
            case UScript.HANGUL -> hangul(word);
            default -> apply("Any-Latin; Latin-ASCII", word);
        };
        boolean consonantal = script == UScript.ARABIC || script == UScript.HEBREW || script == UScript.SYRIAC;
        return new Result(latin.toLowerCase(java.util.Locale.ROOT), script, consonantal);
    }

    private static String apply(String id, String text) {
        Transliterator t = TRANSLITERATORS.computeIfAbsent(id, Transliterator::getInstance);
        synchronized (t) {
            return t.transliterate(text);
        }
    }

    /** Han characters one per syllable, so that each becomes a token (names are written one syllable per character). */
    private static String spaced(String word) {
        StringBuilder out = new StringBuilder(word.length() * 2);
        word.codePoints().forEach(cp -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }

    // McCune–Reischauer without breves or apostrophes, initial ㄹ as r, as North Korean names appear on the lists.
    private static final String[] INITIALS = {
        "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"
    };
    private static final String[] VOWELS = {
        "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u",
        "ui", "i"
    };
    private static final String[] FINALS = {
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
        "t", "t", "k", "t", "p", "t"
    };

    /** Hangul syllables one token each; other characters of the word through ICU. */
    private static String hangul(String word) {
        StringBuilder out = new StringBuilder(word.length() * 4);
        StringBuilder other = new StringBuilder();
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xAC00 && cp <= 0xD7A3) {
                if (!other.isEmpty()) {
                    out.append(apply("Any-Latin; Latin-ASCII", other.toString()));
                    other.setLength(0);
                }
                int s = cp - 0xAC00;
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(INITIALS[s / 588]).append(VOWELS[(s / 28) % 21]).append(FINALS[s % 28]);
            } else {
                other.appendCodePoint(cp);
            }
        }
        if (!other.isEmpty()) {
            out.append(apply("Any-Latin; Latin-ASCII", other.toString()));
        }
        return out.toString();
    }
}
