package org.gatehouse.revenueshare.web;

import java.net.URI;
import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.revenueshare.RevenueReport;
import org.gatehouse.revenueshare.RevenueShareService;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.OrganizationId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Revenue share of a licence ({@code /api/v1/licences/{number}/revenue-share…}) and of a holder
 * ({@code /api/v1/revenue-share/holders/{organization}}). Authorization is the service's.
 */
@RestController
class RevenueShareController {

    private final RevenueShareService shares;

    RevenueShareController(RevenueShareService shares) {
        this.shares = shares;
    }

    @GetMapping("/api/v1/licences/{number}/revenue-share")
    RevenueShareView.StatementView statement(CurrentUser caller, @PathVariable String number) {
        return RevenueShareView.StatementView.of(shares.statement(caller, number(number)));
    }

    /** A first report answers 201 Created, a correction 200 with the new version. */
    @PostMapping("/api/v1/licences/{number}/revenue-share/reports")
    ResponseEntity<RevenueShareView.ReportView> report(
            CurrentUser caller, @PathVariable String number, @RequestBody RevenueShareForms.Report body) {
        LicenceNumber licence = number(number);
        var bound = RevenueShareBinder.report(body);
        RevenueReport report = shares.report(caller, licence, bound.quarter(), bound.revenue(), bound.version());
        RevenueShareView.ReportView view = RevenueShareView.ReportView.of(report);
        if (report.version() == 1) {
            return ResponseEntity.created(URI.create(
                            "/api/v1/licences/" + licence.value() + "/revenue-share/reports/" + report.quarter()))
                    .body(view);
        }
        return ResponseEntity.ok(view);
    }

    @GetMapping("/api/v1/licences/{number}/revenue-share/reports/{quarter}")
    List<RevenueShareView.ReportView> versions(
            CurrentUser caller, @PathVariable String number, @PathVariable String quarter) {
        LicenceNumber licence = number(number);
        return shares.versions(caller, licence, RevenueShareBinder.quarter("quarter", quarter)).stream()
                .map(RevenueShareView.ReportView::of)
                .toList();
    }

    @PostMapping("/api/v1/licences/{number}/revenue-share/remittances")
    ResponseEntity<RevenueShareView.RemittanceView> remit(
            CurrentUser caller, @PathVariable String number, @RequestBody RevenueShareForms.Remittance body) {
        LicenceNumber licence = number(number);
        var bound = RevenueShareBinder.remittance(body);
        var remittance =
                shares.remit(caller, licence, bound.quarter(), bound.amount(), bound.paidOn(), bound.reference());
        return ResponseEntity.created(URI.create("/api/v1/licences/" + licence.value() + "/revenue-share"))
                .body(RevenueShareView.RemittanceView.of(remittance));
    }

    @GetMapping("/api/v1/revenue-share/holders/{organization}")
    RevenueShareView.HolderView holder(CurrentUser caller, @PathVariable String organization) {
        OrganizationId holder;
        try {
            holder = OrganizationId.parse(organization);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("organization", e.getMessage());
        }
        return RevenueShareView.HolderView.of(shares.holderBalance(caller, holder));
    }

    private static LicenceNumber number(String number) {
        try {
            return LicenceNumber.parse(number);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("number", e.getMessage());
        }
    }
}
