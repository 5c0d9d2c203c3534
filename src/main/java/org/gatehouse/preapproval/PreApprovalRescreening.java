package org.gatehouse.preapproval;

import java.util.List;
import java.util.UUID;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.server.RescreenSource;
import org.springframework.stereotype.Component;

/**
 * The granted (and reinstated) pre-approvals, for the screening module to screen their buyers again when new list
 * versions are imported: a new hit is listed on the pre-approval for an officer's disposition.
 */
@Component
class PreApprovalRescreening implements RescreenSource {

    private final PreApprovals preApprovals;

    PreApprovalRescreening(PreApprovals preApprovals) {
        this.preApprovals = preApprovals;
    }

    @Override
    public ScreeningHit.Subject subject() {
        return ScreeningHit.Subject.PREAPPROVAL;
    }

    @Override
    public List<Subject> after(UUID after, int limit) {
        return preApprovals.granted(after == null ? null : new PreApprovalId(after), limit).stream()
                .map(p -> new Subject(
                        p.id().value(),
                        p.request().company(),
                        p.request().ultimateParent(),
                        p.request().countries()))
                .toList();
    }
}
