package org.gatehouse.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gatehouse.catalog.CsvRecords;
import org.gatehouse.trade.CountryCode;

/**
 * The EAR country groups (Supplement No. 1 to part 740: D:1…D:5, E:1, E:2, A:5, A:6) plus {@code AIDIFF-T1}, from
 * {@code policy/country-groups.csv}, a copy of the shared reference data.
 */
public final class CountryGroups {

    private static final CountryGroups BUILT_IN = load();

    private final Map<String, BitSet> members;

    private CountryGroups(Map<String, BitSet> members) {
        this.members = Collections.unmodifiableMap(members);
    }

    /** The groups shipped with Gatehouse. */
    public static CountryGroups builtIn() {
        return BUILT_IN;
    }

    /** Whether a group with this name exists (names are case-sensitive: "D:1"). */
    public boolean has(String group) {
        return members.containsKey(group);
    }

    /** The group names, sorted. */
    public java.util.Set<String> names() {
        return members.keySet();
    }

    /** The countries of a group, as a set of {@link CountryCode#index()} bits (a copy). */
    BitSet members(String group) {
        BitSet set = members.get(group);
        if (set == null) {
            throw new IllegalArgumentException("unknown country group " + group);
        }
        return (BitSet) set.clone();
    }

    private static CountryGroups load() {
        String resource = "/policy/country-groups.csv";
        try (InputStream in = CountryGroups.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "resource missing from the build: " + resource);
            CsvRecords csv = new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8));
            csv.next();
            Map<String, BitSet> members = new TreeMap<>();
            for (String[] record = csv.next(); record != null; record = csv.next()) {
                CountryCode country = CountryCode.of(record[1]);
                members.computeIfAbsent(record[0].strip(), g -> new BitSet(CountryCode.INDEX_SIZE))
                        .set(country.index());
            }
            return new CountryGroups(members);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
