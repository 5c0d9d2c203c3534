package org.gatehouse.agreements;

import java.util.EnumSet;
import java.util.Set;
import org.gatehouse.cases.CaseFacts;
import org.gatehouse.cases.Evidence;
import org.gatehouse.cases.EvidenceSource;
import org.gatehouse.policy.Requirement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a case's G2G_AGREEMENT, SECURITY_COMMITMENTS and US_INVESTMENT_MATCH from the agreements recorded with its
 * destination, by {@link AgreementCoverage}'s rule, as of the decision's moment.
 */
@Component
class AgreementEvidence implements EvidenceSource {

    private final Agreements agreements;

    AgreementEvidence(Agreements agreements) {
        this.agreements = agreements;
    }

    @Override
    public Set<Requirement> answers() {
        return EnumSet.copyOf(AgreementCoverage.ANSWERS);
    }

    @Override
    @Transactional(readOnly = true)
    public Evidence evidence(Requirement requirement, CaseFacts facts) {
        return AgreementCoverage.evidence(requirement, facts, agreements.forCountry(facts.destination()));
    }
}
