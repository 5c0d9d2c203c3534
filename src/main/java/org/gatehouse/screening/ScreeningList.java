package org.gatehouse.screening;

import java.util.List;
import java.util.Objects;

/**
 * One loaded version of a list: its source name, the SHA-256 that identifies the version, the files it was read from
 * and its entries in file order.
 *
 * @param sha256 the SHA-256 of the file's bytes (hex); for a list read from several files (the SDN set), the SHA-256 of
 *     the lines {@code <sha256> <file name>\n} of its files in loading order
 */
public record ScreeningList(String source, String sha256, List<SourceFile> files, List<ListEntry> entries) {

    /** Most entries in one list: the current Consolidated Screening List has about 30,000. */
    public static final int ENTRIES_MAX = 500_000;

    /** One file of a list version: its name as given, the SHA-256 of its bytes and its size. */
    public record SourceFile(String name, String sha256, long bytes) {}

    public ScreeningList {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        files = List.copyOf(files);
        entries = List.copyOf(entries);
        if (entries.size() > ENTRIES_MAX) {
            throw new IllegalArgumentException("more than " + ENTRIES_MAX + " entries");
        }
    }

    public int entryCount() {
        return entries.size();
    }
}
