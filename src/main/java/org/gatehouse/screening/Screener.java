package org.gatehouse.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.gatehouse.trade.CountryCode;

/**
 * Screens party names against loaded lists: every name and alias of every entry is normalized once
 * ({@link NameNormalizer}) and indexed, and a screened name is scored against the names that share a similar word with
 * it.
 *
 * <p><b>Score.</b> Words are weighted by how rare they are among the listed names (inverse document frequency, full
 * weight for a word in at most {@value #DF_FULL_WEIGHT} names), with particles ("de", "al", "of") at
 * {@value #STOPWORD_WEIGHT} and words common to company names ("group", "trading", "international", "bank") at most
 * {@value #GENERIC_WEIGHT}. The screened name's words are paired with the listed name's words, best pairs first, each
 * word used once, in any order; a word may also pair with two neighbouring words of the other name joined ("abdullah"
 * with "abd allah", "xi jin ping" with "xi jinping"). A pair of {@link TokenSimilarity} {@code s} counts
 * {@link #credit(double) credit(s)}: {@code s} from {@value #FULL_CREDIT} up, less and less below it, nothing at
 * {@value TokenSimilarity#MIN}. The score is the weighted share of both names' words that are paired:
 *
 * <pre>   Σ credit(s)·(wq + wl) / (Σ wq + Σ wl + {@value #LIST_MISSING_EXTRA}·Σ (1 − credit)·wl)</pre>
 *
 * so unmatched words on either side lower it in proportion to their weight, the listed name's missing words a half
 * more. An entry scores its best name or alias. When the screened party's country is given and the entry has
 * countries, the score rises by {@value #COUNTRY_AGREES} if one agrees and falls by {@value #COUNTRY_DIFFERS} if none
 * does (clamped to [0, 1]). Scores are rounded to six decimals.
 *
 * <p><b>Index.</b> Candidate words are found by shared letter triples (trigrams: at least half of the screened word's,
 * two thirds for two joined words, walking only the postings of the rarest ones), by a swap of two neighbouring
 * letters, by equal consonant skeleton (transliteration variants) and exactly; words from Arabic or Hebrew script are
 * compared with every distinct listed skeleton. A listed word's similar words are found once and kept. Only names
 * holding a candidate word are scored, and only when an upper bound of their score, from the words found, reaches the
 * threshold. {@code ScreenerIndexTests} checks on the evaluation set that the index finds the same hits as comparing
 * with every listed word and scoring every listed name (scores within 0.02).
 *
 * <p>Immutable and thread-safe; each thread keeps its own scratch arrays.
 */
public final class Screener {

    /**
     * The threshold chosen on the labelled evaluation set (docs/screening.md): the lowest, so the highest recall, whose
     * false-positive rate is at most 1 %.
     */
    public static final double THRESHOLD_DEFAULT = 0.88;
    /** Most hits returned for one name. */
    public static final int HITS_MAX = 50;
    /** Longest name screened, in characters. */
    public static final int NAME_CHARS_MAX = 500;
    /** Raise of the score when the screened party's country is among the entry's. */
    public static final double COUNTRY_AGREES = 0.03;
    /** Fall of the score when the entry has countries and the screened party's is not among them. */
    public static final double COUNTRY_DIFFERS = 0.03;
    /** Most names (primary names and aliases) indexed. */
    public static final int NAMES_MAX = 2_000_000;

    /** Weight of a particle ({@link NameNormalizer#STOPWORDS}). */
    static final double STOPWORD_WEIGHT = 0.05;
    /** Greatest weight of a word common to company names ({@link NameNormalizer#GENERIC}). */
    static final double GENERIC_WEIGHT = 0.25;
    /** Least weight of any other word, however common. */
    static final double WEIGHT_MIN = 0.1;
    /** Words in at most this many listed names weigh fully. */
    static final int DF_FULL_WEIGHT = 3;
    /** Longest pair of neighbouring words joined for matching. */
    static final int PAIR_CHARS_MAX = 16;
    /** A listed pair of neighbours is indexed joined when one of them is at most this long ("abd allah"). */
    static final int PAIR_PART_SHORT = 5;
    /**
     * Least similarity of a word to two joined words: higher than for two words, since joining two short words makes
     * many strings ("chu na" is not "china").
     */
    static final double PAIR_SIMILARITY_MIN = 0.92;
    /**
     * Similarity from which a word pair counts in full; below it, down to {@link TokenSimilarity#MIN}, it counts less
     * and less (see {@link #credit}).
     */
    static final double FULL_CREDIT = 0.9;
    /**
     * Extra weight of the listed name's words that the screened name lacks, on top of their own: a screened party often
     * adds words to its name ("Group", "Holding"), but a listed word that is missing more likely means another party
     * ("Korea Development Bank" is not "Korea United Development Bank").
     */
    static final double LIST_MISSING_EXTRA = 0.5;

    /**
     * Longest word looked up with neighbouring letters swapped: from seven letters on, a swap leaves at least half of
     * the nine trigrams, which the trigram search finds.
     */
    static final int TRANSPOSITION_CHARS_MAX = 6;
    /** Most searches for words from Arabic or Hebrew script kept. */
    static final int CONSONANTAL_KEPT_MAX = 10_000;

    private static final int ALPHABET = 37; // a-z, 0-9 and the word boundary
    private static final double SCORE_SCALE = 1e6;
    /** Room for rounding in score bounds, which are summed in single precision. */
    private static final double BOUND_SLACK = 1e-5;

