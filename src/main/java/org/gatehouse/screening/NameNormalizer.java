package org.gatehouse.screening;

import com.ibm.icu.lang.UScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gatehouse.trade.CanonicalName;

/**
 * Turns a party name into the tokens the matcher compares, the same way for a query and for every list name:
 *
 * <ol>
 *   <li>the canonical form of {@link CanonicalName} (NFKC, case folding, invisible characters removed, look-alike
 *       letters folded, punctuation as spaces);
 *   <li>words of other scripts transliterated to Latin (see {@link Transliteration}), diacritics removed;
 *   <li>runs of single letters joined ("S.A." and "S A" become {@code sa}, "J. P." {@code jp});
 *   <li>legal-form words removed: multi-word forms ("limited liability company", "obshchestvo s ogranichennoi
 *       otvetstvennostyu") and unambiguous abbreviations ({@code llc}, {@code gmbh}, {@code pjsc}) anywhere,
 *       ambiguous short ones ({@code co}, {@code sa}, {@code ag}, {@code as}) only in a run at the start or the end
 *       of the name; never every word of a name;
 *   <li>common abbreviations expanded ({@code intl} to {@code international}, {@code co} to {@code company} when it
 *       was not a legal form, {@code mfg}, {@code tech}…) and British spellings made American ({@code centre}).
 * </ol>
 *
 * Thread-safe.
 */
final class NameNormalizer {

    /** Most tokens kept of one name: longer names are legal descriptions, and their first words decide. */
    static final int TOKENS_MAX = 24;

