package org.gatehouse.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list snapshot shipped with Gatehouse ({@code src/main/resources/screening/}, see its README): OFAC SDN 2021, two
 * Consolidated Screening List samples and the BIS Denied Persons List. Snapshots for tests, demos and offline use, not
 * current lists.
 */
public final class BundledLists {

    /** Source names of the bundled lists, in loading order. */
    public static final List<String> SOURCES = List.of("SDN", "CSL", "CSL-LEGACY", "DPL");

    private static final String FOLDER = "screening/";

    private BundledLists() {}

    /** How the server labels the bundled lists when it imports them: snapshots, not current lists. */
    public static final String LABEL = "bundled snapshot (OFAC SDN 2021, CSL samples, BIS DPL): not current lists";

    /** The bundled files by source name, in loading order (the server imports them as its first list versions). */
    public static Map<String, List<ListFile>> files() {
        Map<String, List<ListFile>> files = new LinkedHashMap<>();
        files.put(
                SOURCES.get(0), List.of(resource("ofac-sdn.csv"), resource("ofac-alt.csv"), resource("ofac-add.csv")));
        files.put(SOURCES.get(1), List.of(resource("csl-consolidated-sample.csv")));
        files.put(SOURCES.get(2), List.of(resource("csl-sample-legacy.csv")));
        files.put(SOURCES.get(3), List.of(resource("bis-dpl.txt")));
        return files;
    }

    /** The bundled lists, read and parsed on each call (about 0.2 s). */
    public static List<ScreeningList> load() {
        ScreeningList sdn = ListLoader.sdn(
                resource("ofac-sdn.csv"), resource("ofac-alt.csv"), resource("ofac-add.csv"), SOURCES.get(0));
        ScreeningList csl = ListLoader.csl(resource("csl-consolidated-sample.csv"), SOURCES.get(1));
        ScreeningList legacy = ListLoader.csl(resource("csl-sample-legacy.csv"), SOURCES.get(2));
        ScreeningList dpl = ListLoader.dpl(resource("bis-dpl.txt"), SOURCES.get(3));
        return List.of(sdn, csl, legacy, dpl);
    }

    private static ListFile resource(String name) {
        try (InputStream in = BundledLists.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the bundled list " + FOLDER + name + " is missing from the class path");
            }
            return new ListFile("classpath:" + FOLDER + name, in.readNBytes(ListFile.BYTES_MAX + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
