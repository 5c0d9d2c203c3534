package org.gatehouse.cases;

import org.gatehouse.applications.ApplicationSubmitted;
import org.gatehouse.applications.ApplicationWithdrawn;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The case workflow's reactions to applications: a case opens when an application is submitted for a licence, and
 * ends when the applicant withdraws it. Delivered after the submission commits, through the event publication
 * registry (a crash before the case opens replays the event at the next start).
 */
@Component
class CaseOpening {

    private final CaseService cases;

    CaseOpening(CaseService cases) {
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(ApplicationSubmitted submitted) {
        cases.open(submitted.applicationId());
    }

    @ApplicationModuleListener
    void on(ApplicationWithdrawn withdrawn) {
        cases.applicationWithdrawn(withdrawn.applicationId());
    }
}
