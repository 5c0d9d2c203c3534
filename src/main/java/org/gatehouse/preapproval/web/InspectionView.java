package org.gatehouse.preapproval.web;

import java.time.Instant;
import java.time.LocalDate;
import org.gatehouse.preapproval.Inspection;

/** An inspection as the API shows it: the site, the day, the inspector, and what was found once recorded. */
record InspectionView(
        String id,
        String preApproval,
        String state,
        long version,
        PreApprovalView.SiteView site,
        LocalDate scheduledFor,
        String inspector,
        Instant scheduledAt,
        Result result) {

    /** What was found; {@code remediationOverdue} once the due date of FINDINGS has passed. */
    record Result(
            LocalDate performedOn,
            String outcome,
            String findings,
            String reportSha256,
            LocalDate remediationDueOn,
            boolean remediationOverdue,
            Instant recordedAt) {}

    static InspectionView of(Inspection i, LocalDate today) {
        Inspection.Result r = i.result();
        return new InspectionView(
                i.id().toString(),
                i.preApprovalId().toString(),
                i.state().name(),
                i.version(),
                new PreApprovalView.SiteView(
                        i.site().name(), i.site().country().value(), i.site().address()),
                i.scheduledFor(),
                i.inspector(),
                i.scheduledAt(),
                r == null
                        ? null
                        : new Result(
                                r.performedOn(),
                                r.outcome().name(),
                                r.findings(),
                                r.reportSha256(),
                                r.remediationDueOn(),
                                i.remediationOverdue(today),
                                r.recordedAt()));
    }
}
