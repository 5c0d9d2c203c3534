package org.gatehouse.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.trade.CountryCode;

/**
 * Reads list files into {@link ScreeningList}s: the OFAC SDN set, the Consolidated Screening List and the BIS Denied
 * Persons List. A file with a malformed record is refused whole with {@code FILE:LINE: reason}.
 *
 * <p>Entry ids: SDN {@code ent_num}; CSL {@code _id}, else {@code entity_number}, else (older CSL rows of the BIS and
 * State lists have neither) {@code h} and the first 12 hex digits of the SHA-256 of {@code source|name|addresses};
 * DPL, which has no ids, the first 12 hex digits of the SHA-256 of {@code name|street|city|state|country|postal
 * code|effective date} (fields stripped, UTF-8): stable as long as the order itself is unchanged. DPL rows with the
 * same name, address and effective date are one order listed again for an update, and give one entry.
 */
public final class ListLoader {

    /** Source names used when the caller gives none. */
    public static final String SDN_SOURCE = "SDN";

    public static final String CSL_SOURCE = "CSL";
    public static final String DPL_SOURCE = "DPL";

    private static final String EMPTY = "-0-";
    private static final Pattern NATIONALITY =
            Pattern.compile("(?:nationality|citizen) ([A-Z][A-Za-z ,.'-]+?)(?:;|\\.$|$)");
    private static final Pattern ABBREVIATION = Pattern.compile("\\(([A-Z]{2,5})\\)");
    private static final int ID_HEX_DIGITS = 12;

    private ListLoader() {}

    /**
     * Loads the given files as lists: the OFAC files together as one SDN list, each CSL or DPL file as its own.
     *
     * @param source the source name for every list loaded, or {@code null} for {@code SDN}, {@code CSL}, {@code DPL}
     */
    public static List<ScreeningList> load(List<ListFile> files, String source) {
        ListFile sdn = null;
        ListFile alt = null;
        ListFile add = null;
        List<ScreeningList> lists = new ArrayList<>();
        for (ListFile file : files) {
            switch (ListFormat.detect(file)) {
                case SDN -> sdn = only(sdn, file, "sdn.csv");
                case SDN_ALT -> alt = only(alt, file, "alt.csv");
                case SDN_ADD -> add = only(add, file, "add.csv");
                case CSL -> lists.add(csl(file, source == null ? CSL_SOURCE : source));
                case DPL -> lists.add(dpl(file, source == null ? DPL_SOURCE : source));
            }
        }
        if (sdn == null && (alt != null || add != null)) {
            ListFile orphan = alt != null ? alt : add;
            throw new ListFileException(orphan.name(), 0, "OFAC alt.csv and add.csv need their sdn.csv");
        }
        if (sdn != null) {
            lists.addFirst(sdn(sdn, alt, add, source == null ? SDN_SOURCE : source));
        }
        return lists;
    }

    private static ListFile only(ListFile already, ListFile file, String what) {
        if (already != null) {
            throw new ListFileException(
                    file.name(), 0, "a second OFAC " + what + " (the first is " + already.name() + ")");
        }
        return file;
    }

    /**
     * The OFAC SDN list from {@code sdn.csv} and, when given, {@code alt.csv} (aliases: aka, fka, nka) and
     * {@code add.csv} (addresses, for countries). Weak aliases, which OFAC writes only in the remarks ("a.k.a.
     * 'BNC'"), are not loaded: OFAC does not expect them to be screened, and as single common words they would flag
     * many innocent names.
     */
    public static ScreeningList sdn(ListFile sdn, ListFile alt, ListFile add, String source) {
        Map<String, SdnBuilder> entries = new LinkedHashMap<>();
        for (DelimitedRecords.Record r : records(sdn, ',')) {
            fields(sdn, r, 12);
            String id = entNum(sdn, r);
            String name = value(r.field(1));
            if (name.isEmpty()) {
                throw new ListFileException(sdn.name(), r.line(), "SDN_Name is empty");
            }
            if (entries.containsKey(id)) {
                throw new ListFileException(sdn.name(), r.line(), "ent_num " + id + " appears twice");
            }
            SdnBuilder b = new SdnBuilder(id, name, EntryType.parse(value(r.field(2))));
            String type = value(r.field(2));
            if (type.isEmpty()) {
                b.type = EntryType.ENTITY;
            }
            for (String program : value(r.field(3)).split("\\] \\[")) {
                if (!program.isBlank()) {
                    b.programs.add(program.strip());
                }
            }
            Countries.find(value(r.field(9))).ifPresent(b.countries::add);
            Matcher m = NATIONALITY.matcher(value(r.field(11)));
            while (m.find()) {
                Countries.find(m.group(1)).ifPresent(b.countries::add);
            }
            entries.put(id, b);
        }
        if (alt != null) {
            for (DelimitedRecords.Record r : records(alt, ',')) {
                fields(alt, r, 5);
                SdnBuilder b = owner(alt, r, entries);
                String name = value(r.field(3));
                if (name.isEmpty()) {
                    throw new ListFileException(alt.name(), r.line(), "alt_name is empty");
                }
                if (b.aliases.size() >= ListEntry.ALIASES_MAX) {
                    throw new ListFileException(
                            alt.name(),
                            r.line(),
                            "more than " + ListEntry.ALIASES_MAX + " aliases for ent_num " + b.id);
                }
                b.aliases.add(name);
            }
        }
        if (add != null) {
            for (DelimitedRecords.Record r : records(add, ',')) {
                fields(add, r, 6);
                SdnBuilder b = owner(add, r, entries);
                Countries.find(value(r.field(4))).ifPresent(b.countries::add);
            }
        }
        List<ListEntry> list = new ArrayList<>(entries.size());
        for (SdnBuilder b : entries.values()) {
            list.add(new ListEntry(
                    source, b.id, b.type, b.name, List.copyOf(b.aliases), b.countries, b.programs, source));
        }
        List<ListFile> files = new ArrayList<>(List.of(sdn));
        if (alt != null) {
            files.add(alt);
        }
        if (add != null) {
            files.add(add);
        }
        return version(source, files, list);
    }