    private static final int NONE = -1;
    private static final int[] NO_IDS = new int[0];

    private final List<ScreeningList> lists;
    private final ListEntry[] entries;

    private final String[] vocab;
    private final boolean[] vocabConsonantal;
    private final float[] vocabWeight;
    private final boolean[] vocabIsPair;
    private final String[] vocabSkeleton;
    private final int[] consonantalVocab;
    private final String[] skeletonKeys;
    private final int[][] skeletonVocab;
    /** Words from Arabic or Hebrew script already searched for, at most {@link #CONSONANTAL_KEPT_MAX}. */
    private final java.util.concurrent.ConcurrentHashMap<String, Found> consonantalFound =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Per listed word, its similar listed words once a query has needed them (see {@link #find}). */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Found> neighbours;

    private final Map<String, Integer> vocabIds;
    private final int[][] postings;
    private final int[][] trigramPostings;
    private final int[][] vocabTrigrams;
    private final long[] vocabSignature;
    private final long[] vocabSignature2;
    private final Map<String, int[]> skeletons;

    private final int[][] nameTokens;
    private final int[][] namePairs;
    private final int[] nameEntry;
    private final int[] nameAlias;
    private final double[] nameWeight;
    private final List<List<String>> nameNotes;

    private final ThreadLocal<Scratch> scratch;

    private Screener(List<ScreeningList> lists) {
        this.lists = List.copyOf(lists);
        List<ListEntry> all = new ArrayList<>();
        for (ScreeningList l : this.lists) {
            all.addAll(l.entries());
        }
        entries = all.toArray(new ListEntry[0]);

        // Names: each entry's primary name and aliases, normalized; a spelling equal to an earlier one is dropped.
        Map<String, NormalizedName> normalized = new HashMap<>();
        List<NormalizedName> names = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        for (int e = 0; e < entries.length; e++) {
            ListEntry entry = entries[e];
            List<String> seen = new ArrayList<>();
            for (int a = -1; a < entry.aliases().size(); a++) {
                String raw = a < 0 ? entry.name() : entry.aliases().get(a);
                if (raw.length() > NAME_CHARS_MAX) {
                    raw = raw.substring(0, NAME_CHARS_MAX);
                }
                NormalizedName n = normalized.computeIfAbsent(raw, NameNormalizer::normalize);
                String text = n.text();
                if (n.isEmpty() || seen.contains(text)) {
                    continue;
                }
                seen.add(text);
                names.add(n);
                owners.add(new int[] {e, a});
                if (names.size() > NAMES_MAX) {
                    throw new IllegalArgumentException("more than " + NAMES_MAX + " names to index");
                }
            }
        }
        int count = names.size();
        nameTokens = new int[count][];
        namePairs = new int[count][];
        nameEntry = new int[count];
        nameAlias = new int[count];
        nameWeight = new double[count];
        nameNotes = new ArrayList<>(count);

        // Vocabulary of words, then of joined neighbour pairs, with document frequencies.
        Map<String, Integer> ids = new HashMap<>();
        List<String> words = new ArrayList<>();
        List<Boolean> consonantal = new ArrayList<>();
        List<Integer> df = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            NormalizedName n = names.get(k);
            int[] tokens = new int[n.size()];
            for (int j = 0; j < n.size(); j++) {
                tokens[j] = intern(n.tokens()[j], n.consonantal()[j], false, ids, words, consonantal, df);
            }
            countOnce(tokens, df);
            nameTokens[k] = tokens;
            nameEntry[k] = owners.get(k)[0];
            nameAlias[k] = owners.get(k)[1];
            nameNotes.add(n.notes());
        }
        int singles = words.size();
        for (int k = 0; k < count; k++) {
            NormalizedName n = names.get(k);
            int[] pairs = new int[Math.max(0, n.size() - 1)];
            for (int j = 0; j + 1 < n.size(); j++) {
                String a = n.tokens()[j];
                String b = n.tokens()[j + 1];
                boolean indexed = !n.consonantal()[j]
                        && !n.consonantal()[j + 1]
                        && (a.length() <= PAIR_PART_SHORT || b.length() <= PAIR_PART_SHORT)
                        && a.length() + b.length() <= PAIR_CHARS_MAX;
                pairs[j] = indexed ? intern(a + " " + b, false, true, ids, words, consonantal, df) : NONE;
            }
            namePairs[k] = pairs;
        }
        int size = words.size();
        vocab = words.toArray(new String[0]);
        vocabIds = ids;
        vocabConsonantal = new boolean[size];
        vocabIsPair = new boolean[size];
        vocabWeight = new float[size];
        for (int v = 0; v < size; v++) {
            vocabConsonantal[v] = consonantal.get(v);
            vocabIsPair[v] = v >= singles;
            if (v < singles) {
                vocabWeight[v] = (float) weight(vocab[v], df.get(v), count);
            }
        }
        // A joined pair weighs what its two words weigh; postings list the names holding each word or pair.
        int[] postingCount = new int[size];
        for (int k = 0; k < count; k++) {
            double total = 0;
            for (int t : nameTokens[k]) {
                total += vocabWeight[t];
            }
            nameWeight[k] = total;
            for (int j = 0; j < namePairs[k].length; j++) {
                int p = namePairs[k][j];
                if (p != NONE) {
                    vocabWeight[p] = vocabWeight[nameTokens[k][j]] + vocabWeight[nameTokens[k][j + 1]];
                }
            }
            for (int t : distinct(nameTokens[k], namePairs[k])) {
                postingCount[t]++;
            }
        }
        postings = new int[size][];
        for (int v = 0; v < size; v++) {
            postings[v] = new int[postingCount[v]];
        }
        int[] fill = new int[size];
        for (int k = 0; k < count; k++) {
            for (int t : distinct(nameTokens[k], namePairs[k])) {
                postings[t][fill[t]++] = k;
            }
        }
        // Trigrams and consonant skeletons of every word and pair.
        vocabTrigrams = new int[size][];
        vocabSignature = new long[size];
        vocabSignature2 = new long[size];
        int[] gramCount = new int[ALPHABET * ALPHABET * ALPHABET];
        for (int v = 0; v < size; v++) {
            vocabTrigrams[v] = trigrams(vocab[v]);
            vocabSignature[v] = signature(vocabTrigrams[v], 0);
            vocabSignature2[v] = signature(vocabTrigrams[v], 1);
            for (int code : vocabTrigrams[v]) {
                gramCount[code]++;
            }
        }
        trigramPostings = new int[gramCount.length][];
        for (int g = 0; g < gramCount.length; g++) {
            trigramPostings[g] = gramCount[g] == 0 ? NO_IDS : new int[gramCount[g]];
        }
        int[] gramFill = new int[gramCount.length];
        Map<String, List<Integer>> bySkeleton = new HashMap<>();
        vocabSkeleton = new String[size];
        List<Integer> consonantalIds = new ArrayList<>();
        for (int v = 0; v < size; v++) {
            for (int code : vocabTrigrams[v]) {
                trigramPostings[code][gramFill[code]++] = v;
            }
            String skeleton = TokenSimilarity.skeleton(vocab[v]);
            vocabSkeleton[v] = skeleton;
            if (vocabConsonantal[v]) {
                consonantalIds.add(v);
            }
            if (!skeleton.isEmpty()) {
                bySkeleton.computeIfAbsent(skeleton, s -> new ArrayList<>()).add(v);
            }
        }
        Map<String, int[]> skeletonIndex = new HashMap<>();
        skeletonKeys = new String[bySkeleton.size()];
        skeletonVocab = new int[bySkeleton.size()][];
        int key = 0;
        for (Map.Entry<String, List<Integer>> e : bySkeleton.entrySet()) {
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            skeletonIndex.put(e.getKey(), members);
            skeletonKeys[key] = e.getKey();
            skeletonVocab[key++] = members;
        }
        skeletons = Map.copyOf(skeletonIndex);
        neighbours = new java.util.concurrent.atomic.AtomicReferenceArray<>(size);
        consonantalVocab = consonantalIds.stream().mapToInt(Integer::intValue).toArray();
        scratch = ThreadLocal.withInitial(() -> new Scratch(vocab.length, nameTokens.length, entries.length));
    }

    /** A screener over {@code lists}, indexed once (about a second for the full SDN list). */
    public static Screener of(List<ScreeningList> lists) {
        Objects.requireNonNull(lists, "lists");
        return new Screener(lists);
    }

    /** The lists screened against, in the order given. */
    public List<ScreeningList> lists() {
        return lists;
    }

    /** Number of names (primary names and distinct aliases) indexed. */
    public int nameCount() {
        return nameTokens.length;
    }

    /** Hits at or above {@link #THRESHOLD_DEFAULT} for a name of unknown country. */
    public List<Hit> screen(String name) {
        return screen(name, null, THRESHOLD_DEFAULT);
    }

    /**
     * The entries whose best name or alias scores at least {@code threshold} against {@code name}, best first (ties by
     * list order), at most {@link #HITS_MAX}.
     *
     * @param country the screened party's country, or {@code null} when unknown
     * @throws IllegalArgumentException when the name is longer than {@link #NAME_CHARS_MAX} or the threshold is not in
     *     (0, 1]
     */
    public List<Hit> screen(String name, CountryCode country, double threshold) {
        return screen(name, country, threshold, false);
    }

    /**
     * As {@link #screen(String, CountryCode, double)}, but comparing the name with every indexed word and scoring every
     * indexed name: the reference the index is tested against. Slow (tens of milliseconds per name).
     */
    List<Hit> screenExhaustively(String name, CountryCode country, double threshold) {
        return screen(name, country, threshold, true);
    }

    private List<Hit> screen(String name, CountryCode country, double threshold, boolean exhaustive) {
        Objects.requireNonNull(name, "name");
        if (name.length() > NAME_CHARS_MAX) {
            throw new IllegalArgumentException("name longer than " + NAME_CHARS_MAX + " characters");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        NormalizedName normalized = NameNormalizer.normalize(name);
        if (normalized.isEmpty()) {
            return List.of();
        }
        Scratch s = scratch.get();
        Query q = new Query(normalized);
        s.newQuery();
        for (int u = 0; u < q.units; u++) {
            find(q, u, s, exhaustive);
        }
        q.weigh(this);
        double slack = 0;
        for (int u = 0; u < q.units; u++) {
            if (!exhaustive && q.unitWeight[u] <= STOPWORD_WEIGHT && !q.unitPair[u]) {
                // Particles are in thousands of names: they are not used to find names, and what they could add to a
                // score is added to every name's bound instead, so that no name is left out by it.
                slack += q.unitWeight[u] + STOPWORD_WEIGHT;
                continue;
            }
            accumulate(q, u, s);
        }
        double bonus = country == null ? 0 : COUNTRY_AGREES;
        List<int[]> best = new ArrayList<>();
        for (int i = 0; i < (exhaustive ? nameTokens.length : s.touchedCount); i++) {
            int k = exhaustive ? i : s.touched[i];
            if (!exhaustive) {
                double missing = Math.max(0, nameWeight[k] - s.accList[k]);
                double bound =
                        (s.acc[k] + slack) / (q.weightTotal + nameWeight[k] + LIST_MISSING_EXTRA * missing) + bonus;
                if (bound + BOUND_SLACK < threshold) {
                    continue;
                }
            }
            double score = adjust(score(q, k, null), entries[nameEntry[k]], country);
            if (score < threshold) {
                continue;
            }
            int e = nameEntry[k];
            if (s.entryStamp[e] != s.stamp) {
                s.entryStamp[e] = s.stamp;
                s.entryBest[e] = score;
                s.entryName[e] = k;
                best.add(new int[] {e});
            } else if (score > s.entryBest[e]) {
                s.entryBest[e] = score;
                s.entryName[e] = k;
            }
        }
        best.sort((a, b) -> {
            int c = Double.compare(s.entryBest[b[0]], s.entryBest[a[0]]);
            return c != 0 ? c : Integer.compare(a[0], b[0]);
        });
        List<Hit> hits = new ArrayList<>(Math.min(best.size(), HITS_MAX));
        for (int[] b : best.subList(0, Math.min(best.size(), HITS_MAX))) {
            int e = b[0];
            int k = s.entryName[e];
            StringBuilder why = new StringBuilder(200);
            double raw = score(q, k, why);
            double score = adjust(raw, entries[e], country);
            explainCountry(raw, score, entries[e], country, why);
            ListEntry entry = entries[e];
            String matched = nameAlias[k] < 0 ? entry.name() : entry.aliases().get(nameAlias[k]);
            hits.add(new Hit(entry, matched, nameAlias[k] >= 0, score, why.toString()));
        }
        return hits;
    }

    /** The words and joined pairs of the index that are similar enough to unit {@code u} of the query. */
    private void find(Query q, int u, Scratch s, boolean exhaustive) {
        String text = q.unitText[u];
        boolean cons = q.unitConsonantal[u];
        boolean pairUnit = q.unitPair[u];
        if (!exhaustive && !cons) {
            Integer listed = vocabIds.get(text);
            if (listed != null) {
                // A listed word: its neighbours are found once and kept (at most one list per listed word).
                Found neighbours = this.neighbours.get(listed);
                if (neighbours == null) {
                    neighbours = search(text, q.unitSkeleton[u], false, false, s, false);
                    this.neighbours.compareAndSet(listed, null, neighbours);
                }
                q.found[u] = pairUnit ? neighbours.withoutPairs(vocabIsPair, PAIR_SIMILARITY_MIN) : neighbours;
                return;
            }
        }
        if (!exhaustive && cons) {
            // Words from Arabic or Hebrew script are compared with every listed skeleton (below), about a millisecond
            // each; names repeat such words, so results are kept, in a map emptied when it reaches its bound.
            String key = (pairUnit ? "+" : "") + text;
            Found kept = consonantalFound.get(key);
            if (kept == null) {
                kept = search(text, q.unitSkeleton[u], true, pairUnit, s, false);
                if (consonantalFound.size() >= CONSONANTAL_KEPT_MAX) {
                    consonantalFound.clear();
                }
                consonantalFound.put(key, kept);
            }
            q.found[u] = kept;
            return;
        }
        q.found[u] = search(text, q.unitSkeleton[u], cons, pairUnit, s, exhaustive);
    }

    /** The words and joined pairs of the index similar enough to {@code text}, sorted by word id. */
    private Found search(String text, String skeleton, boolean cons, boolean pairUnit, Scratch s, boolean exhaustive) {
        s.candidateCount = 0;
        int stamp = s.nextStamp();
        if (exhaustive) {
            for (int v = 0; v < vocab.length; v++) {
                s.addCandidate(v, stamp);
            }
        } else {
            Integer exact = vocabIds.get(key(text, cons, false));
            if (exact != null) {
                s.addCandidate(exact, stamp);
            }
            if (cons) {
                // Words from Arabic or Hebrew script are compared by skeleton with every distinct listed skeleton:
                // Jaro-Winkler on skeletons has no trigram bound, and such words are few.
                for (int k = 0; k < skeletonKeys.length; k++) {
                    if (TokenSimilarity.consonantal(skeleton, skeletonKeys[k]) >= TokenSimilarity.MIN) {
                        for (int v : skeletonVocab[k]) {
                            s.addCandidate(v, stamp);
                        }
                    }
                }
            } else {
                if (text.length() >= TokenSimilarity.FUZZY_LENGTH_MIN) {
                    addByTrigrams(text, pairUnit, s, stamp);
                    if (text.length() <= TRANSPOSITION_CHARS_MAX) {
                        addTranspositions(text, s, stamp);
                    }
                    int[] bySkeleton = skeletons.get(skeleton);
                    if (bySkeleton != null) {
                        for (int v : bySkeleton) {
                            s.addCandidate(v, stamp);
                        }
                    }
                }
                for (int v : consonantalVocab) {
                    s.addCandidate(v, stamp);
                }
            }
        }
        int found = 0;
        long[] packed = new long[Math.min(s.candidateCount, 64)];
        for (int i = 0; i < s.candidateCount; i++) {
            int v = s.candidates[i];
            if (pairUnit && vocabIsPair[v]) {
                continue;
            }
            double sim = TokenSimilarity.of(text, skeleton, cons, vocab[v], vocabSkeleton[v], vocabConsonantal[v]);
            if (sim >= (pairUnit || vocabIsPair[v] ? PAIR_SIMILARITY_MIN : TokenSimilarity.MIN)) {
                if (found == packed.length) {
                    packed = Arrays.copyOf(packed, Math.max(16, found * 2));
                }
                packed[found++] = ((long) v << 32) | (Float.floatToIntBits((float) sim) & 0xffffffffL);
            }
        }
        // Sorted by word id, for binary search while scoring.
        Arrays.sort(packed, 0, found);
        int[] ids = new int[found];
        float[] sims = new float[found];
        for (int i = 0; i < found; i++) {
            ids[i] = (int) (packed[i] >>> 32);
            sims[i] = Float.intBitsToFloat((int) packed[i]);
        }
        return new Found(ids, sims);
    }

    /** Index words similar to a query word, by id, with their similarity. */
    private record Found(int[] ids, float[] sims) {

        /** The words that are not joined pairs and are similar enough to stand for two joined words. */
        Found withoutPairs(boolean[] isPair, double min) {
            int n = 0;
            int[] keptIds = new int[ids.length];
            float[] keptSims = new float[ids.length];
            for (int i = 0; i < ids.length; i++) {
                if (!isPair[ids[i]] && sims[i] >= min) {
                    keptIds[n] = ids[i];
                    keptSims[n++] = sims[i];
                }
            }
            return new Found(Arrays.copyOf(keptIds, n), Arrays.copyOf(keptSims, n));
        }
    }

    /** Adds unit {@code u}'s best contribution to the score bound of every name holding a word it found. */
    private void accumulate(Query q, int u, Scratch s) {
        int[] ids = q.found[u].ids();
        float[] sims = q.found[u].sims();
        int stamp = s.nextStamp();
        // Best similarity first, so the query side of the bound takes each name's best word once.
        long[] order = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            order[i] = ((long) Float.floatToIntBits(sims[i]) << 32) | i;
        }
        Arrays.sort(order);
        for (int o = order.length - 1; o >= 0; o--) {
            int i = (int) order[o];
            int v = ids[i];
            float sim = sims[i];
            float credit = (float) credit(sim);
            float listSide = credit * vocabWeight[v];
            float querySide = (float) (credit * q.unitWeight[u]);
            for (int k : postings[v]) {
                if (s.nameQuery[k] != s.queryStamp) {
                    s.nameQuery[k] = s.queryStamp;
                    s.acc[k] = 0;
                    s.accList[k] = 0;
                    s.touched[s.touchedCount++] = k;
                }
                if (s.nameUnit[k] != stamp) {
                    s.nameUnit[k] = stamp;
                    s.acc[k] += querySide;
                }
                s.acc[k] += listSide;
                s.accList[k] += listSide;
            }
        }
    }

    /**
     * The score of indexed name {@code k} against the query (before the country), pairing words greedily, best pair
     * first; with {@code why}, appends which words paired.
     */
    private double score(Query q, int k, StringBuilder why) {
        int[] tokens = nameTokens[k];
        int[] pairs = namePairs[k];
        int m = tokens.length;
        int capacity = q.units * (2 * m);
        long[] candidates = new long[capacity];
        int n = 0;
        for (int u = 0; u < q.units; u++) {
            for (int j = 0; j < m; j++) {
                float sim = q.similarity(u, tokens[j]);
                if (sim > 0) {
                    candidates[n++] = pack(sim, u, j, false);
                }
            }
            if (!q.unitPair[u]) {
                for (int j = 0; j < pairs.length; j++) {
                    if (pairs[j] != NONE) {
                        float sim = q.similarity(u, pairs[j]);
                        if (sim > 0) {
                            candidates[n++] = pack(sim, u, j, true);
                        }
                    }
                }
            }
        }
        Arrays.sort(candidates, 0, n);
        long usedQuery = 0;
        long usedList = 0;
        double matched = 0;
        double listCredited = 0;
        List<long[]> accepted = why == null ? null : new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            long c = candidates[i];
            float sim = Float.intBitsToFloat((int) (c >>> 32));
            int u = (int) ((c >>> 16) & 0x7fff);
            int j = (int) ((c >>> 1) & 0x7fff);
            boolean listPair = (c & 1) == 1;
            long queryMask = q.unitMask[u];
            long listMask = listPair ? (3L << j) : (1L << j);
            if ((usedQuery & queryMask) != 0 || (usedList & listMask) != 0) {
                continue;
            }
            usedQuery |= queryMask;
            usedList |= listMask;
            double listWeight = listPair ? vocabWeight[tokens[j]] + vocabWeight[tokens[j + 1]] : vocabWeight[tokens[j]];
            double credit = credit(sim);
            matched += credit * (q.unitWeight[u] + listWeight);
            listCredited += credit * listWeight;
            if (accepted != null) {
                accepted.add(new long[] {u, j, listPair ? 1 : 0, Float.floatToIntBits(sim)});
            }
        }
        double listMissing = Math.max(0, nameWeight[k] - listCredited);
        double score = Math.min(1.0, matched / (q.weightTotal + nameWeight[k] + LIST_MISSING_EXTRA * listMissing));
        // Scores are kept to six decimals: the sums above differ from one another in their last bits only.
        score = Math.rint(score * SCORE_SCALE) / SCORE_SCALE;
        if (why != null) {
            explain(q, k, accepted, usedQuery, usedList, why);
        }
        return score;
    }

