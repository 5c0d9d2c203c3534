package org.gatehouse.screening.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.screening.Disposition;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.ScreeningHits;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens the buyer a pre-approval is asked for — the company and its ultimate parent — against the active
 * restricted-party lists, like the parties of an application (SPEC §8), and records the hits under the subject kind
 * PREAPPROVAL in the caller's transaction. The preapproval module decides what a hit does: a pre-approval with a hit is
 * not granted until an officer has dispositioned every hit FALSE_POSITIVE (see docs/instruments.md).
 */
@Service
public class RequesterScreening {

    private final PartyChecks checks;
    private final ScreeningHits hits;
    private final ScreeningProperties properties;
    private final Clock clock;

    RequesterScreening(PartyChecks checks, ScreeningHits hits, ScreeningProperties properties, Clock clock) {
        this.checks = checks;
        this.hits = hits;
        this.properties = properties;
        this.clock = clock;
    }

    /** What screening the requester found, and the audit event to append with the request's own. */
    public record Screened(boolean hit, List<ScreeningHit> newHits, AuditEntry audit) {}

    /**
     * Screens the company and its ultimate parent of pre-approval {@code id}; {@code countries} are those it covers (the
     * first, if any, is the country the names are screened with).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Screened screen(
            UUID id, CompanyName company, CompanyName parent, List<CountryCode> countries, String actor) {
        PartyChecks.Checked checked = checks.check(
                ScreeningHit.Subject.PREAPPROVAL,
                id,
                parties(company, parent, countries),
                ScreeningHit.FoundBy.REQUEST,
                clock.instant());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lists", checked.lists().described());
        payload.put("threshold", properties.threshold());
        payload.put("hit", checked.hit());
        payload.put("hits", checked.newHits().stream().map(ScreeningHit::id).toList());
        return new Screened(
                checked.hit(),
                checked.newHits(),
                new AuditEntry(actor, "screening.screened", "preapproval", id.toString(), payload));
    }

    /** The names screened for a requested company: itself and, when another, its ultimate parent. */
    static List<PartyChecks.Named> parties(CompanyName company, CompanyName parent, List<CountryCode> countries) {
        CountryCode country = countries.isEmpty() ? null : countries.get(0);
        List<PartyChecks.Named> parties = new ArrayList<>();
        parties.add(new PartyChecks.Named("COMPANY", company.display(), country));
        if (!parent.key().equals(company.key())) {
            parties.add(new PartyChecks.Named("ULTIMATE_PARENT", parent.display(), country));
        }
        return parties;
    }

    /** The hits recorded for a pre-approval, oldest first (its module authorizes the caller). */
    @Transactional(readOnly = true)
    public List<ScreeningHit> hitsOf(UUID id) {
        return hits.of(ScreeningHit.Subject.PREAPPROVAL, id);
    }

    /**
     * Why a pre-approval may not be granted yet because of its hits: one sentence per hit awaiting a disposition or
     * dispositioned TRUE_MATCH; empty when every hit is a false positive (or there is none).
     */
    @Transactional(readOnly = true)
    public List<String> blockingGrant(UUID id) {
        List<String> reasons = new ArrayList<>();
        for (ScreeningHit hit : hits.of(ScreeningHit.Subject.PREAPPROVAL, id)) {
            String what = "screening hit " + hit.id() + ": the " + hit.partyRole() + " '" + hit.partyName()
                    + "' resembles " + hit.listSource() + " entry " + hit.entryId() + " (\"" + hit.matchedName()
                    + "\")";
            if (!hit.dispositioned()) {
                reasons.add(what + " awaits an officer's disposition");
            } else if (hit.disposition() == Disposition.TRUE_MATCH) {
                reasons.add(what + " is a TRUE_MATCH: a restricted party is not pre-approved");
            }
        }
        return reasons;
    }
}
