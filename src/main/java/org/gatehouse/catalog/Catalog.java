package org.gatehouse.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The accelerators and systems an application may name, looked up by name without regard to case or surrounding
 * spaces, built from {@code catalog/accelerators.csv} and {@code catalog/systems.csv} (copies of the shared reference
 * data); items not listed can be described by their TPP and performance density instead.
 */
public final class Catalog {

    private static final Catalog BUILT_IN = load();

    private final Map<String, Item> itemsByKey;
    private final List<Item> items;

    private Catalog(List<Item> items) {
        Map<String, Item> byKey = new HashMap<>();
        for (Item item : items) {
            if (byKey.put(key(item.name()), item) != null) {
                throw new IllegalStateException("catalogue: item " + item.name() + " is listed twice");
            }
        }
        this.itemsByKey = byKey;
        this.items = List.copyOf(items);
    }

    /** The catalogue shipped with Gatehouse. */
    public static Catalog builtIn() {
        return BUILT_IN;
    }

    /** All items: accelerators first, then systems, in the order of the reference files. */
    public List<Item> items() {
        return items;
    }

    /** The item with this name (case and surrounding spaces ignored), if the catalogue lists it. */
    public Optional<Item> find(String name) {
        return Optional.ofNullable(itemsByKey.get(key(name)));
    }

    /** The item with this name; throws when the catalogue does not list it. */
    public Item item(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("item: not in the catalogue: " + name));
    }

    /**
     * An accelerator that is not in the catalogue, described by the application (SPEC §2.1), classified by the same
     * thresholds as listed chips.
     *
     * @param memoryBandwidthGbs GB/s, or 0 when not given
     */
    public static Item customItem(String name, long tpp, BigDecimal performanceDensity, long memoryBandwidthGbs) {
        return Item.of(new Accelerator(name.strip(), "custom", tpp, performanceDensity, memoryBandwidthGbs, true));
    }

    private static String key(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }

    private static Catalog load() {
        Map<String, Accelerator> accelerators = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        for (Map<String, String> row : rows("/catalog/accelerators.csv")) {
            Accelerator accelerator = new Accelerator(
                    row.get("item"),
                    row.get("vendor"),
                    Long.parseLong(row.get("tpp")),
                    new BigDecimal(row.get("performance_density")),
                    Long.parseLong(row.get("memory_bandwidth_gbs")),
                    false);
            accelerators.put(key(accelerator.name()), accelerator);
            items.add(Item.of(accelerator));
        }
        for (Map<String, String> row : rows("/catalog/systems.csv")) {
            Accelerator accelerator = accelerators.get(key(row.get("item")));
            if (accelerator == null) {
                throw new IllegalStateException(
                        "systems.csv: " + row.get("system") + " holds unknown item " + row.get("item"));
            }
            items.add(new Item(
                    row.get("system"), accelerator, Integer.parseInt(row.get("accelerators_per_system")), true));
        }
        return new Catalog(items);
    }

    private static List<Map<String, String>> rows(String resource) {
        try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "resource missing from the build: " + resource);
            CsvRecords csv = new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = csv.next();
            List<Map<String, String>> rows = new ArrayList<>();
            for (String[] record = csv.next(); record != null; record = csv.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length && i < record.length; i++) {
                    row.put(header[i], record[i].strip());
                }
                rows.add(Collections.unmodifiableMap(row));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
