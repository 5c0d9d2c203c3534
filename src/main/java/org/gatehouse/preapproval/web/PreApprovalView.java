package org.gatehouse.preapproval.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.preapproval.PreApproval;
import org.gatehouse.preapproval.PreApprovalService;
import org.gatehouse.trade.CountryCode;

/**
 * A pre-approval as the API shows it: what was asked for, where it stands today ({@code standing}: EXPIRED once past
 * its validity, even before the job records it), the grant, and its latest inspections when read alone. Buyers and
 * exporters do not see which officer acted.
 */
record PreApprovalView(
        String id,
        String state,
        String standing,
        long version,
        String requesterRole,
        String requestedBy,
        String requestedByUser,
        Instant requestedAt,
        String company,
        String companyKey,
        String ultimateParent,
        String ultimateParentKey,
        List<String> countries,
        List<SiteView> sites,
        Document disclosure,
        boolean inspectionConsent,
        Validity requestedValidity,
        String conditions,
        Validity validity,
        String reason,
        Instant changedAt,
        String changedBy,
        List<InspectionView> inspections) {

    record SiteView(String name, String country, String address) {}

    record Document(String name, String mediaType, String sha256, long sizeBytes) {}

    record Validity(LocalDate from, LocalDate until) {}

    static PreApprovalView of(PreApprovalService.Viewed viewed, LocalDate today) {
        PreApproval p = viewed.preApproval();
        var r = p.request();
        return new PreApprovalView(
                p.id().toString(),
                p.state().name(),
                viewed.standing().name(),
                p.version(),
                p.requesterRole().name(),
                p.requestedBy().toString(),
                p.requestedByUser(),
                p.requestedAt(),
                r.company().display(),
                r.company().key(),
                r.ultimateParent().display(),
                r.ultimateParent().key(),
                r.countries().stream().map(CountryCode::value).toList(),
                r.sites().stream()
                        .map(s -> new SiteView(s.name(), s.country().value(), s.address()))
                        .toList(),
                new Document(
                        r.disclosure().name(),
                        r.disclosure().mediaType(),
                        r.disclosure().sha256(),
                        r.disclosure().sizeBytes()),
                r.inspectionConsent(),
                new Validity(r.validFrom(), r.validUntil()),
                p.conditions(),
                p.validFrom() == null ? null : new Validity(p.validFrom(), p.validUntil()),
                p.reason(),
                p.changedAt(),
                viewed.authority() ? p.changedBy() : null,
                viewed.inspections().stream()
                        .map(i -> InspectionView.of(i, today))
                        .toList());
    }
}
