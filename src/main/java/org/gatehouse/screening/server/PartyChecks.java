package org.gatehouse.screening.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.Party;
import org.gatehouse.screening.CompanyRegister;
import org.gatehouse.screening.Hit;
import org.gatehouse.screening.Ownership;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.ScreeningHits;
import org.gatehouse.trade.CanonicalName;
import org.gatehouse.trade.CountryCode;
import org.springframework.stereotype.Component;

/**
 * Screens the parties of one subject (an application, a pre-approval request) against the active lists and records
 * what is new: a hit per party and listed entry whose name resembles it, and an ownership hit per listed owner that
 * controls a registered party through the register's owners (the 50 % rule, {@link Ownership}). The caller's
 * transaction.
 */
@Component
class PartyChecks {

    /** Deepest chain of owners followed above a party. */
    static final int OWNERSHIP_DEPTH_MAX = 10;
    /** Most owner links read above one party. */
    static final int OWNERSHIP_LINKS_MAX = 1_000;

    /** One party to screen: its role in the subject, its name as written and its country. */
    record Named(String role, String name, CountryCode country) {}

    /**
     * What screening the parties found.
     *
     * @param hit whether a party has a hit (recorded now or earlier for this subject)
     * @param newHits the hits recorded now
     */
    record Checked(boolean hit, List<ScreeningHit> newHits, Screeners.Lists lists) {}

    private final Screeners screeners;
    private final ScreeningHits hits;
    private final CompanyRegister register;
    private final ScreeningProperties properties;

    PartyChecks(Screeners screeners, ScreeningHits hits, CompanyRegister register, ScreeningProperties properties) {
        this.screeners = screeners;
        this.hits = hits;
        this.register = register;
        this.properties = properties;
    }

    /** The parties of an application: purchaser, intermediate consignees, ultimate consignee, end user, its parent. */
    static List<Named> of(ApplicationContent content) {
        List<Named> parties = new ArrayList<>();
        add(parties, "PURCHASER", content.purchaser());
        for (int i = 0; i < content.intermediateConsignees().size(); i++) {
            add(
                    parties,
                    "INTERMEDIATE_CONSIGNEE[" + i + "]",
                    content.intermediateConsignees().get(i));
        }
        add(parties, "ULTIMATE_CONSIGNEE", content.ultimateConsignee());
        add(parties, "END_USER", content.endUser());
        Party endUser = content.endUser();
        if (endUser.ultimateParent() != null) {
            parties.add(new Named(
                    "ULTIMATE_PARENT",
                    endUser.ultimateParent(),
                    endUser.country() == null ? null : CountryCode.of(endUser.country())));
        }
        return parties;
    }

    private static void add(List<Named> parties, String role, Party party) {
        if (party != null) {
            parties.add(
                    new Named(role, party.name(), party.country() == null ? null : CountryCode.of(party.country())));
        }
    }

    /** Screens {@code parties} of the subject and records the hits it does not have yet. */
    Checked check(ScreeningHit.Subject kind, UUID subject, List<Named> parties, ScreeningHit.FoundBy by, Instant at) {
        Screeners.Lists lists = screeners.lists();
        double threshold = properties.threshold();
        boolean any = false;
        List<ScreeningHit> recorded = new ArrayList<>();
        Map<String, Named> byKey = new HashMap<>();
        for (Named party : parties) {
            String key = CanonicalName.key(party.name());
            byKey.putIfAbsent(key, party);
            for (Hit hit : lists.screener().screen(party.name(), party.country(), threshold)) {
                any = true;
                record(
                        ScreeningHit.found(
                                kind,
                                subject,
                                party.role(),
                                party.name(),
                                key,
                                party.country(),
                                ScreeningHit.Kind.NAME,
                                lists.versionOf(hit.list()),
                                hit,
                                null,
                                at,
                                by),
                        recorded);
            }
        }
        Map<String, UUID> registered = register.companiesOfKeys(List.copyOf(byKey.keySet()));
        for (Map.Entry<String, UUID> linked : registered.entrySet()) {
            Named party = byKey.get(linked.getKey());
            for (Ownership.Finding finding : controllingOwners(linked.getValue(), party.name(), lists, threshold)) {
                any = true;
                record(
                        ScreeningHit.found(
                                kind,
                                subject,
                                party.role(),
                                party.name(),
                                linked.getKey(),
                                party.country(),
                                ScreeningHit.Kind.OWNERSHIP,
                                lists.versionOf(finding.hit().list()),
                                finding.hit(),
                                finding.path(),
                                at,
                                by),
                        recorded);
            }
        }
        return new Checked(any, List.copyOf(recorded), lists);
    }

    private void record(ScreeningHit hit, List<ScreeningHit> recorded) {
        hits.insertIfNew(hit).ifPresent(id -> recorded.add(withId(hit, id)));
    }

    /** The listed owners that control a registered company, each with its path. */
    private List<Ownership.Finding> controllingOwners(
            UUID company, String name, Screeners.Lists lists, double threshold) {
        List<CompanyRegister.OwnerLink> links = register.ownersAbove(company, OWNERSHIP_DEPTH_MAX, OWNERSHIP_LINKS_MAX);
        if (links.isEmpty()) {
            return List.of();
        }
        Map<UUID, Hit> listed = new HashMap<>();
        Set<UUID> owners = new LinkedHashSet<>();
        Map<UUID, List<String>> namesOf = new HashMap<>();
        for (CompanyRegister.OwnerLink link : links) {
            if (owners.add(link.owner())) {
                List<String> names = new ArrayList<>();
                names.add(link.ownerName());
                names.addAll(link.ownerAliases());
                namesOf.put(link.owner(), names);
            }
        }
        for (UUID owner : owners) {
            Hit best = null;
            for (String ownerName : namesOf.get(owner)) {
                for (Hit hit : lists.screener().screen(ownerName, null, threshold)) {
                    if (best == null || hit.score() > best.score()) {
                        best = hit;
                    }
                }
            }
            if (best != null) {
                listed.put(owner, best);
            }
        }
        return listed.isEmpty() ? List.of() : Ownership.of(company, name, links, listed);
    }

    static ScreeningHit withId(ScreeningHit hit, long id) {
        return new ScreeningHit(
                id,
                hit.kindOfSubject(),
                hit.subject(),
                hit.partyRole(),
                hit.partyName(),
                hit.partyKey(),
                hit.partyCountry(),
                hit.kind(),
                hit.listSource(),
                hit.listVersionId(),
                hit.entryId(),
                hit.matchedName(),
                hit.score(),
                hit.explanation(),
                hit.path(),
                hit.foundAt(),
                hit.foundBy(),
                hit.disposition(),
                hit.reason(),
                hit.dispositionedBy(),
                hit.dispositionedAt());
    }
}