    /** The Consolidated Screening List (trade.gov CSV, current 29 columns with {@code _id} or the older header). */
    public static ScreeningList csl(ListFile file, String source) {
        List<DelimitedRecords.Record> records = records(file, ',');
        if (records.isEmpty()) {
            throw new ListFileException(file.name(), 1, "no header");
        }
        Header h = new Header(file, records.getFirst());
        int cSource = h.required("source");
        int cName = h.required("name");
        int cNumber = h.required("entity_number");
        int cId = h.optional("_id");
        int cType = h.optional("type");
        int cPrograms = h.optional("programs");
        int cAddresses = h.optional("addresses");
        int cAlt = h.optional("alt_names");
        int cCitizenships = h.optional("citizenships");
        int cNationalities = h.optional("nationalities");
        List<ListEntry> entries = new ArrayList<>(records.size());
        Map<String, Long> seen = new LinkedHashMap<>();
        for (DelimitedRecords.Record r : records.subList(1, records.size())) {
            if (r.fields().length != h.size()) {
                throw new ListFileException(
                        file.name(),
                        r.line(),
                        "expected " + h.size() + " fields as in the header, found " + r.fields().length);
            }
            String name = r.field(cName).strip();
            if (name.isEmpty()) {
                throw new ListFileException(file.name(), r.line(), "name is empty");
            }
            String origin = r.field(cSource).strip();
            String addresses = field(r, cAddresses);
            String id = field(r, cId);
            if (id.isEmpty()) {
                id = r.field(cNumber).strip();
            }
            if (id.isEmpty()) {
                id = "h" + shortHash(origin + "|" + name + "|" + addresses);
            }
            Long previous = seen.putIfAbsent(id, r.line());
            if (previous != null) {
                throw new ListFileException(
                        file.name(), r.line(), "entry id " + id + " already used on line " + previous);
            }
            Set<CountryCode> countries = new LinkedHashSet<>();
            for (String address : split(addresses)) {
                int comma = address.lastIndexOf(',');
                Countries.find(comma < 0 ? address : address.substring(comma + 1))
                        .ifPresent(countries::add);
            }
            for (String c : split(field(r, cCitizenships))) {
                Countries.find(c).ifPresent(countries::add);
            }
            for (String c : split(field(r, cNationalities))) {
                Countries.find(c).ifPresent(countries::add);
            }
            List<String> aliases = split(field(r, cAlt));
            if (aliases.size() > ListEntry.ALIASES_MAX) {
                throw new ListFileException(file.name(), r.line(), "more than " + ListEntry.ALIASES_MAX + " aliases");
            }
            entries.add(new ListEntry(
                    source,
                    id,
                    EntryType.parse(field(r, cType)),
                    name,
                    aliases,
                    countries,
                    split(field(r, cPrograms)),
                    origin.isEmpty() ? source : origin));
            limit(file, r, entries);
        }
        return version(source, List.of(file), entries);
    }

