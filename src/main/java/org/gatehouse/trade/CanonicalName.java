package org.gatehouse.trade;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one canonical form of a company name, used wherever two spellings must count as one company: ledger measure keys,
 * organization uniqueness and the first step of restricted-party screening.
 *
 * <p>{@link #key(String)} applies, in order:
 *
 * <ol>
 *   <li>Unicode NFKC, so full-width letters ({@code ＳｅｃＥｖａｄｅ}), ligatures ({@code ﬁ}) and mathematical letters
 *       become their plain forms;
 *   <li>removal of default-ignorable and format characters (zero-width space and joiners U+200B–U+200D, word joiner
 *       U+2060, soft hyphen U+00AD, byte-order mark U+FEFF, the bidirectional controls…) <em>without</em> splitting the
 *       word they sit in, since they are invisible;
 *   <li>removal of apostrophes inside and around words ({@code Da'ud}, {@code O’Brien}, {@code ʿAli}), for the same
 *       reason: writers use them inconsistently and the names read the same without them;
 *   <li>look-alike letters folded to the ASCII letter they imitate, using the confusable skeleton of Unicode TS #39
 *       (ICU's {@link SpoofChecker#getSkeleton}), computed on the letter as written (an upper-case Cyrillic {@code М}
 *       imitates {@code M}, its lower case {@code м} imitates nothing): see below for which letters;
 *   <li>decimal digits of any script as ASCII digits;
 *   <li>full case folding (NFKC_Casefold: {@code ß} becomes {@code ss});
 *   <li>white space, punctuation and symbols collapsed to single spaces, trimmed.
 * </ol>
 *
 * <p>Which look-alikes are folded, and why. The skeleton is applied letter by letter and only its single-ASCII results
 * are used, and only to letters that are not ASCII: plain ASCII is never touched. TS #39 also maps ASCII onto ASCII
 * ({@code m} to {@code rn}, {@code 0} to {@code O}, {@code 1} and {@code I} to {@code l}); applying that would make
 * the key of "Acme 2000" read {@code acrne 2OOO} and merge genuinely different names ("Barn"/"Bam", "Fund 1"/"Fund l").
 * Confusions inside ASCII are typing variants, which screening's fuzzy matching handles; the key only has to defeat
 * letters from elsewhere posing as ASCII. So a non-ASCII letter is folded when
 *
 * <ul>
 *   <li>it is a Latin-script variant of an ASCII letter (dotless {@code ı}, Latin alpha {@code ɑ}, script {@code ɡ}); or
 *   <li>it is from another script (Cyrillic {@code а}, Greek {@code ο}) and its word mixes that script with Latin
 *       letters; or
 *   <li>its whole word consists of such look-alikes and the rest of the name is Latin ({@code АСМЕ Trading} with a
 *       Cyrillic {@code АСМЕ}).
 * </ul>
 *
 * A word written wholly in another script, in a name with no Latin letters, is kept as written: {@code РОСТЕХ} is the
 * Russian word {@code ростех}, not a disguised "POCTEX". Letters with diacritics are kept ({@code é} is not a
 * look-alike of {@code e}; screening removes diacritics itself).
 *
 * <p>The result is lower-case; for plain ASCII names it is the name in lower case with single spaces, so keys stay
 * readable ({@code "SecEvade  Fund, LLC"} has the key {@code secevade fund llc}). Pure Java and ICU4J; thread-safe.
 */
public final class CanonicalName {

    /** Longest input accepted, in UTF-16 characters: list names run to a few hundred, never more. */
    public static final int CHARS_MAX = 1_000;

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder().build();
    /** Code point to the ASCII letter or digit it imitates, or {@link #NO_ASCII}; filled on first use of each. */
    private static final ConcurrentHashMap<Integer, Integer> ASCII_SKELETONS = new ConcurrentHashMap<>();

    private static final int NO_ASCII = -1;

    private CanonicalName() {}

    /** A canonical key and what producing it changed (for screening's explanations). */
    public record Folded(String key, boolean lookalikesFolded, boolean invisiblesRemoved) {
        public Folded {
            Objects.requireNonNull(key, "key");
        }
    }

    /** A bidirectional control character found in a text, with its 1-based position counted in characters. */
    public record BidiControl(int codePoint, int position) {
        /** A sentence naming the code point and where it is, for a form or problem-details error. */
        public String message() {
            return String.format(
                    Locale.ROOT,
                    "contains the invisible bidirectional control U+%04X %s at character %d",
                    codePoint,
                    Character.getName(codePoint),
                    position);
        }
    }

    /**
     * The canonical key of a name: equal keys mean the same name for every purpose of Gatehouse.
     *
     * @throws IllegalArgumentException when {@code raw} is longer than {@link #CHARS_MAX}
     */
    public static String key(String raw) {
        return fold(raw).key();
    }

    /**
     * The canonical key and what producing it did.
     *
     * @throws IllegalArgumentException when {@code raw} is longer than {@link #CHARS_MAX}
     */
    public static Folded fold(String raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > CHARS_MAX) {
            throw new IllegalArgumentException("longer than " + CHARS_MAX + " characters");
        }
        if (alreadyCanonical(raw)) {
            return new Folded(raw, false, false);
        }
        String ascii = asciiKey(raw);
        if (ascii != null) {
            return new Folded(ascii, false, false);
        }
        return foldUnicode(raw);
    }

    /**
     * The key of a name written in printable ASCII, without ICU (deal files of millions of rows are mostly ASCII):
     * letters lower-cased, digits kept, apostrophes dropped, anything else a separator. The same result as
     * {@link #foldUnicode} gives such a name; null when {@code raw} is not printable ASCII.
     */
    static String asciiKey(String raw) {
        StringBuilder key = null;
        boolean separator = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
            if (key == null) {
                key = new StringBuilder(raw.length());
            }
            if (c == '\'' || c == '`') {
                continue;
            }
            boolean letter = c >= 'a' && c <= 'z';
            boolean upper = c >= 'A' && c <= 'Z';
            if (letter || upper || (c >= '0' && c <= '9')) {
                if (separator && !key.isEmpty()) {
                    key.append(' ');
                }
                separator = false;
                key.append(upper ? (char) (c + ('a' - 'A')) : c);
            } else {
                separator = true;
            }
        }
        return key == null ? "" : key.toString();
    }

    /** The general path of {@link #fold}: NFKC, invisibles, apostrophes, look-alikes, case folding, separators. */
    static Folded foldUnicode(String raw) {
        String nfkc = NFKC.normalize(raw);
        // Compatibility mappings (full-width, ligatures, mathematical letters) are look-alikes too.
        boolean folded = !nfkc.equals(NFC.normalize(raw));
        boolean invisibles = false;
        boolean nameHasLatin = hasLatinLetter(nfkc);
        StringBuilder key = new StringBuilder(nfkc.length());
        StringBuilder word = new StringBuilder(32);
        int i = 0;
        while (i < nfkc.length()) {
            int cp = nfkc.codePointAt(i);
            int n = Character.charCount(cp);
            if (isInvisible(cp)) {
                invisibles = true;
            } else if (isApostrophe(cp)) {
                // dropped without splitting the word
            } else if (isWordPart(cp)) {
                word.appendCodePoint(cp);
            } else {
                folded |= flushWord(word, nameHasLatin, key);
            }
            i += n;
        }
        folded |= flushWord(word, nameHasLatin, key);
        return new Folded(key.toString(), folded, invisibles);
    }

    /**
     * The first bidirectional control in {@code text} (U+202A–U+202E embeddings and overrides, U+2066–U+2069
     * isolates, U+200E/U+200F marks, U+061C Arabic letter mark), so that text fields can refuse them: they reorder what
     * a reader sees without changing what is stored.
     */
    public static Optional<BidiControl> bidiControl(String text) {
        Objects.requireNonNull(text, "text");
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            position++;
            if (isBidiControl(cp)) {
                return Optional.of(new BidiControl(cp, position));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** Whether {@code cp} is one of the bidirectional controls that {@link #bidiControl} finds. */
    public static boolean isBidiControl(int cp) {
        return cp == 0x061C
                || cp == 0x200E
                || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Lower-case ASCII letters and digits separated by single spaces: the key is the input itself. */
    private static boolean alreadyCanonical(String s) {
        if (s.isEmpty()) {
            return true;
        }
        if (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == ' ' && s.charAt(i - 1) != ' ');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Appends the folded word (preceded by a space unless first) and empties it; returns whether it folded any. */
    private static boolean flushWord(StringBuilder word, boolean nameHasLatin, StringBuilder key) {
        if (word.isEmpty()) {
            return false;
        }
        boolean hasLatin = false;
        int otherScript = UScript.INVALID_CODE;
        boolean mixedOthers = false;
        boolean allLookalike = true;
        boolean anyNonAscii = false;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                if (Character.isLetter(cp)) {
                    hasLatin = true;
                }
                continue;
            }
            anyNonAscii = true;
            if (!UCharacter.isLetter(cp)) {
                continue;
            }
            int script = UScript.getScript(cp);
            if (script == UScript.LATIN) {
                hasLatin = true;
            } else if (script != UScript.COMMON && script != UScript.INHERITED) {
                if (otherScript != UScript.INVALID_CODE && otherScript != script) {
                    mixedOthers = true;
                }
                otherScript = script;
                if (asciiSkeleton(cp) == NO_ASCII) {
                    allLookalike = false;
                }
            }
        }
        if (!anyNonAscii) {
            separate(key);
            appendLowerAscii(word, key);
            word.setLength(0);
            return false;
        }
        boolean foldOtherScripts =
                otherScript != UScript.INVALID_CODE && (hasLatin || (allLookalike && (nameHasLatin || mixedOthers)));
        boolean folded = false;
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.append((char) cp);
                continue;
            }
            if (UCharacter.getType(cp) == UCharacterCategory.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + UCharacter.digit(cp, 10)));
                continue;
            }
            int ascii = UCharacter.isLetter(cp) ? asciiSkeleton(cp) : NO_ASCII;
            if (ascii != NO_ASCII) {
                int script = UScript.getScript(cp);
                boolean latinVariant = script == UScript.LATIN || script == UScript.COMMON;
                if (latinVariant || foldOtherScripts) {
                    out.append((char) ascii);
                    folded = true;
                    continue;
                }
            }
            out.appendCodePoint(cp);
        }
        String normalized = NFKC_CASEFOLD.normalize(out);
        // Case folding can, rarely, produce a character that is not part of a word; such characters separate too.
        boolean separated = true;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordPart(cp)) {
                if (separated) {
                    separate(key);
                    separated = false;
                }
                key.appendCodePoint(cp);
            } else if (!isInvisible(cp) && !isApostrophe(cp)) {
                separated = true;
            }
        }
        word.setLength(0);
        return folded;
    }

    private static void separate(StringBuilder key) {
        if (!key.isEmpty()) {
            key.append(' ');
        }
    }

    private static void appendLowerAscii(CharSequence word, StringBuilder key) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            key.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
    }

    /**
     * The lower-case ASCII letter or digit that {@code cp}, as written, imitates according to its TS #39 skeleton, or
     * {@link #NO_ASCII}. A skeleton of {@code rn} counts as {@code m} (mathematical m's have it).
     */
    private static int asciiSkeleton(int cp) {
        return ASCII_SKELETONS.computeIfAbsent(cp, c -> {
            String skeleton = SPOOF_CHECKER.getSkeleton(new String(Character.toChars(c)));
            if (skeleton.equals("rn")) {
                return (int) 'm';
            }
            if (skeleton.length() != 1) {
                return NO_ASCII;
            }
            char s = skeleton.charAt(0);
            if (s == 'l' && UCharacter.isUUppercase(c)) {
                // TS #39 writes every vertical stroke (I, l, 1, Ι, І) as l; a capital one poses as I, which folds to i.
                return (int) 'i';
            }
            if (s >= 'A' && s <= 'Z') {
                return s + ('a' - 'A');
            }
            if ((s >= 'a' && s <= 'z') || (s >= '0' && s <= '9')) {
                return (int) s;
            }
            return NO_ASCII;
        });
    }

    private static boolean hasLatinLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80
                    ? Character.isLetter(cp)
                    : UCharacter.isLetter(cp) && UScript.getScript(cp) == UScript.LATIN) {
                return true;
            }
        }
        return false;
    }

    /** Default-ignorable and format characters: invisible, so removed without separating anything. */
    private static boolean isInvisible(int cp) {
        return cp >= 0x80
                && (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                        || UCharacter.getType(cp) == UCharacterCategory.FORMAT);
    }

    /** Apostrophes and the modifier letters used as apostrophes or for Arabic ʿayn and hamza. */
    private static boolean isApostrophe(int cp) {
        return switch (cp) {
            case '\'',
                    '`',
                    0x00B4,
                    0x2018,
                    0x2019,
                    0x201B,
                    0x02B9,
                    0x02BB,
                    0x02BC,
                    0x02BD,
                    0x02BE,
                    0x02BF,
                    0x02C8,
                    0xFF07 -> true;
            default -> false;
        };
    }

    private static boolean isWordPart(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        int type = UCharacter.getType(cp);
        return switch (type) {
            case UCharacterCategory.UPPERCASE_LETTER,
                    UCharacterCategory.LOWERCASE_LETTER,
                    UCharacterCategory.TITLECASE_LETTER,
                    UCharacterCategory.MODIFIER_LETTER,
                    UCharacterCategory.OTHER_LETTER,
                    UCharacterCategory.NON_SPACING_MARK,
                    UCharacterCategory.COMBINING_SPACING_MARK,
                    UCharacterCategory.ENCLOSING_MARK,
                    UCharacterCategory.DECIMAL_DIGIT_NUMBER,
                    UCharacterCategory.LETTER_NUMBER,
                    UCharacterCategory.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