    /**
     * What a word pair of similarity {@code sim} adds to the score, per unit of weight: its similarity from
     * {@link #FULL_CREDIT} up; below, falling linearly to nothing at {@link TokenSimilarity#MIN}. A name of one word
     * that is merely alike ("safran"/"sairan", 0.87) thus scores well under the threshold, while a name of several
     * words with one of them misspelt still scores high.
     */
    static double credit(double sim) {
        if (sim >= FULL_CREDIT) {
            return sim;
        }
        if (sim <= TokenSimilarity.MIN) {
            return 0;
        }
        return FULL_CREDIT * (sim - TokenSimilarity.MIN) / (FULL_CREDIT - TokenSimilarity.MIN);
    }

    private static long pack(float sim, int unit, int j, boolean listPair) {
        return ((long) Float.floatToIntBits(sim) << 32) | ((long) unit << 16) | ((long) j << 1) | (listPair ? 1 : 0);
    }

    private void explain(Query q, int k, List<long[]> accepted, long usedQuery, long usedList, StringBuilder why) {
        ListEntry entry = entries[nameEntry[k]];
        String matched = nameAlias[k] < 0 ? entry.name() : entry.aliases().get(nameAlias[k]);
        why.append(nameAlias[k] < 0 ? "name" : "alias")
                .append(" \"")
                .append(matched)
                .append("\": ");
        accepted.sort((a, b) -> Long.compare(q.unitStart[(int) a[0]], q.unitStart[(int) b[0]]));
        for (int i = 0; i < accepted.size(); i++) {
            long[] a = accepted.get(i);
            int u = (int) a[0];
            int j = (int) a[1];
            String listText =
                    a[2] == 1 ? vocab[nameTokens[k][j]] + " " + vocab[nameTokens[k][j + 1]] : vocab[nameTokens[k][j]];
            String queryText = q.unitPair[u]
                    ? q.tokens[q.unitStart[u]] + " " + q.tokens[q.unitStart[u] + 1]
                    : q.tokens[q.unitStart[u]];
            if (i > 0) {
                why.append(", ");
            }
            float sim = Float.intBitsToFloat((int) a[3]);
            why.append(queryText)
                    .append(sim == 1 ? " = " : " ~ ")
                    .append(listText)
                    .append(' ')
                    .append(format(sim));
        }
        if (accepted.isEmpty()) {
            why.append("no words paired");
        }
        List<String> onlyQuery = new ArrayList<>();
        for (int i = 0; i < q.tokens.length; i++) {
            if ((usedQuery & (1L << i)) == 0) {
                onlyQuery.add(q.tokens[i]);
            }
        }
        List<String> onlyList = new ArrayList<>();
        for (int j = 0; j < nameTokens[k].length; j++) {
            if ((usedList & (1L << j)) == 0) {
                onlyList.add(vocab[nameTokens[k][j]]);
            }
        }
        if (!onlyQuery.isEmpty()) {
            why.append("; unmatched in the name screened: ").append(String.join(" ", onlyQuery));
        }
        if (!onlyList.isEmpty()) {
            why.append("; unmatched in the listed name: ").append(String.join(" ", onlyList));
        }
        if (!q.notes.isEmpty()) {
            why.append("; name screened: ").append(String.join(", ", q.notes));
        }
        if (!nameNotes.get(k).isEmpty()) {
            why.append("; listed name: ").append(String.join(", ", nameNotes.get(k)));
        }
    }

