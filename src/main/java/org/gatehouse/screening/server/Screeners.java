package org.gatehouse.screening.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.gatehouse.screening.CompanyRegister;
import org.gatehouse.screening.EntryType;
import org.gatehouse.screening.ListEntry;
import org.gatehouse.screening.ListLoader;
import org.gatehouse.screening.ListVersion;
import org.gatehouse.screening.ListVersions;
import org.gatehouse.screening.Screener;
import org.gatehouse.screening.ScreeningList;
import org.springframework.stereotype.Component;

/**
 * The server's matchers, built from the database and kept while it does not change: one {@link Screener} over the
 * active version of every list (rebuilt when a version is imported, here or on another server sharing the database),
 * and one over the register's names (rebuilt when the register changes). Checking costs one small query each; a
 * rebuild indexes the lists again (about a second for the 2021 SDN snapshot), once, while other callers wait.
 */
@Component
public class Screeners {

    /** Most registered names (names and aliases) the register's matcher holds. */
    public static final int REGISTER_NAMES_MAX = 500_000;

    /** The source name of the register's entries in the register's matcher. */
    static final String REGISTER = "REGISTER";

    /** The active lists and their matcher. */
    public record Lists(long latestId, List<ListVersion> versions, Screener screener) {

        /** The version id of a source's active version (0 when there is none). */
        public long versionOf(String source) {
            for (ListVersion v : versions) {
                if (v.source().equals(source)) {
                    return v.id();
                }
            }
            return 0;
        }

        /** {@code source@version} of each active list, for audit records. */
        public List<String> described() {
            return versions.stream().map(v -> v.source() + "@" + v.id()).toList();
        }
    }

    /** The register's matcher at a generation of the register. */
    record Register(long generation, Screener screener) {}

    private final ListVersions versions;
    private final CompanyRegister register;
    /** Lists parsed once per version (imports put theirs here, so the rebuild after an import does not parse again). */
    private final Map<Long, ScreeningList> parsed = new ConcurrentHashMap<>();

    private volatile Lists lists;
    private volatile Register registered;

    Screeners(ListVersions versions, CompanyRegister register) {
        this.versions = versions;
        this.register = register;
    }

    /** The active lists' matcher, rebuilt first when a version was imported since it was built. */
    public Lists lists() {
        long latest = versions.latestId();
        Lists current = lists;
        if (current != null && current.latestId() == latest) {
            return current;
        }
        synchronized (this) {
            current = lists;
            if (current != null && current.latestId() == latest) {
                return current;
            }
            List<ListVersion> active = versions.active();
            List<ScreeningList> loaded = new ArrayList<>(active.size());
            Map<Long, ScreeningList> kept = new HashMap<>();
            for (ListVersion version : active) {
                ScreeningList list = parsed.get(version.id());
                if (list == null) {
                    List<ScreeningList> read = ListLoader.load(versions.files(version.id()), version.source());
                    if (read.size() != 1) {
                        throw new IllegalStateException("list version " + version.id() + " holds " + read.size()
                                + " lists; each version is one list");
                    }
                    list = read.getFirst();
                }
                kept.put(version.id(), list);
                loaded.add(list);
            }
            parsed.keySet().retainAll(kept.keySet());
            parsed.putAll(kept);
            long newest = active.stream().mapToLong(ListVersion::id).max().orElse(0);
            Lists built = new Lists(Math.max(newest, latest), active, Screener.of(loaded));
            lists = built;
            return built;
        }
    }

    /** Keeps a list just parsed by an import under the id of its new version. */
    void remember(long versionId, ScreeningList list) {
        parsed.put(versionId, list);
    }

    /** The register's matcher: each registered company an entry, its name and aliases its names. */
    Screener register() {
        long generation = register.generation();
        Register current = registered;
        if (current != null && current.generation() == generation) {
            return current.screener();
        }
        synchronized (this) {
            current = registered;
            if (current != null && current.generation() == generation) {
                return current.screener();
            }
            Map<UUID, String> names = new LinkedHashMap<>();
            Map<UUID, List<String>> aliases = new HashMap<>();
            for (CompanyRegister.NameOf name : register.names(REGISTER_NAMES_MAX)) {
                if (name.alias()) {
                    aliases.computeIfAbsent(name.company(), c -> new ArrayList<>())
                            .add(name.name());
                } else {
                    names.put(name.company(), name.name());
                }
            }
            List<ListEntry> entries = new ArrayList<>(names.size());
            names.forEach((id, name) -> entries.add(new ListEntry(
                    REGISTER,
                    id.toString(),
                    EntryType.ENTITY,
                    name,
                    aliases.getOrDefault(id, List.of()).stream()
                            .limit(ListEntry.ALIASES_MAX)
                            .toList(),
                    Set.of(),
                    List.of(),
                    REGISTER)));
            Screener screener =
                    Screener.of(List.of(new ScreeningList(REGISTER, "register@" + generation, List.of(), entries)));
            registered = new Register(generation, screener);
            return screener;
        }
    }
}
