package org.gatehouse.screening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The 50 % rule (SPEC §8, OFAC's 50 Percent Rule): a company owned 50 % or more by listed parties — directly, or
 * through companies that are themselves owned 50 % or more that way — is treated as listed. Shares of several such
 * owners add up. Pure: the caller gives the ownership graph above the party (from the register) and which owners are
 * listed (from screening their names).
 */
public final class Ownership {

    /** The share from which owners control a company. */
    public static final BigDecimal CONTROL = new BigDecimal(50);

    private Ownership() {}

    /**
     * A listed party that controls the screened party through a chain of owners.
     *
     * @param owner the listed owner, a registered company
     * @param hit how the owner's name matched its list entry
     * @param path the chain from the party to the listed owner, e.g. {@code Acme ← 60.00 % Acme Holdings ← 51.00 %
     *     Bad Corp (listed: SDN 1234 "BAD CORP", 0.970)}
     */
    public record Finding(UUID owner, Hit hit, String path) {}

    /**
     * The listed owners that control {@code party} (named {@code partyName}), each with one path; empty when the
     * listed owners' shares do not reach {@link #CONTROL}.
     *
     * @param links every owner link above the party
     * @param listed the best hit of each owner that is itself listed
     */
    public static List<Finding> of(
            UUID party, String partyName, List<CompanyRegister.OwnerLink> links, Map<UUID, Hit> listed) {
        Map<UUID, List<CompanyRegister.OwnerLink>> ownersOf = new HashMap<>();
        for (CompanyRegister.OwnerLink link : links) {
            ownersOf.computeIfAbsent(link.company(), c -> new ArrayList<>()).add(link);
        }
        Map<UUID, Boolean> controlled = new HashMap<>();
        if (!controlledByListed(party, ownersOf, listed, controlled, new HashSet<>())) {
            return List.of();
        }
        Map<UUID, Finding> findings = new LinkedHashMap<>();
        for (CompanyRegister.OwnerLink link : ownersOf.getOrDefault(party, List.of())) {
            if (blocked(link.owner(), ownersOf, listed, controlled)) {
                paths(link, partyName, ownersOf, listed, controlled, new HashSet<>(), findings);
            }
        }
        return List.copyOf(findings.values());
    }

    private static boolean blocked(
            UUID company,
            Map<UUID, List<CompanyRegister.OwnerLink>> ownersOf,
            Map<UUID, Hit> listed,
            Map<UUID, Boolean> controlled) {
        return listed.containsKey(company)
                || controlledByListed(company, ownersOf, listed, controlled, new HashSet<>());
    }

    /** Whether the shares of {@code company}'s blocked owners add up to {@link #CONTROL}; a cycle counts as not. */
    private static boolean controlledByListed(
            UUID company,
            Map<UUID, List<CompanyRegister.OwnerLink>> ownersOf,
            Map<UUID, Hit> listed,
            Map<UUID, Boolean> controlled,
            Set<UUID> visiting) {
        Boolean known = controlled.get(company);
        if (known != null) {
            return known;
        }
        if (!visiting.add(company)) {
            return false;
        }
        BigDecimal share = BigDecimal.ZERO;
        for (CompanyRegister.OwnerLink link : ownersOf.getOrDefault(company, List.of())) {
            if (listed.containsKey(link.owner())
                    || controlledByListed(link.owner(), ownersOf, listed, controlled, visiting)) {
                share = share.add(link.percent());
            }
        }
        visiting.remove(company);
        boolean result = share.compareTo(CONTROL) >= 0;
        controlled.put(company, result);
        return result;
    }

    private static void paths(
            CompanyRegister.OwnerLink link,
            String prefix,
            Map<UUID, List<CompanyRegister.OwnerLink>> ownersOf,
            Map<UUID, Hit> listed,
            Map<UUID, Boolean> controlled,
            Set<UUID> onPath,
            Map<UUID, Finding> findings) {
        if (!onPath.add(link.owner())) {
            return;
        }
        String path = prefix + " ← " + link.percent().toPlainString() + " % " + link.ownerName();
        Hit hit = listed.get(link.owner());
        if (hit != null) {
            findings.putIfAbsent(
                    link.owner(),
                    new Finding(
                            link.owner(),
                            hit,
                            path
                                    + String.format(
                                            Locale.ROOT,
                                            " (listed: %s %s \"%s\", %.3f)",
                                            hit.list(),
                                            hit.entryId(),
                                            hit.matchedName(),
                                            hit.score())));
        } else {
            for (CompanyRegister.OwnerLink above : ownersOf.getOrDefault(link.owner(), List.of())) {
                if (blocked(above.owner(), ownersOf, listed, controlled)) {
                    paths(above, path, ownersOf, listed, controlled, onPath, findings);
                }
            }
        }
        onPath.remove(link.owner());
    }
}