    private static double adjust(double score, ListEntry entry, CountryCode country) {
        if (country == null || entry.countries().isEmpty()) {
            return score;
        }
        double adjusted = entry.countries().contains(country) ? score + COUNTRY_AGREES : score - COUNTRY_DIFFERS;
        return Math.max(0, Math.min(1, Math.rint(adjusted * SCORE_SCALE) / SCORE_SCALE));
    }

    private static void explainCountry(
            double raw, double adjusted, ListEntry entry, CountryCode country, StringBuilder why) {
        if (country == null || entry.countries().isEmpty()) {
            return;
        }
        List<String> codes =
                entry.countries().stream().map(CountryCode::value).sorted().toList();
        if (entry.countries().contains(country)) {
            why.append("; country ").append(country).append(" is the entry's: ");
        } else {
            why.append("; country ")
                    .append(country)
                    .append(" is not the entry's (")
                    .append(String.join(", ", codes))
                    .append("): ");
        }
        why.append(format(raw)).append(" → ").append(format(adjusted));
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String key(String token, boolean consonantal, boolean pair) {
        return pair ? "+" + token : consonantal ? "~" + token : token;
    }

    private static int intern(
            String token,
            boolean consonantal,
            boolean pair,
            Map<String, Integer> ids,
            List<String> words,
            List<Boolean> consonantals,
            List<Integer> df) {
        String key = key(token, consonantal, pair);
        Integer id = ids.get(key);
        if (id == null) {
            id = words.size();
            ids.put(key, id);
            // A joined pair is compared as one word: its two words without the space.
            words.add(pair ? token.replace(" ", "") : token);
            consonantals.add(consonantal);
            df.add(0);
        }
        return id;
    }

    private static void countOnce(int[] tokens, List<Integer> df) {
        int[] sorted = tokens.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                df.set(sorted[i], df.get(sorted[i]) + 1);
            }
        }
    }

    private static int[] distinct(int[] tokens, int[] pairs) {
        int[] all = new int[tokens.length + pairs.length];
        int n = 0;
        for (int t : tokens) {
            all[n++] = t;
        }
        for (int p : pairs) {
            if (p != NONE) {
                all[n++] = p;
            }
        }
        Arrays.sort(all, 0, n);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[d++] = all[i];
            }
        }
        return Arrays.copyOf(all, d);
    }

    /** The weight of a word in {@code df} of {@code names} names (see the class comment). */
    static double weight(String token, int df, int names) {
        if (NameNormalizer.STOPWORDS.contains(token)) {
            return STOPWORD_WEIGHT;
        }
        double full = Math.log((double) names / DF_FULL_WEIGHT);
        double w = full <= 0 ? 1 : Math.max(WEIGHT_MIN, Math.min(1, Math.log((double) names / Math.max(1, df)) / full));
        return NameNormalizer.GENERIC.contains(token) ? Math.min(w, GENERIC_WEIGHT) : w;
    }

    /** The weight of a screened word that no listed name holds: a stopword or generic word as such, else full. */
    static double unknownWeight(String token) {
        if (NameNormalizer.STOPWORDS.contains(token)) {
            return STOPWORD_WEIGHT;
        }
        return NameNormalizer.GENERIC.contains(token) ? GENERIC_WEIGHT : 1;
    }

    /**
     * Adds the words sharing at least a third of {@code text}'s trigrams (and of comparable length) to the candidates.
     * Prefix filtering: a word sharing {@code need} of the {@code g} trigrams shares one of any {@code g - need + 1} of
     * them, so only the postings of the rarest {@code g - need + 1} are walked, and each word met is then counted
     * exactly against the query's sorted trigrams.
     */
    private void addByTrigrams(String text, boolean pairUnit, Scratch s, int stamp) {
        int[] grams = trigrams(text);
        int g = grams.length;
        // Two joined words must be nearly equal to a listed word (PAIR_SIMILARITY_MIN): two thirds of the trigrams.
        int need = pairUnit ? Math.max(2, (2 * g + 2) / 3) : Math.max(2, (g + 1) / 2);
        if (need > g) {
            return;
        }
        long[] byRarity = new long[g];
        for (int i = 0; i < g; i++) {
            byRarity[i] = ((long) trigramPostings[grams[i]].length << 32) | grams[i];
        }
        Arrays.sort(byRarity);
        int length = text.length();
        int shortest = (int) Math.ceil(TokenSimilarity.LENGTH_RATIO_MIN * length);
        int longest = (int) Math.floor(length / TokenSimilarity.LENGTH_RATIO_MIN);
        int gramStamp = s.nextStamp();
        long signature = signature(grams, 0);
        long signature2 = signature(grams, 1);
        for (int p = 0; p < g - need + 1; p++) {
            for (int v : trigramPostings[(int) byRarity[p]]) {
                if (s.gramStamp[v] == gramStamp) {
                    continue;
                }
                s.gramStamp[v] = gramStamp;
                int l = vocab[v].length();
                if (l >= shortest
                        && l <= longest
                        && Long.bitCount(signature & vocabSignature[v]) + Long.bitCount(signature2 & vocabSignature2[v])
                                >= need
                        && shared(grams, vocabTrigrams[v]) >= need) {
                    s.addCandidate(v, stamp);
                }
            }
        }
    }

    /**
     * Half of a 128-bit set of a word's trigrams (each trigram sets one bit, {@code half} 0 holds bits 0-63): the bits
     * two words share bound the trigrams they share from above, so most words are set aside by two ANDs before their
     * trigrams are counted.
     */
    private static long signature(int[] grams, int half) {
        long bits = 0;
        for (int code : grams) {
            int bit = (code * 0x9E3779B1) >>> 25;
            if (bit >>> 6 == half) {
                bits |= 1L << (bit & 63);
            }
        }
        return bits;
    }

    /**
     * Adds the listed words that are {@code text} with two neighbouring letters swapped: a swap changes up to four
     * trigrams, so short words with a swap ("ligth") share too few to be found by them.
     */
    private void addTranspositions(String text, Scratch s, int stamp) {
        char[] chars = text.toCharArray();
        for (int i = 0; i + 1 < chars.length; i++) {
            if (chars[i] == chars[i + 1]) {
                continue;
            }
            char c = chars[i];
            chars[i] = chars[i + 1];
            chars[i + 1] = c;
            Integer v = vocabIds.get(new String(chars));
            if (v != null) {
                s.addCandidate(v, stamp);
            }
            chars[i + 1] = chars[i];
            chars[i] = c;
        }
    }

    /** Number of values in both sorted arrays. */
    private static int shared(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** The distinct trigrams of a word padded with two boundary marks on each side, sorted, as codes. */
    static int[] trigrams(String w) {
        int n = w.length() + 2;
        int[] codes = new int[n];
        int boundary = ALPHABET - 1;
        for (int i = 0; i < n; i++) {
            int a = i - 2 >= 0 ? symbol(w.charAt(i - 2)) : boundary;
            int b = i - 1 >= 0 && i - 1 < w.length() ? symbol(w.charAt(i - 1)) : boundary;
            int c = i < w.length() ? symbol(w.charAt(i)) : boundary;
            codes[i] = (a * ALPHABET + b) * ALPHABET + c;
        }
        Arrays.sort(codes);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || codes[i] != codes[i - 1]) {
                codes[d++] = codes[i];
            }
        }
        return Arrays.copyOf(codes, d);
    }

    private static int symbol(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return 26 + c - '0';
        }
        return ALPHABET - 1;
    }

    /** The screened name's words and joined neighbour pairs ("units"), their weights and the index words they match. */
    private static final class Query {
        final String[] tokens;
        final boolean[] consonantal;
        final List<String> notes;
        final int units;
        final String[] unitText;
        final String[] unitSkeleton;
        final boolean[] unitConsonantal;
        final boolean[] unitPair;
        final int[] unitStart;
        final long[] unitMask;
        final double[] unitWeight;
        final Found[] found;
        double weightTotal;

        Query(NormalizedName name) {
            tokens = name.tokens();
            consonantal = name.consonantal();
            notes = name.notes();
            int n = tokens.length;
            List<Integer> pairStarts = new ArrayList<>();
            for (int i = 0; i + 1 < n; i++) {
                if (tokens[i].length() + tokens[i + 1].length() <= PAIR_CHARS_MAX
                        && consonantal[i] == consonantal[i + 1]) {
                    pairStarts.add(i);
                }
            }
            units = n + pairStarts.size();
            unitText = new String[units];
            unitSkeleton = new String[units];
            unitConsonantal = new boolean[units];
            unitPair = new boolean[units];
            unitStart = new int[units];
            unitMask = new long[units];
            unitWeight = new double[units];
            found = new Found[units];
            for (int i = 0; i < n; i++) {
                unitText[i] = tokens[i];
                unitConsonantal[i] = consonantal[i];
                unitStart[i] = i;
                unitMask[i] = 1L << i;
            }
            for (int p = 0; p < pairStarts.size(); p++) {
                int i = pairStarts.get(p);
                int u = n + p;
                unitText[u] = tokens[i] + tokens[i + 1];
                unitConsonantal[u] = consonantal[i];
                unitPair[u] = true;
                unitStart[u] = i;
                unitMask[u] = 3L << i;
            }
            for (int u = 0; u < units; u++) {
                unitSkeleton[u] = TokenSimilarity.skeleton(unitText[u]);
            }
        }

        /** Word weights: a listed word's own; for an unlisted word, that of the listed word most like it. */
        void weigh(Screener index) {
            int n = tokens.length;
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                Integer exact = index.vocabIds.get(key(tokens[i], consonantal[i], false));
                if (exact != null) {
                    w[i] = index.vocabWeight[exact];
                    continue;
                }
                int best = NONE;
                float bestSim = 0;
                int[] ids = found[i].ids();
                float[] sims = found[i].sims();
                for (int f = 0; f < ids.length; f++) {
                    int v = ids[f];
                    if (!index.vocabIsPair[v] && sims[f] > bestSim) {
                        best = v;
                        bestSim = sims[f];
                    }
                }
                w[i] = best == NONE ? unknownWeight(tokens[i]) : index.vocabWeight[best];
            }
            weightTotal = 0;
            for (int i = 0; i < n; i++) {
                unitWeight[i] = w[i];
                weightTotal += w[i];
            }
            for (int u = n; u < units; u++) {
                unitWeight[u] = w[unitStart[u]] + w[unitStart[u] + 1];
            }
        }

        float similarity(int unit, int vocabId) {
            int i = Arrays.binarySearch(found[unit].ids(), vocabId);
            return i >= 0 ? found[unit].sims()[i] : 0;
        }
    }

    /** Per-thread work arrays, sized to the index once, reused across queries by stamping instead of clearing. */
    private static final class Scratch {
        final int[] candidates;
        final int[] candidateStamp;
        int candidateCount;
        final int[] gramStamp;
        final float[] acc;
        final float[] accList;
        final int[] nameQuery;
        final int[] nameUnit;
        final int[] touched;
        int touchedCount;
        final int[] entryStamp;
        final double[] entryBest;
        final int[] entryName;
        int stamp;
        int queryStamp;

        Scratch(int vocabSize, int names, int entries) {
            candidates = new int[vocabSize];
            candidateStamp = new int[vocabSize];
            gramStamp = new int[vocabSize];
            acc = new float[names];
            accList = new float[names];
            nameQuery = new int[names];
            nameUnit = new int[names];
            touched = new int[names];
            entryStamp = new int[entries];
            entryBest = new double[entries];
            entryName = new int[entries];
        }

        void newQuery() {
            queryStamp = nextStamp();
            touchedCount = 0;
        }

        int nextStamp() {
            if (stamp == Integer.MAX_VALUE) {
                // After two billion stamps, start again from clean arrays so that no old stamp can match.
                Arrays.fill(candidateStamp, 0);
                Arrays.fill(gramStamp, 0);
                Arrays.fill(nameQuery, 0);
                Arrays.fill(nameUnit, 0);
                Arrays.fill(entryStamp, 0);
                stamp = 0;
            }
            return ++stamp;
        }

        void addCandidate(int v, int stamp) {
            if (candidateStamp[v] != stamp) {
                candidateStamp[v] = stamp;
                candidates[candidateCount++] = v;
            }
        }
    }
}
