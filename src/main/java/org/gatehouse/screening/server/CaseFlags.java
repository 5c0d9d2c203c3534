package org.gatehouse.screening.server;

import java.util.List;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.cases.CaseOpened;
import org.gatehouse.cases.CaseService;
import org.gatehouse.policy.Requirement;
import org.gatehouse.screening.CompanyRegister;
import org.gatehouse.screening.RegisterMatch;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.ScreeningHits;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Raises on a case, once it opens, what screening found at submission that the assessment does not carry: each
 * possible second spelling of a registered company (POSSIBLE_SAME_COMPANY), and — when the policy added no
 * SCREENING_REVIEW for them — the pending screening hits.
 */
@Component
class CaseFlags {

    private final CaseService cases;
    private final ApplicationService applications;
    private final CompanyRegister register;
    private final ScreeningHits hits;

    CaseFlags(CaseService cases, ApplicationService applications, CompanyRegister register, ScreeningHits hits) {
        this.cases = cases;
        this.applications = applications;
        this.register = register;
        this.hits = hits;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        for (RegisterMatch match : register.matchesOf(opened.applicationId())) {
            if (match.state() == RegisterMatch.State.PENDING) {
                cases.flag(opened.applicationId(), match.flag(), "POSSIBLE_SAME_COMPANY", reason(match), "system");
            }
        }
        List<Requirement> requirements =
                applications.registered(opened.applicationId()).registration().requirements();
        if (!requirements.contains(Requirement.SCREENING_REVIEW)) {
            for (ScreeningHit hit : hits.of(
                    ScreeningHit.Subject.APPLICATION, opened.applicationId().value())) {
                if (!hit.dispositioned()) {
                    cases.flag(
                            opened.applicationId(),
                            ScreeningService.flag(hit),
                            "SCREENING_HIT",
                            hit.partyRole() + " '" + hit.partyName() + "' resembles " + hit.listSource() + " "
                                    + hit.entryId() + " \"" + hit.matchedName() + "\"; disposition hit " + hit.id(),
                            "system");
                }
            }
        }
    }

    static String reason(RegisterMatch match) {
        return String.format(
                java.util.Locale.ROOT,
                "%s '%s' may be the registered company '%s' (%.3f: %s); confirm or separate match %d",
                String.join(" and ", match.roles()),
                match.name(),
                match.companyName(),
                match.score(),
                match.explanation(),
                match.id());
    }
}
