package org.gatehouse.agreements;

import java.time.Instant;
import java.util.Map;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.licensing.UnshippedRelease;
import org.gatehouse.trade.ApplicationId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives back to a government agreement's allocation what a tier-3 licence drew from it and released unshipped (revoked,
 * expired, amended down), in the licence's transaction: one guarded update ({@link Agreements#giveBack}) that never
 * returns more than the application drew, audited with the drawn total before and after.
 */
@Component
class AllocationReturn implements UnshippedRelease {

    private final Agreements agreements;
    private final AuditLog audit;

    AllocationReturn(Agreements agreements, AuditLog audit) {
        this.agreements = agreements;
        this.audit = audit;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void released(ApplicationId application, long tpp, String cause, String by, Instant at) {
        var draw = agreements.drawOf(application);
        if (draw.isEmpty() || draw.get().heldTpp() == 0) {
            return;
        }
        AgreementId agreement = draw.get().agreement();
        long before = agreements.drawnTpp(agreement);
        long returned = agreements.giveBack(application, tpp, by, at);
        if (returned == 0) {
            return;
        }
        audit.append(AgreementAudit.allocation(
                by,
                "agreement.allocation_returned",
                agreement,
                before,
                before - returned,
                Map.of("application", application.toString(), "tpp", returned, "cause", cause)));
    }
}
