package org.gatehouse.agreements.web;

import java.math.BigDecimal;
import java.util.List;

/** The request shapes of the agreement API, raw as clients send them (amounts as JSON numbers, dates yyyy-mm-dd). */
final class AgreementForms {

    private AgreementForms() {}

    /**
     * Record an agreement as negotiated: country, title, signatories, the investment commitment, an optional compute
     * allocation in whole GB300e, and optionally its first security commitments and tranches.
     */
    record Create(
            String country,
            String title,
            List<String> signatories,
            InvestmentForm investment,
            BigDecimal allocationGb300e,
            List<String> securityCommitments,
            List<TrancheForm> tranches) {}

    /** The pledged US investment, the matching ratio (absent: the policy's) and the home investment it matches. */
    record InvestmentForm(BigDecimal pledgedUsd, BigDecimal matchingRatio, BigDecimal homeInvestmentUsd) {}

    /** A tranche: an amount due by a day. */
    record TrancheForm(String dueOn, BigDecimal amountUsd) {}

    record Sign(String signedOn, Long version) {}

    record InForce(String inForceOn, Long version) {}

    record Terminate(String terminatedOn, String reason, Long version) {}

    record Commitment(String text, Long version) {}

    record CommitmentStatus(String status, String note, Long version) {}

    record Tranche(String dueOn, BigDecimal amountUsd, Long version) {}

    record Realization(BigDecimal amountUsd, String realizedOn, String evidenceSha256, Long version) {}
}
