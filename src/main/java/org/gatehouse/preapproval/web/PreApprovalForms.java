package org.gatehouse.preapproval.web;

import java.math.BigDecimal;
import java.util.List;

/** The request shapes of the pre-approval and inspection API, raw as clients send them. */
final class PreApprovalForms {

    private PreApprovalForms() {}

    /**
     * Ask for a pre-approval: the buyer company (a buyer names itself) and its ultimate parent (default: the company),
     * the countries and sites covered, the business-model disclosure, consent to on-site inspection and the validity
     * asked for ({@code yyyy-mm-dd}).
     */
    record Request(
            String company,
            String ultimateParent,
            List<String> countries,
            List<SiteForm> sites,
            DocumentForm disclosure,
            Boolean inspectionConsent,
            String validFrom,
            String validUntil) {}

    /** A site: a name unique within the pre-approval, its country (one of those covered) and address. */
    record SiteForm(String name, String country, String address) {}

    /** A document's metadata and the SHA-256 of its content. */
    record DocumentForm(String name, String mediaType, String sha256, BigDecimal sizeBytes) {}

    /** A step that needs only the version read (take into review). */
    record Version(Long version) {}

    /** Grant, with the officer's conditions and a validity (absent dates: those asked for). */
    record Grant(String conditions, String validFrom, String validUntil, Long version) {}

    /** Deny, with the reasons. */
    record Deny(String reasons, Long version) {}

    /** Suspend, reinstate or revoke, with the reason. */
    record Reason(String reason, Long version) {}

    /** Schedule an inspection of a site on a day, assigned to an inspector (absent: the calling inspector). */
    record Schedule(String site, String scheduledFor, String inspector) {}

    /** What an inspection found. */
    record Result(
            String performedOn,
            String outcome,
            String findings,
            String reportSha256,
            String remediationDueOn,
            Long version) {}
}
