package org.gatehouse.preapproval;

import java.util.EnumSet;
import java.util.Set;
import org.gatehouse.cases.CaseFacts;
import org.gatehouse.cases.Evidence;
import org.gatehouse.cases.EvidenceSource;
import org.gatehouse.policy.Requirement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a case's BUYER_PREAPPROVAL, BUSINESS_MODEL_DISCLOSURE and SITE_INSPECTION_CONSENT from the pre-approvals
 * recorded for its ultimate parent, by {@link PreApprovalCoverage}'s rule, as of the decision's moment.
 */
@Component
class PreApprovalEvidence implements EvidenceSource {

    private final PreApprovals preApprovals;

    PreApprovalEvidence(PreApprovals preApprovals) {
        this.preApprovals = preApprovals;
    }

    @Override
    public Set<Requirement> answers() {
        return EnumSet.copyOf(PreApprovalCoverage.ANSWERS);
    }

    @Override
    @Transactional(readOnly = true)
    public Evidence evidence(Requirement requirement, CaseFacts facts) {
        return PreApprovalCoverage.evidence(
                requirement,
                facts,
                preApprovals.forParent(facts.ultimateParent().key()));
    }
}
