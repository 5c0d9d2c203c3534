package org.gatehouse.screening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Writes {@code src/test/resources/screening/evaluation.csv}: positives of each kind made from real entries of the
 * bundled lists, one perturbation per row, with a fixed seed so that the file can be regenerated and diffed.
 *
 * <p>Run: {@code ./mvnw -q test-compile && java -cp "$(bench/classpath.sh)"
 * org.gatehouse.screening.EvaluationSetGenerator} (from the repository root).
 *
 * <p>Kinds (each from a seeded sample of the entries it applies to, at most {@value #PER_KIND} rows):
 *
 * <ul>
 *   <li>{@code exact}: the primary name as the list writes it;
 *   <li>{@code alias}: one of the entry's aliases as written;
 *   <li>{@code reordered}: the words in another order ("KIM, Jong Un" as "Jong Un KIM"), legal forms kept at the end
 *       (or moved to the front when only one other word is left);
 *   <li>{@code legal-form}: an entity's legal form dropped, replaced by another, or added;
 *   <li>{@code diacritics}: one to three letters given accents;
 *   <li>{@code homoglyphs}: one to three letters replaced by Cyrillic or Greek look-alikes, or a word in full-width
 *       letters, or an invisible character inserted;
 *   <li>{@code typo}: one letter substituted by a keyboard neighbour, deleted, doubled or swapped with the next, in a
 *       word of at least four letters;
 *   <li>{@code extra-words}: an entity's name with "Group", "Holding", "Holdings", "International", "Trading",
 *       "Global" or "Company" added, or "The" before it;
 *   <li>{@code abbreviation}: a word abbreviated ("International" to "Intl", "Company" to "Co", "Technology" to
 *       "Tech"…) or an abbreviation written out.
 * </ul>
 */
public final class EvaluationSetGenerator {

    /** The seed of the committed file. */
    public static final long SEED = 20_261_127L;
    /** Rows per kind at most. */
    public static final int PER_KIND = 100;

    static final Path OUTPUT = Path.of("src/test/resources/screening/evaluation.csv");

    private static final String[] LEGAL_FORMS = {
        "LLC",
        "Ltd",
        "Limited",
        "Inc.",
        "Corp.",
        "GmbH",
        "S.A.",
        "FZE",
        "JSC",
        "PJSC",
        "OOO",
        "Co., Ltd.",
        "PLC",
        "B.V.",
        "S.R.L.",
        "LLP",
        "Pte. Ltd.",
        "AG"
    };
    private static final java.util.Set<String> LEGAL_WORDS = java.util.Set.of(
            "LLC",
            "LTD",
            "LTD.",
            "LIMITED",
            "INC",
            "INC.",
            "CORP",
            "CORP.",
            "CORPORATION",
            "GMBH",
            "SA",
            "S.A.",
            "FZE",
            "FZCO",
            "JSC",
            "PJSC",
            "OJSC",
            "CJSC",
            "OOO",
            "ZAO",
            "OAO",
            "CO",
            "CO.",
            "PLC",
            "BV",
            "B.V.",
            "NV",
            "N.V.",
            "SRL",
            "S.R.L.",
            "LLP",
            "AG",
            "SARL",
            "PTE",
            "PTY",
            "C.A.",
            "S.A.C.",
            "SAL",
            "C.V.",
            "CV",
            "R.L.",
            "LTDA",
            "LTDA.",
            "SAS",
            "S.A.S.",
            "S.C.",
            "S.A.L.",
            "EOOD",
            "OOD",
            "D.O.O.",
            "DMCC",
            "FZC",
            "S.P.A.",
            "SPA",
            "KG",
            "CO.,",
            "S.",
            "E.I.R.L.",
            "S.P.R.",
            "S.C.S.");
    /** Words of legal forms written before the name ("OTKRYTOE AKTSIONERNOE OBSHCHESTVO X", "JSC X"). */
    private static final java.util.Set<String> LEADING_LEGAL = java.util.Set.of(
            "OTKRYTOE",
            "ZAKRYTOE",
            "PUBLICHNOE",
            "AKTSIONERNOE",
            "OBSHCHESTVO",
            "S",
            "OGRANICHENNOI",
            "OTVETSTVENNOSTYU",
            "JOINT",
            "STOCK",
            "JOINT-STOCK",
            "COMPANY",
            "OPEN",
            "CLOSED",
            "LIMITED",
            "LIABILITY",
            "OOO",
            "ZAO",
            "OAO",
            "PAO",
            "PJSC",
            "JSC",
            "OJSC",
            "CJSC",
            "LLC",
            "AO",
            "FEDERALNOE",
            "GOSUDARSTVENNOE",
            "UNITARNOE",
            "PREDPRIYATIE");

    private static final String[] EXTRA_WORDS = {"Group", "Holding", "Holdings", "International", "Trading", "Global"};
    private static final String[][] ABBREVIATIONS = {
        {"INTERNATIONAL", "INTL"},
        {"COMPANY", "CO"},
        {"CORPORATION", "CORP"},
        {"MANUFACTURING", "MFG"},
        {"TECHNOLOGY", "TECH"},
        {"TECHNOLOGIES", "TECH"},
        {"INDUSTRIES", "INDS"},
        {"LIMITED", "LTD"},
        {"BROTHERS", "BROS"},
        {"NATIONAL", "NATL"},
        {"ENGINEERING", "ENG"},
        {"DEVELOPMENT", "DEV"},
        {"ASSOCIATION", "ASSN"},
        {"DEPARTMENT", "DEPT"},
        {"SERVICES", "SVCS"},
        {"HOLDINGS", "HLDGS"},
        {"TRADING", "TRDG"},
        {"CENTER", "CTR"},
        {"CENTRE", "CTR"},
        {"INSTITUTE", "INST"},
        {"UNIVERSITY", "UNIV"},
        {"GROUP", "GRP"},
        {"MANAGEMENT", "MGMT"},
        {"ENTERPRISES", "ENTS"},
        {"GOVERNMENT", "GOVT"},
        {"PETROCHEMICAL", "PETROCHEM"}
    };
    private static final String[][] ACCENTS = {
        {"a", "áàâäãå"},
        {"e", "éèêë"},
        {"i", "íìîï"},
        {"o", "óòôöõ"},
        {"u", "úùûü"},
        {"n", "ñ"},
        {"c", "ç"},
        {"s", "šş"},
        {"z", "ž"},
        {"y", "ý"},
        {"g", "ğ"},
        {"l", "ł"},
        {"d", "đ"}
    };
    private static final Map<Character, String> HOMOGLYPHS = homoglyphs();
    private static final String[] INVISIBLES = {"\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"};
    private static final String[] KEYBOARD = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    private EvaluationSetGenerator() {}

    public static void main(String[] args) throws IOException {
        List<String> rows = generate(BundledLists.load(), SEED);
        Files.write(OUTPUT, rows, StandardCharsets.UTF_8);
        System.out.println("wrote " + (rows.size() - 3) + " positives to " + OUTPUT);
    }

    /** The file's lines: two comment lines, the header, then the rows. */
    static List<String> generate(List<ScreeningList> lists, long seed) {
        List<ListEntry> entries = new ArrayList<>();
        for (ScreeningList l : lists) {
            entries.addAll(l.entries());
        }
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kinds.put("exact", new Kind(e -> true, (e, r) -> e.name()));
        kinds.put(
                "alias",
                new Kind(
                        e -> !e.aliases().isEmpty(),
                        (e, r) -> e.aliases().get(r.nextInt(e.aliases().size()))));
        kinds.put("reordered", new Kind(e -> words(e.name()).size() >= 2, EvaluationSetGenerator::reorder));
        kinds.put("legal-form", new Kind(e -> e.type() == EntryType.ENTITY, EvaluationSetGenerator::legalForm));
        kinds.put("diacritics", new Kind(e -> latinLetters(e.name()) >= 4, EvaluationSetGenerator::diacritics));
        kinds.put("homoglyphs", new Kind(e -> latinLetters(e.name()) >= 4, EvaluationSetGenerator::homoglyphs));
        kinds.put("typo", new Kind(e -> longestWord(e.name()) >= 4, EvaluationSetGenerator::typo));
        kinds.put("extra-words", new Kind(e -> e.type() == EntryType.ENTITY, EvaluationSetGenerator::extraWords));
        kinds.put("abbreviation", new Kind(e -> abbreviable(e.name()), EvaluationSetGenerator::abbreviate));
        List<String> rows = new ArrayList<>();
        rows.add("# Generated by EvaluationSetGenerator (seed " + seed + ") from the bundled lists; do not edit.");
        rows.add("# kind: how the listed name was changed; list and entry_id: the entry the query must find.");
        rows.add("kind,query,list,entry_id");
        for (Map.Entry<String, Kind> kind : kinds.entrySet()) {
            List<ListEntry> population = new ArrayList<>();
            for (ListEntry e : entries) {
                if (kind.getValue().applies().test(e)) {
                    population.add(e);
                }
            }
            // A seeded partial Fisher-Yates shuffle: the first PER_KIND of a random order, without repeats.
            int n = Math.min(PER_KIND, population.size());
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(population.size() - i);
                ListEntry chosen = population.get(j);
                population.set(j, population.get(i));
                population.set(i, chosen);
                String query = kind.getValue().make().apply(chosen, random);
                rows.add(csv(kind.getKey()) + "," + csv(query) + "," + csv(chosen.list()) + "," + csv(chosen.id()));
            }
        }
        return rows;
    }

    private record Kind(Predicate<ListEntry> applies, Maker make) {}

    private interface Maker {
        String apply(ListEntry entry, SplittableRandom random);
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String w : name.replace(",", " ").split("\\s+")) {
            if (!w.isBlank()) {
                words.add(w);
            }
        }
        return words;
    }

    private static int latinLetters(String name) {
        return (int) name.chars()
                .filter(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                .count();
    }

    private static int longestWord(String name) {
        return words(name).stream()
                .mapToInt(w -> (int) w.chars().filter(Character::isLetter).count())
                .max()
                .orElse(0);
    }

    /**
     * Individuals "LAST, Given" become "Given LAST"; other names get a different random order of their words, with
     * legal forms left where they are (at the start or the end) and runs of initials kept together ("J H").
     */
    private static String reorder(ListEntry entry, SplittableRandom random) {
        String name = entry.name();
        int comma = name.indexOf(',');
        if (entry.type() == EntryType.INDIVIDUAL && comma > 0) {
            return name.substring(comma + 1).strip() + " "
                    + name.substring(0, comma).strip();
        }
        List<String> all = words(name);
        int end = all.size();
        while (end > 1 && (legalWord(all.get(end - 1)) || (end < all.size() && isLegalJoiner(all.get(end - 1))))) {
            end--;
        }
        int start = 0;
        while (start < end - 1 && LEADING_LEGAL.contains(all.get(start).toUpperCase(Locale.ROOT))) {
            start++;
        }
        List<List<String>> units = new ArrayList<>();
        for (int i = start; i < end; i++) {
            boolean initial = all.get(i).replace(".", "").length() == 1;
            if (initial
                    && !units.isEmpty()
                    && units.getLast().getLast().replace(".", "").length() == 1) {
                units.getLast().add(all.get(i));
            } else {
                units.add(new ArrayList<>(List.of(all.get(i))));
            }
        }
        if (units.size() < 2) {
            // Only one word besides the legal form: the legal form moves to the other end.
            List<String> out = new ArrayList<>(all.subList(end, all.size()));
            out.addAll(all.subList(start, end));
            out.addAll(all.subList(0, start));
            return String.join(" ", out);
        }
        List<List<String>> shuffled = new ArrayList<>(units);
        for (int attempt = 0; attempt < 10 && shuffled.equals(units); attempt++) {
            for (int i = shuffled.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                List<String> t = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, t);
            }
        }
        if (shuffled.equals(units)) {
            shuffled.add(shuffled.removeFirst());
        }
        List<String> out = new ArrayList<>(all.subList(0, start));
        shuffled.forEach(out::addAll);
        out.addAll(all.subList(end, all.size()));
        return String.join(" ", out);
    }

    private static boolean legalWord(String word) {
        return LEGAL_WORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    /** "DE" and "&" inside a legal form ("S.A. DE C.V.", "GMBH & CO. KG"). */
    private static boolean isLegalJoiner(String word) {
        return word.equals("DE") || word.equals("&");
    }

    private static String legalForm(ListEntry entry, SplittableRandom random) {
        List<String> words = words(entry.name());
        int legal = -1;
        for (int i = words.size() - 1; i >= 1; i--) {
            if (legalWord(words.get(i)) || (legal > 0 && isLegalJoiner(words.get(i)))) {
                legal = i;
            } else {
                break;
            }
        }
        while (legal > 0 && legal < words.size() && isLegalJoiner(words.get(legal))) {
            legal++;
        }
        if (legal == words.size()) {
            legal = -1;
        }
        String other = LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
        if (legal < 0) {
            return entry.name() + (random.nextBoolean() ? " " : ", ") + other;
        }
        String base = String.join(" ", words.subList(0, legal));
        return random.nextBoolean() ? base : base + " " + other;
    }

    private static String diacritics(ListEntry entry, SplittableRandom random) {
        StringBuilder name = new StringBuilder(entry.name());
        int changes = 1 + random.nextInt(3);
        for (int attempt = 0; attempt < 50 && changes > 0; attempt++) {
            int i = random.nextInt(name.length());
            char c = name.charAt(i);
            char lower = Character.toLowerCase(c);
            for (String[] a : ACCENTS) {
                if (a[0].charAt(0) == lower) {
                    char accented = a[1].charAt(random.nextInt(a[1].length()));
                    name.setCharAt(i, Character.isUpperCase(c) ? Character.toUpperCase(accented) : accented);
                    changes--;
                    break;
                }
            }
        }
        return name.toString();
    }

    private static String homoglyphs(ListEntry entry, SplittableRandom random) {
        String name = entry.name();
        int style = random.nextInt(4);
        if (style == 0) {
            // One word in full-width letters.
            List<String> words = words(name);
            String word = words.get(random.nextInt(words.size()));
            StringBuilder wide = new StringBuilder();
            for (char c : word.toCharArray()) {
                wide.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
            }
            return name.replaceFirst(java.util.regex.Pattern.quote(word), wide.toString());
        }
        if (style == 1) {
            // An invisible character inside a word.
            int i = 1 + random.nextInt(Math.max(1, name.length() - 1));
            return name.substring(0, i) + INVISIBLES[random.nextInt(INVISIBLES.length)] + name.substring(i);
        }
        StringBuilder out = new StringBuilder(name);
        int changes = 1 + random.nextInt(3);
        // The first letter stays Latin, so the name stays a Latin name (see CanonicalName).
        for (int attempt = 0; attempt < 60 && changes > 0; attempt++) {
            int i = 1 + random.nextInt(out.length() - 1);
            String choices = HOMOGLYPHS.get(out.charAt(i));
            if (choices != null) {
                out.setCharAt(i, choices.charAt(random.nextInt(choices.length())));
                changes--;
            }
        }
        return out.toString();
    }

    private static String typo(ListEntry entry, SplittableRandom random) {
        List<String> words = words(entry.name());
        List<String> candidates = words.stream()
                .filter(w -> w.chars().filter(Character::isLetter).count() >= 4)
                .toList();
        String word = candidates.get(random.nextInt(candidates.size()));
        StringBuilder w = new StringBuilder(word);
        int i = random.nextInt(w.length());
        char c = w.charAt(i);
        switch (random.nextInt(4)) {
            case 0 -> w.setCharAt(i, matchCase(c, neighbour(Character.toLowerCase(c), random)));
            case 1 -> w.deleteCharAt(i);
            case 2 -> w.insert(i, c);
            default -> {
                if (i + 1 < w.length()) {
                    w.setCharAt(i, w.charAt(i + 1));
                    w.setCharAt(i + 1, c);
                } else {
                    w.deleteCharAt(i);
                }
            }
        }
        String changed = w.toString();
        if (changed.equals(word)) {
            changed = word.substring(0, word.length() - 1);
        }
        return entry.name().replaceFirst(java.util.regex.Pattern.quote(word), changed);
    }

    private static char neighbour(char c, SplittableRandom random) {
        for (String row : KEYBOARD) {
            int i = row.indexOf(c);
            if (i >= 0) {
                if (i == 0) {
                    return row.charAt(1);
                }
                if (i == row.length() - 1) {
                    return row.charAt(i - 1);
                }
                return row.charAt(random.nextBoolean() ? i - 1 : i + 1);
            }
        }
        return c == 'x' ? 'z' : 'x';
    }

    private static char matchCase(char original, char replacement) {
        return Character.isUpperCase(original) ? Character.toUpperCase(replacement) : replacement;
    }

    private static String extraWords(ListEntry entry, SplittableRandom random) {
        int choice = random.nextInt(EXTRA_WORDS.length + 1);
        if (choice == EXTRA_WORDS.length) {
            return "The " + entry.name();
        }
        return entry.name() + " " + EXTRA_WORDS[choice];
    }

    private static boolean abbreviable(String name) {
        for (String w : words(name)) {
            String u = w.toUpperCase(Locale.ROOT).replace(".", "");
            for (String[] a : ABBREVIATIONS) {
                if (u.equals(a[0]) || u.equals(a[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String abbreviate(ListEntry entry, SplittableRandom random) {
        List<String> words = words(entry.name());
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (abbreviable(words.get(i))) {
                positions.add(i);
            }
        }
        int i = positions.get(random.nextInt(positions.size()));
        String u = words.get(i).toUpperCase(Locale.ROOT).replace(".", "");
        List<String[]> options = new ArrayList<>();
        for (String[] a : ABBREVIATIONS) {
            if (u.equals(a[0]) || u.equals(a[1])) {
                options.add(a);
            }
        }
        String[] a = options.get(random.nextInt(options.size()));
        String replacement = u.equals(a[0]) ? a[1] + (random.nextBoolean() ? "." : "") : a[0];
        boolean lower = words.get(i).chars().anyMatch(Character::isLowerCase);
        words.set(i, lower ? replacement.charAt(0) + replacement.substring(1).toLowerCase(Locale.ROOT) : replacement);
        return String.join(" ", words);
    }

    private static Map<Character, String> homoglyphs() {
        Map<Character, String> m = new java.util.HashMap<>();
        String[][] pairs = {
            {"A", "\u0410\u0391"},
            {"B", "\u0412\u0392"},
            {"C", "\u0421"},
            {"E", "\u0415\u0395"},
            {"H", "\u041d\u0397"},
            {"I", "\u0406\u0399"},
            {"J", "\u0408"},
            {"K", "\u041a\u039a"},
            {"M", "\u041c\u039c"},
            {"N", "\u039d"},
            {"O", "\u041e\u039f"},
            {"P", "\u0420\u03a1"},
            {"S", "\u0405"},
            {"T", "\u0422\u03a4"},
            {"X", "\u0425\u03a7"},
            {"Y", "\u03a5"},
            {"Z", "\u0396"},
            {"a", "\u0430"},
            {"c", "\u0441"},
            {"e", "\u0435"},
            {"i", "\u0456"},
            {"j", "\u0458"},
            {"o", "\u043e\u03bf"},
            {"p", "\u0440"},
            {"s", "\u0455"},
            {"x", "\u0445"},
            {"y", "\u0443"},
            {"v", "\u03bd"}
        };
        for (String[] p : pairs) {
            m.put(p[0].charAt(0), p[1]);
        }
        return Map.copyOf(m);
    }

    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