    /** The BIS Denied Persons List (tab-separated, quoted, with a header). */
    public static ScreeningList dpl(ListFile file, String source) {
        List<DelimitedRecords.Record> records = records(file, '\t');
        if (records.isEmpty()) {
            throw new ListFileException(file.name(), 1, "no header");
        }
        Header h = new Header(file, records.getFirst());
        int cName = h.required("name");
        int cStreet = h.required("street_address");
        int cCity = h.required("city");
        int cState = h.required("state");
        int cCountry = h.required("country");
        int cPostal = h.required("postal_code");
        int cEffective = h.required("effective_date");
        List<ListEntry> entries = new ArrayList<>(records.size());
        Set<String> seen = new java.util.HashSet<>();
        for (DelimitedRecords.Record r : records.subList(1, records.size())) {
            if (r.fields().length != h.size()) {
                throw new ListFileException(
                        file.name(),
                        r.line(),
                        "expected " + h.size() + " fields as in the header, found " + r.fields().length);
            }
            String name = r.field(cName).strip();
            if (name.isEmpty()) {
                throw new ListFileException(file.name(), r.line(), "Name is empty");
            }
            String country = r.field(cCountry).strip();
            String id = shortHash(String.join(
                    "|",
                    name,
                    r.field(cStreet).strip(),
                    r.field(cCity).strip(),
                    r.field(cState).strip(),
                    country,
                    r.field(cPostal).strip(),
                    r.field(cEffective).strip()));
            if (!seen.add(id)) {
                continue;
            }
            Set<CountryCode> countries = new LinkedHashSet<>();
            Countries.find(country).ifPresent(countries::add);
            entries.add(new ListEntry(source, id, EntryType.UNKNOWN, name, List.of(), countries, List.of(), source));
            limit(file, r, entries);
        }
        return version(source, List.of(file), entries);
    }

    /** The abbreviation in a CSL source ("Entity List (EL) - Bureau of Industry and Security" gives EL), or it whole. */
    public static String abbreviation(String origin) {
        Matcher m = ABBREVIATION.matcher(origin);
        return m.find() ? m.group(1) : origin;
    }

    private static List<DelimitedRecords.Record> records(ListFile file, char delimiter) {
        return DelimitedRecords.parse(file.name(), DelimitedRecords.decode(file.bytes()), delimiter);
    }

    private static void fields(ListFile file, DelimitedRecords.Record r, int expected) {
        if (r.fields().length != expected) {
            throw new ListFileException(
                    file.name(), r.line(), "expected " + expected + " fields, found " + r.fields().length);
        }
    }

    private static String entNum(ListFile file, DelimitedRecords.Record r) {
        String id = r.field(0).strip();
        if (id.isEmpty() || id.length() > 10 || !id.chars().allMatch(Character::isDigit)) {
            throw new ListFileException(file.name(), r.line(), "ent_num must be a number, got \"" + id + "\"");
        }
        return id;
    }

    private static SdnBuilder owner(ListFile file, DelimitedRecords.Record r, Map<String, SdnBuilder> entries) {
        String id = entNum(file, r);
        SdnBuilder b = entries.get(id);
        if (b == null) {
            throw new ListFileException(file.name(), r.line(), "ent_num " + id + " is not in sdn.csv");
        }
        return b;
    }

    private static void limit(ListFile file, DelimitedRecords.Record r, List<ListEntry> entries) {
        if (entries.size() > ScreeningList.ENTRIES_MAX) {
            throw new ListFileException(file.name(), r.line(), "more than " + ScreeningList.ENTRIES_MAX + " entries");
        }
    }

    /** An OFAC field, with {@code -0-} (OFAC's empty) as empty. */
    private static String value(String field) {
        String v = field.strip();
        return v.equals(EMPTY) ? "" : v;
    }

    private static String field(DelimitedRecords.Record r, int column) {
        return column < 0 ? "" : r.field(column).strip();
    }

    /** A multi-valued CSL field: values separated by {@code ;}, stripped, empty ones dropped. */
    private static List<String> split(String field) {
        if (field.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String v : field.split(";")) {
            if (!v.isBlank()) {
                values.add(v.strip());
            }
        }
        return values;
    }

    private static ScreeningList version(String source, List<ListFile> files, List<ListEntry> entries) {
        List<ScreeningList.SourceFile> sources = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (ListFile f : files) {
            String hash = sha256(f.bytes());
            sources.add(new ScreeningList.SourceFile(f.name(), hash, f.bytes().length));
            lines.append(hash).append(' ').append(f.baseName()).append('\n');
        }
        String sha = files.size() == 1
                ? sources.getFirst().sha256()
                : sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
        return new ScreeningList(source, sha, sources, entries);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String shortHash(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, ID_HEX_DIGITS);
    }

    /** The column positions of a header, matched without regard to case. */
    private static final class Header {
        private final ListFile file;
        private final List<String> names = new ArrayList<>();

        Header(ListFile file, DelimitedRecords.Record header) {
            this.file = file;
            for (String f : header.fields()) {
                names.add(f.strip().toLowerCase(Locale.ROOT));
            }
        }

        int size() {
            return names.size();
        }

        int required(String column) {
            int i = names.indexOf(column);
            if (i < 0) {
                throw new ListFileException(file.name(), 1, "header: missing required column " + column);
            }
            return i;
        }

        int optional(String column) {
            return names.indexOf(column);
        }
    }

    private static final class SdnBuilder {
        final String id;
        final String name;
        EntryType type;
        final List<String> aliases = new ArrayList<>();
        final Set<CountryCode> countries = new LinkedHashSet<>();
        final List<String> programs = new ArrayList<>();

        SdnBuilder(String id, String name, EntryType type) {
            this.id = id;
            this.name = name;
            this.type = type;
        }
    }
}
