package org.gatehouse.screening;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where list versions are kept (implemented over SQL in {@code jdbc/}): each version's files whole, so every server
 * builds the same screener from them. The active version of a source is its latest.
 */
public interface ListVersions {

    /**
     * Takes the import lock until the transaction ends: imports are serial, so two imports of one source cannot both
     * find it unchanged or both become its latest version.
     */
    void lockImports();

    /** The active version of each source (its latest), by source. */
    List<ListVersion> active();

    /** The id of the latest version of any source, or 0 when nothing was imported: it changes with every import. */
    long latestId();

    /** Every version, the latest first, at most {@code max}. */
    List<ListVersion> all(int max);

    Optional<ListVersion> find(long id);

    /** Stores a new version of {@code list} read from {@code files}, and returns its id. */
    long insert(ScreeningList list, List<ListFile> files, String label, Instant at, String by);

    /** The files of a version, in loading order. */
    List<ListFile> files(long versionId);

    /** Records what the re-screening after the import of version {@code id} found. */
    void rescreened(long id, ListVersion.Rescreen rescreen);

    /** The versions whose re-screening has not finished (it is resumed at start), oldest first. */
    List<ListVersion> notRescreened();
}
