package org.gatehouse.licensing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.Applications;
import org.gatehouse.applications.Registration;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.cases.ApprovedCase;
import org.gatehouse.cases.LicenceIssuer;
import org.gatehouse.ledger.Holding;
import org.gatehouse.ledger.Ledger;
import org.gatehouse.trade.Text;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the licence of an approved case ({@link LicenceIssuer}), in the decision's transaction: numbers it, takes the
 * holder, parties, lines, destination and site from the application, the conditions, validity, policy and assessment
 * from the case, records version 1 and audits. The decision has already moved the case's compute to AUTHORIZED; the
 * licence's lines must account for exactly that compute, or the approval fails with it.
 */
@Component
class LicenceIssuance implements LicenceIssuer {

    private final Licences licences;
    private final Applications applications;
    private final Ledger ledger;
    private final AuditLog audit;

    LicenceIssuance(Licences licences, Applications applications, Ledger ledger, AuditLog audit) {
        this.licences = licences;
        this.applications = applications;
        this.ledger = ledger;
        this.audit = audit;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(ApprovedCase approved) {
        licences.numberOf(approved.applicationId()).ifPresent(existing -> {
            throw new IllegalStateException(
                    "application " + approved.applicationId() + " already has licence " + existing);
        });
        Application application = applications
                .find(approved.applicationId())
                .orElseThrow(() -> new IllegalStateException(
                        "approved application " + approved.applicationId() + " does not exist"));
        Registration registration = application.registration();
        if (registration == null || !application.organizationId().equals(approved.holder())) {
            throw new IllegalStateException("application " + approved.applicationId()
                    + " is not a submitted application of organization " + approved.holder());
        }
        ItemLines lines = ItemLines.of(approved.content().lines());
        if (lines.tpp() != approved.authorizedTpp().value()) {
            throw new IllegalStateException("the lines of application " + approved.applicationId() + " account for "
                    + lines.tpp() + " TPP, but the approval authorized "
                    + approved.authorizedTpp().value());
        }
        Holding holding = ledger.holding(approved.applicationId());
        if (holding.authorized().compareTo(approved.authorizedTpp()) < 0) {
            throw new IllegalStateException("application " + approved.applicationId() + " holds "
                    + holding.authorized() + " authorized, less than the " + approved.authorizedTpp()
                    + " its licence would draw");
        }
        LocalDate validFrom = LocalDate.ofInstant(approved.approvedAt(), ZoneOffset.UTC);
        Licence licence = Licence.issue(new Licence.Issue(
                licences.nextNumber(validFrom.getYear()),
                approved.applicationId(),
                approved.holder(),
                approved.content(),
                approved.policy(),
                registration.tier(),
                approved.assessmentJson(),
                registration.applicantAssessmentJson(),
                approved.conditions(),
                Text.optional(approved.officerConditions(), Amendment.OFFICER_CONDITIONS_CHARS_MAX),
                approved.approvedBy(),
                approved.approvedAt(),
                validFrom,
                approved.validUntil()));
        licences.insert(licence);
        licences.insertVersion(new LicenceVersion(
                licence.number(),
                licence.version(),
                "issued",
                licence.terms(),
                null,
                approved.approvedBy(),
                approved.approvedAt(),
                null));
        audit.append(LicensingAudit.issued(approved.approvedBy(), licence));
        return licence.number().value();
    }
}
