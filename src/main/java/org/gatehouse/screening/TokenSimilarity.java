package org.gatehouse.screening;

/**
 * How alike two normalized tokens are, in [0, 1]: the mean of Jaro-Winkler and of the edit-distance similarity
 * (Damerau-Levenshtein over the longer length), so that a shared prefix alone ("intel"/"inhotel") does not make two
 * words alike; with guards that make it fit names.
 *
 * <ul>
 *   <li>Tokens of three letters or fewer, and tokens with digits, match only exactly: Jaro-Winkler rates any two
 *       short strings with a shared letter highly, and "13th" is not "14th".
 *   <li>Tokens whose lengths differ by more than 30 % do not match: Jaro-Winkler rewards a shared prefix so much that
 *       "abd" would match "abdullah" (split words are matched by joining neighbours instead).
 *   <li>A token transliterated from a script written without short vowels (Arabic, Hebrew) is compared by consonant
 *       skeleton ({@code mhmd} against {@code mohammed} gives {@code mhmd}/{@code mhmd}), discounted by 5 % for what
 *       the missing vowels leave uncertain.
 * </ul>
 */
final class TokenSimilarity {

    /** Below this, two tokens do not pair at all (their words count as unmatched). */
    static final double MIN = 0.75;
    /** Shortest token compared fuzzily. */
    static final int FUZZY_LENGTH_MIN = 4;
    /** Smallest ratio of lengths (shorter over longer) of two tokens that can match. */
    static final double LENGTH_RATIO_MIN = 0.7;
    /** Discount on a comparison of consonant skeletons. */
    static final double CONSONANTAL_FACTOR = 0.95;
    /** Similarity of two equal consonant skeletons of one letter ("ly" for علي and "ali"). */
    static final double ONE_CONSONANT = 0.88;
    /** Similarity of two equal consonant skeletons of two letters ("rmy" for رامي and "rami"). */
    static final double TWO_CONSONANTS = 0.9;
    /**
     * Least similarity of two Latin tokens with the same first letter and the same consonant skeleton of four letters
     * or more: spellings of one name in different transliterations ("mohammed"/"muhammad", "hussein"/"husayn",
     * "aleksandr"/"alexander"), which the edit distance rates lower than typing errors.
     */
    static final double SAME_SKELETON = 0.86;
    /** Shortest consonant skeleton for {@link #SAME_SKELETON}: three consonants match too many unrelated words. */
    static final int SAME_SKELETON_LENGTH_MIN = 4;
    /** Similarity of two tokens whose equal skeletons have five consonants or more ("aleksandr"/"alexander"). */
    static final double SAME_LONG_SKELETON = 0.9;

    static final int LONG_SKELETON_LENGTH_MIN = 5;
    /** Shortest tokens whose plural and singular are compared ("abbas" is not a plural). */
    static final int STEM_LENGTH_MIN = 6;
    /** Discount on a comparison of singulars: "holdings" and "holding" are nearly, not quite, the same word. */
    static final double STEM_FACTOR = 0.97;

    private TokenSimilarity() {}

    static double of(String q, boolean qConsonantal, String c, boolean cConsonantal) {
        return of(q, null, qConsonantal, c, null, cConsonantal);
    }

    /**
     * As {@link #of(String, boolean, String, boolean)}, with the tokens' consonant skeletons when the caller has them
     * ({@code null} when not): the index keeps every listed word's skeleton, so that comparing with all of them is cheap.
     */
    static double of(
            String q, String qSkeleton, boolean qConsonantal, String c, String cSkeleton, boolean cConsonantal) {
        if (q.equals(c)) {
            return 1.0;
        }
        if (qConsonantal || cConsonantal) {
            if (hasDigit(q) || hasDigit(c)) {
                return 0;
            }
            return consonantal(
                    qSkeleton != null ? qSkeleton : skeleton(q), cSkeleton != null ? cSkeleton : skeleton(c));
        }
        int lq = q.length();
        int lc = c.length();
        if (lq < FUZZY_LENGTH_MIN || lc < FUZZY_LENGTH_MIN) {
            return 0;
        }
        if (Math.min(lq, lc) < LENGTH_RATIO_MIN * Math.max(lq, lc)) {
            return 0;
        }
        if (hasDigit(q) || hasDigit(c)) {
            return 0;
        }
        double similarity = blend(q, c);
        if (lq >= STEM_LENGTH_MIN && lc >= STEM_LENGTH_MIN && (q.charAt(lq - 1) == 's' || c.charAt(lc - 1) == 's')) {
            similarity = Math.max(similarity, STEM_FACTOR * blend(stem(q), stem(c)));
        }
        if (similarity < SAME_LONG_SKELETON && q.charAt(0) == c.charAt(0) && lq >= FUZZY_LENGTH_MIN + 1) {
            String sq = qSkeleton != null ? qSkeleton : skeleton(q);
            String sc = cSkeleton != null ? cSkeleton : skeleton(c);
            if (sq.length() >= SAME_SKELETON_LENGTH_MIN && sq.equals(sc)) {
                return Math.max(
                        similarity, sq.length() >= LONG_SKELETON_LENGTH_MIN ? SAME_LONG_SKELETON : SAME_SKELETON);
            }
        }
        return similarity;
    }

