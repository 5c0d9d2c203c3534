package org.gatehouse.screening;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One imported version of a list, as the server keeps it: its source, the SHA-256 that identifies it, its entry count,
 * when and by whom it was imported, and what the re-screening it started found (null until it has finished).
 *
 * @param label a note shown with the version (the bundled snapshot says it is a 2021 snapshot), or null
 */
public record ListVersion(
        long id,
        String source,
        String sha256,
        int entryCount,
        String label,
        Instant importedAt,
        String importedBy,
        List<ScreeningList.SourceFile> files,
        Rescreen rescreen) {

    public ListVersion {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(importedBy, "importedBy");
        files = List.copyOf(files);
    }

    /** What re-screening after the import did: how many subjects it screened again, and how many new hits. */
    public record Rescreen(Instant at, int rescreened, int newHits) {}
}
