package org.gatehouse.licensing;

import org.gatehouse.applications.ApplicationState;
import org.gatehouse.applications.ApplicationSubmitted;
import org.gatehouse.applications.ApplicationWithdrawn;
import org.gatehouse.identity.CurrentUser;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to applications: an EXEMPT submission opens no case but records an exemption awaiting its post-shipment
 * notifications; a withdrawn exempt application closes it. The events come through Spring Modulith's JDBC event
 * publication registry, so a crash between the submission's commit and this listener loses nothing; each reaction is
 * idempotent, so a publication delivered again changes nothing.
 */
@Component
class ExemptionRegistrar {

    static final CurrentUser SYSTEM = CurrentUser.system("system:licensing");

    private final ExemptionService exemptions;

    ExemptionRegistrar(ExemptionService exemptions) {
        this.exemptions = exemptions;
    }

    @ApplicationModuleListener
    void on(ApplicationSubmitted event) {
        if (event.state() == ApplicationState.EXEMPT) {
            exemptions.register(SYSTEM, event.applicationId(), event.submittedAt());
        }
    }

    @ApplicationModuleListener
    void on(ApplicationWithdrawn event) {
        if (event.from() == ApplicationState.EXEMPT) {
            exemptions.withdrawn(SYSTEM, event.applicationId());
        }
    }
}