    private static final Set<String> LEGAL_ANYWHERE = Set.of(
            "llc",
            "ltd",
            "ltda",
            "limited",
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "gmbh",
            "mbh",
            "jsc",
            "pjsc",
            "ojsc",
            "cjsc",
            "ooo",
            "zao",
            "oao",
            "pao",
            "plc",
            "llp",
            "lllp",
            "pllc",
            "fze",
            "fzco",
            "fzc",
            "fzllc",
            "dmcc",
            "sarl",
            "srl",
            "sro",
            "bv",
            "nv",
            "bvba",
            "sprl",
            "pte",
            "pty",
            "pvt",
            "bhd",
            "kgaa",
            "wll",
            "tbk",
            "lda",
            "eireli",
            "kft",
            "zrt",
            "nyrt",
            "doo",
            "eood",
            "ood",
            "uab",
            "oyj",
            "aps",
            "saog",
            "saoc",
            "qpsc",
            "qsc",
            "kscp",
            "kpsc",
            "bsc",
            "sae",
            "tov",
            "aktiengesellschaft",
            "sti",
            "ltdco",
            "coltd");
    /** Legal forms that are also ordinary words or initials: removed only at the start or end of a name. */
    private static final Set<String> LEGAL_AT_EDGES = Set.of(
            "co",
            "company",
            "companies",
            "sa",
            "sas",
            "sl",
            "sau",
            "ag",
            "as",
            "ab",
            "ao",
            "cv",
            "kg",
            "pt",
            "oy",
            "lp",
            "pc",
            "se",
            "cia",
            "cie",
            "psc",
            "spc",
            "kk",
            "ad",
            "dd",
            "ks",
            "fz",
            "sc",
            "ep",
            "gie",
            "ulc",
            "spa",
            "asa",
            "ca",
            "sal",
            "sac",
            "saa",
            "sab",
            "sapi",
            "scs",
            "sca",
            "snc",
            "spr",
            "eirl",
            "rl",
            "cxa");
    /**
     * Multi-word legal forms, removed wherever they appear (written after the steps above: no punctuation), by first
     * word.
     */
    private static final Map<String, List<String[]>> LEGAL_PHRASES = phrases(
            "open joint stock company",
            "closed joint stock company",
            "public joint stock company",
            "private joint stock company",
            "joint stock company",
            "limited liability company",
            "limited liability partnership",
            "limited partnership",
            "public limited company",
            "private limited company",
            "company limited",
            "private limited",
            "sociedad anonima",
            "societe anonyme",
            "sociedade anonima",
            "societa per azioni",
            "sociedad limitada",
            "sociedad de responsabilidad limitada",
            "s de rl",
            "sa de cv",
            "s de rl de cv",
            "sab de cv",
            "sapi de cv",
            "spr de rl",
            "s en c",
            "gesellschaft mit beschrankter haftung",
            "kabushiki kaisha",
            "yugen kaisha",
            "godo kaisha",
            "naamloze vennootschap",
            "besloten vennootschap",
            "sp zoo",
            "anonim sirketi",
            "limited sirketi",
            "otkrytoe aktsionernoe obshchestvo",
            "zakrytoe aktsionernoe obshchestvo",
            "publichnoe aktsionernoe obshchestvo",
            "aktsionernoe obshchestvo",
            "aktsionernoye obshchestvo",
            "obshchestvo s ogranichennoi otvetstvennostyu",
            "obshchestvo s ogranichennoy otvetstvennostyu",
            "obshchestvo s ogranichennoj otvetstvennostju",
            "federal state unitary enterprise",
            "federalnoe gosudarstvennoe unitarnoe predpriyatie",
            "tovarystvo z obmezhenoyu vidpovidalnistyu",
            "free zone establishment",
            "free zone company",
            "youxian gongsi",
            "you xian gong si",
            "gufen youxian gongsi",
            "gu fen you xian gong si",
            "ju sik hoe sa",
            "jusik hoesa",
            "sdn bhd",
            "co ltd",
            "pvt ltd");
    /** Abbreviations and spelling variants, expanded on both sides so that either spelling matches. */
    private static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("intl", "international"),
            Map.entry("internat", "international"),
            Map.entry("natl", "national"),
            Map.entry("co", "company"),
            Map.entry("cos", "companies"),
            Map.entry("corp", "corporation"),
            Map.entry("mfg", "manufacturing"),
            Map.entry("mfr", "manufacturer"),
            Map.entry("mfrs", "manufacturer"),
            Map.entry("tech", "technology"),
            Map.entry("techs", "technology"),
            Map.entry("technol", "technology"),
            Map.entry("eng", "engineering"),
            Map.entry("engg", "engineering"),
            Map.entry("dev", "development"),
            Map.entry("devt", "development"),
            Map.entry("grp", "group"),
            Map.entry("hldg", "holding"),
            Map.entry("hldgs", "holding"),
            Map.entry("svc", "service"),
            Map.entry("svcs", "service"),
            Map.entry("sys", "system"),
            Map.entry("univ", "university"),
            Map.entry("inst", "institute"),
            Map.entry("assn", "association"),
            Map.entry("assoc", "association"),
            Map.entry("bros", "brothers"),
            Map.entry("dept", "department"),
            Map.entry("govt", "government"),
            Map.entry("mgmt", "management"),
            Map.entry("mgt", "management"),
            Map.entry("trdg", "trading"),
            Map.entry("chem", "chemical"),
            Map.entry("pharma", "pharmaceutical"),
            Map.entry("inds", "industry"),
            Map.entry("indus", "industry"),
            Map.entry("ind", "industry"),
            Map.entry("ents", "enterprise"),
            Map.entry("ent", "enterprise"),
            Map.entry("invt", "investment"),
            Map.entry("ctr", "center"),
            Map.entry("cntr", "center"),
            Map.entry("centre", "center"),
            Map.entry("centres", "center"),
            Map.entry("organisation", "organization"),
            Map.entry("organisations", "organization"),
            Map.entry("defence", "defense"),
            Map.entry("labs", "laboratory"),
            Map.entry("lab", "laboratory"),
            Map.entry("elec", "electronic"),
            Map.entry("electr", "electronic"),
            Map.entry("petrochem", "petrochemical"),
            Map.entry("aero", "aerospace"),
            Map.entry("admin", "administration"),
            Map.entry("mfc", "manufacturing"));

    /** Words passed over when looking for legal forms at the start or end of a name. */
    private static final Set<String> BESIDE_LEGAL_FORMS =
            Set.of("group", "holding", "holdings", "international", "trading", "global", "the");

    /** Words that carry almost no identity: articles, prepositions, name particles. */
    static final Set<String> STOPWORDS = Set.of(
            "the", "of", "and", "for", "in", "on", "at", "to", "by", "de", "del", "la", "le", "les", "el", "al", "du",
            "des", "da", "do", "dos", "das", "di", "van", "von", "der", "den", "y", "e", "i", "et", "und", "bin", "ibn",
            "bint", "ben", "ou", "a", "an");
    /** Words common to many company names: they count, but far less than a distinctive word. */
    static final Set<String> GENERIC = Set.of(
            "company",
            "companies",
            "group",
            "holding",
            "holdings",
            "international",
            "trading",
            "trade",
            "industries",
            "industry",
            "industrial",
            "enterprise",
            "enterprises",
            "services",
            "service",
            "general",
            "global",
            "corporation",
            "development",
            "investment",
            "investments",
            "technology",
            "technologies",
            "engineering",
            "import",
            "export",
            "commercial",
            "organization",
            "institute",
            "center",
            "national",
            "bank",
            "banking",
            "financial",
            "finance",
            "management",
            "solutions",
            "systems",
            "partners",
            "capital",
            "resources",
            "energy",
            "logistics",
            "shipping",
            "consulting",
            "products",
            "manufacturing",
            "electronics",
            "research",
            "world",
            "worldwide",
            "overseas",
            "foreign",
            "united",
            "new",
            "first",
            "establishment",
            "agency",
            "office",
            "association",
            "foundation",
            "fund",
            "trust",
            "university",
            "science",
            "scientific",
            "factory",
            "plant",
            "works",
            "machinery",
            "equipment",
            "materials",
            "chemical",
            "oil",
            "gas",
            "petroleum",
            "construction",
            "transport",
            "marine",
            "air",
            "airlines",
            "aviation",
            "media",
            "network",
            "communications",
            "software",
            "semiconductor",
            "microelectronics",
            "laboratory",
            "laboratories",
            "ministry",
            "state",
            "federal",
            "republic",
            "islamic",
            "joint",
            "stock",
            "venture",
            "public",
            "private",
            "market",
            "exchange");

    private NameNormalizer() {}

    /** The normalized form of {@code raw}; empty when nothing of it is left (punctuation only). */
    static NormalizedName normalize(String raw) {
        CanonicalName.Folded folded = CanonicalName.fold(joinDottedInitials(raw));
        List<String> notes = new ArrayList<>(2);
        if (folded.lookalikesFolded()) {
            notes.add("folded look-alike letters");
        }
        if (folded.invisiblesRemoved()) {
            notes.add("removed invisible characters");
        }
        String key = folded.key();
        if (key.isEmpty()) {
            return new NormalizedName(new String[0], new boolean[0], List.copyOf(notes));
        }
        List<String> tokens = new ArrayList<>();
        List<Boolean> consonantal = new ArrayList<>();
        List<Boolean> latinSource = new ArrayList<>();
        Set<String> scripts = new LinkedHashSet<>();
        boolean diacritics = false;
        for (String word : key.split(" ")) {
            if (ascii(word)) {
                tokens.add(word);
                consonantal.add(false);
                latinSource.add(true);
                continue;
            }
            Transliteration.Result t = Transliteration.toLatin(word);
            if (t.script() == UScript.LATIN) {
                diacritics = true;
            } else {
                scripts.add(UScript.getName(t.script()));
            }
            for (String part : t.latin().split("[^a-z0-9]+")) {
                if (!part.isEmpty()) {
                    tokens.add(part);
                    consonantal.add(t.consonantal());
                    latinSource.add(t.script() == UScript.LATIN);
                }
            }
        }
        if (diacritics) {
            notes.add("removed diacritics");
        }
        if (!scripts.isEmpty()) {
            notes.add("transliterated from " + String.join(", ", scripts));
        }
        joinInitials(tokens, consonantal, latinSource);
        removeLegalForms(tokens, consonantal, notes);
        expand(tokens, notes);
        int n = Math.min(tokens.size(), TOKENS_MAX);
        String[] out = new String[n];
        boolean[] cons = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = tokens.get(i);
            cons[i] = consonantal.get(i);
        }
        return new NormalizedName(out, cons, notes.isEmpty() ? List.of() : List.copyOf(notes));
    }

    private static final java.util.regex.Pattern DOTTED_INITIALS =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])((?:\\p{L}\\.)+\\p{L})\\.?(?![\\p{L}\\p{N}])");

    /**
     * Initials written with periods as one word ("S.A." as "SA", "S.A.S. S.A." as "SAS SA", "U.S.A" as "USA"), before
     * the periods become spaces and the words could no longer be told apart.
     */
    static String joinDottedInitials(String raw) {
        if (raw.indexOf('.') < 0) {
            return raw;
        }
        java.util.regex.Matcher m = DOTTED_INITIALS.matcher(raw);
        StringBuilder out = new StringBuilder(raw.length());
        while (m.find()) {
            m.appendReplacement(
                    out, java.util.regex.Matcher.quoteReplacement(m.group(1).replace(".", "") + " "));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean ascii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Joins runs of two or more single Latin letters: "s a" to "sa", "j p morgan" to "jp morgan". */
    private static void joinInitials(List<String> tokens, List<Boolean> consonantal, List<Boolean> latinSource) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!single(tokens, latinSource, i) || !single(tokens, latinSource, i + 1)) {
                continue;
            }
            StringBuilder joined = new StringBuilder(tokens.get(i));
            int j = i + 1;
            while (single(tokens, latinSource, j)) {
                joined.append(tokens.get(j));
                j++;
            }
            tokens.subList(i + 1, j).clear();
            consonantal.subList(i + 1, j).clear();
            latinSource.subList(i + 1, j).clear();
            tokens.set(i, joined.toString());
        }
    }

    private static boolean single(List<String> tokens, List<Boolean> latinSource, int i) {
        return i < tokens.size()
                && latinSource.get(i)
                && tokens.get(i).length() == 1
                && Character.isLetter(tokens.get(i).charAt(0));
    }

    private static void removeLegalForms(List<String> tokens, List<Boolean> consonantal, List<String> notes) {
        if (tokens.size() < 2) {
            return;
        }
        boolean[] remove = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            for (String[] phrase : LEGAL_PHRASES.getOrDefault(legalWord(tokens.get(i)), List.of())) {
                if (i + phrase.length > tokens.size()) {
                    continue;
                }
                boolean match = true;
                for (int k = 0; k < phrase.length && match; k++) {
                    match = legalWord(tokens.get(i + k)).equals(phrase[k]);
                }
                if (match) {
                    for (int k = 0; k < phrase.length; k++) {
                        remove[i + k] = true;
                    }
                }
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (LEGAL_ANYWHERE.contains(tokens.get(i))) {
                remove[i] = true;
            }
        }
        // Runs at the start and the end: legal forms are removed, words that often stand beside them ("Group",
        // "Holding", "The") are passed over ("KOHAS AG Group" loses "AG").
        for (int i = 0; i < tokens.size() && atEdge(tokens.get(i), remove[i]); i++) {
            remove[i] |= LEGAL_AT_EDGES.contains(tokens.get(i));
        }
        for (int i = tokens.size() - 1; i >= 0 && atEdge(tokens.get(i), remove[i]); i--) {
            remove[i] |= LEGAL_AT_EDGES.contains(tokens.get(i));
        }
        int kept = 0;
        for (boolean r : remove) {
            kept += r ? 0 : 1;
        }
        if (kept == 0 || kept == tokens.size()) {
            return;
        }
        List<String> removed = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (remove[i]) {
                run.insert(0, run.isEmpty() ? tokens.get(i) : tokens.get(i) + " ");
                tokens.remove(i);
                consonantal.remove(i);
            } else if (!run.isEmpty()) {
                removed.addFirst(run.toString());
                run.setLength(0);
            }
        }
        if (!run.isEmpty()) {
            removed.addFirst(run.toString());
        }
        for (String r : removed) {
            notes.add("removed legal form '" + r + "'");
        }
    }

    private static boolean atEdge(String token, boolean removed) {
        return removed || LEGAL_AT_EDGES.contains(token) || BESIDE_LEGAL_FORMS.contains(token);
    }

    /** A word of a legal form in its long spelling, for matching multi-word forms ("joint stock co" is one). */
    private static String legalWord(String token) {
        return switch (token) {
            case "co" -> "company";
            case "ltd" -> "limited";
            case "corp" -> "corporation";
            case "inc" -> "incorporated";
            case "jt" -> "joint";
            default -> token;
        };
    }

    private static void expand(List<String> tokens, List<String> notes) {
        for (int i = 0; i < tokens.size(); i++) {
            String expansion = EXPANSIONS.get(tokens.get(i));
            if (expansion != null) {
                notes.add("read '" + tokens.get(i) + "' as '" + expansion + "'");
                tokens.set(i, expansion);
            }
        }
    }

    private static Map<String, List<String[]>> phrases(String... phrases) {
        Map<String, List<String[]>> byFirst = new java.util.HashMap<>();
        for (String p : phrases) {
            String[] words = p.toLowerCase(Locale.ROOT).split(" ");
            for (int i = 0; i < words.length; i++) {
                words[i] = legalWord(words[i]);
            }
            byFirst.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
        }
        Map<String, List<String[]>> copy = new java.util.HashMap<>();
        byFirst.forEach((first, list) -> copy.put(first, List.copyOf(list)));
        return Map.copyOf(copy);
    }
}