    /** The similarity of two words compared by their consonant skeletons (one written without vowels). */
    static double consonantal(String sq, String sc) {
        if (sq.isEmpty() || sc.isEmpty()) {
            return 0;
        }
        if (sq.length() <= 2 || sc.length() <= 2) {
            return !sq.equals(sc) ? 0 : sq.length() == 1 ? ONE_CONSONANT : TWO_CONSONANTS;
        }
        return CONSONANTAL_FACTOR * jaroWinkler(sq, sc);
    }

    /** Jaro-Winkler averaged with the edit distance's similarity, {@code 1 - edits / longer length}. */
    private static double blend(String q, String c) {
        double edits = damerauLevenshtein(q, c);
        return (jaroWinkler(q, c) + 1 - edits / (Math.max(q.length(), c.length()) + 1)) / 2;
    }

    /** A plural made singular: "technologies" as "technology", "holdings" as "holding" (not "ss" words). */
    static String stem(String t) {
        if (t.endsWith("ies")) {
            return t.substring(0, t.length() - 3) + "y";
        }
        if (t.endsWith("s") && !t.endsWith("ss")) {
            return t.substring(0, t.length() - 1);
        }
        return t;
    }

    /**
     * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours, each one
     * edit. Tokens are short, so the full table is cheap.
     */
    static int damerauLevenshtein(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int[][] rows = lb < ROW_CHARS ? ROWS.get() : new int[3][lb + 1];
        int[] before = rows[0]; // row i - 2
        int[] previous = rows[1]; // row i - 1
        int[] current = rows[2];
        for (int j = 0; j <= lb; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int v = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, before[j - 2] + 1);
                }
                current[j] = v;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return previous[lb];
    }

    /** Longest token whose distance uses the per-thread rows instead of new ones. */
    private static final int ROW_CHARS = 64;

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][ROW_CHARS + 1]);

    /**
     * The consonant skeleton of a token, used for blocking and for consonantal comparisons: {@code ph} as {@code f},
     * {@code c}, {@code q} and {@code ck} as {@code k}, {@code x} as {@code ks}; vowels, {@code v}, {@code w} and
     * {@code y} dropped (they write vowels in transliterations: "mahmoud", "mahmwd"); doubled letters single.
     */
    static String skeleton(String t) {
        StringBuilder out = new StringBuilder(t.length());
        char last = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            char next = i + 1 < t.length() ? t.charAt(i + 1) : 0;
            char mapped;
            if (ch == 'p' && next == 'h') {
                mapped = 'f';
                i++;
            } else if (ch == 'c' && next == 'k') {
                mapped = 'k';
                i++;
            } else {
                mapped = switch (ch) {
                    case 'c', 'q' -> 'k';
                    case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'v' -> 0;
                    default -> ch;
                };
            }
            if (mapped == 'x') {
                if (last != 'k') {
                    out.append('k');
                }
                mapped = 's';
                last = 'k';
            }
            if (mapped != 0 && mapped != last) {
                out.append(mapped);
            }
            if (mapped != 0) {
                last = mapped;
            }
        }
        return out.toString();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Jaro-Winkler similarity (prefix scale 0.1, prefix of at most 4, applied when Jaro exceeds 0.7). */
    static double jaroWinkler(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return la == lb ? 1 : 0;
        }
        if (la > Long.SIZE || lb > Long.SIZE) {
            return jaroWinklerLong(a, b);
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        // Positions of b already matched, as bits: tokens are short, so no array is needed.
        long matchedB = 0;
        int m = 0;
        int transpositions = 0;
        int lastB = -1;
        boolean ordered = true;
        long matchedA = 0;
        for (int i = 0; i < la; i++) {
            char ca = a.charAt(i);
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if ((matchedB & (1L << j)) == 0 && b.charAt(j) == ca) {
                    matchedB |= 1L << j;
                    matchedA |= 1L << i;
                    m++;
                    if (j < lastB) {
                        ordered = false;
                    }
                    lastB = j;
                    break;
                }
            }
        }
        if (m == 0) {
            return 0;
        }
        if (!ordered) {
            // Count the matched characters that are out of order: walk both match sets in position order.
            long restA = matchedA;
            long restB = matchedB;
            while (restA != 0) {
                int i = Long.numberOfTrailingZeros(restA);
                int j = Long.numberOfTrailingZeros(restB);
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                restA &= restA - 1;
                restB &= restB - 1;
            }
        }
        return winkler(a, b, m, transpositions);
    }

    private static double winkler(String a, String b, int m, int transpositions) {
        int la = a.length();
        int lb = b.length();
        double jaro = ((double) m / la + (double) m / lb + (m - transpositions / 2.0) / m) / 3.0;
        if (jaro <= 0.7) {
            return jaro;
        }
        int prefix = 0;
        int limit = Math.min(4, Math.min(la, lb));
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /** Jaro-Winkler for tokens longer than 64 characters, with arrays. */
    private static double jaroWinklerLong(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] matchedB = new boolean[lb];
        char[] matchesA = new char[Math.min(la, lb)];
        int m = 0;
        for (int i = 0; i < la; i++) {
            char ca = a.charAt(i);
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && b.charAt(j) == ca) {
                    matchedB[j] = true;
                    matchesA[m++] = ca;
                    break;
                }
            }
        }
        if (m == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int j = 0; j < lb; j++) {
            if (matchedB[j]) {
                if (b.charAt(j) != matchesA[k]) {
                    transpositions++;
                }
                k++;
            }
        }
        return winkler(a, b, m, transpositions);
    }
}
