package org.gatehouse.screening.server;

import java.util.List;
import java.util.Set;
import org.gatehouse.cases.CaseFacts;
import org.gatehouse.cases.Evidence;
import org.gatehouse.cases.EvidenceSource;
import org.gatehouse.policy.Requirement;
import org.gatehouse.screening.Disposition;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.ScreeningHits;
import org.springframework.stereotype.Component;

/**
 * Screening answers for SCREENING_REVIEW: it is met when every hit of the application has been dispositioned a false
 * positive by an officer; a pending hit or a true match leaves it missing.
 */
@Component
class ScreeningEvidence implements EvidenceSource {

    private final ScreeningHits hits;

    ScreeningEvidence(ScreeningHits hits) {
        this.hits = hits;
    }

    @Override
    public Set<Requirement> answers() {
        return Set.of(Requirement.SCREENING_REVIEW);
    }

    @Override
    public Evidence evidence(Requirement requirement, CaseFacts facts) {
        List<ScreeningHit> found =
                hits.of(ScreeningHit.Subject.APPLICATION, facts.applicationId().value());
        if (found.isEmpty()) {
            return new Evidence.Present(requirement, "no screening hit is recorded for the application");
        }
        for (ScreeningHit hit : found) {
            if (hit.disposition() == Disposition.TRUE_MATCH) {
                return new Evidence.Missing(
                        requirement,
                        "hit " + hit.id() + " is a true match (" + hit.listSource() + " " + hit.entryId()
                                + "): the application is prohibited");
            }
        }
        List<ScreeningHit> pending =
                found.stream().filter(h -> !h.dispositioned()).toList();
        if (!pending.isEmpty()) {
            ScreeningHit first = pending.getFirst();
            return new Evidence.Missing(
                    requirement,
                    pending.size() + " screening hit" + (pending.size() == 1 ? "" : "s")
                            + " await an officer's disposition (first: hit " + first.id() + ", " + first.partyRole()
                            + " '" + first.partyName() + "' ~ " + first.listSource() + " " + first.entryId() + " \""
                            + first.matchedName() + "\")");
        }
        return new Evidence.Present(
                requirement,
                "every screening hit is cleared as a false positive: "
                        + String.join(
                                "; ",
                                found.stream()
                                        .map(h -> "hit " + h.id() + " by " + h.dispositionedBy() + " on "
                                                + h.dispositionedAt() + " ('" + h.reason() + "')")
                                        .toList()));
    }
}
