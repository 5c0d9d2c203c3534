package org.gatehouse.screening;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gatehouse.trade.CountryCode;

/**
 * One listed party as its list writes it: the list, its id there, what it is, its primary name and aliases, the
 * countries of its addresses, citizenships and nationalities, and the sanctions programs.
 *
 * @param list the list's source name ({@code SDN}, {@code CSL}, {@code DPL}, or the name given when loading)
 * @param origin the list the entry belongs to as the file says: for CSL rows the {@code source} column (e.g. "Entity
 *     List (EL) - Bureau of Industry and Security"), otherwise the list's source name
 */
public record ListEntry(
        String list,
        String id,
        EntryType type,
        String name,
        List<String> aliases,
        Set<CountryCode> countries,
        List<String> programs,
        String origin) {

    /** Most aliases kept for one entry: the largest real entries have about a hundred. */
    public static final int ALIASES_MAX = 500;

    public ListEntry {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an entry needs a name");
        }
        if (aliases.size() > ALIASES_MAX) {
            throw new IllegalArgumentException("more than " + ALIASES_MAX + " aliases");
        }
        aliases = List.copyOf(aliases);
        countries = Set.copyOf(countries);
        programs = List.copyOf(programs);
    }
}
