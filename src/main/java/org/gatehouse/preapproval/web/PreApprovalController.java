package org.gatehouse.preapproval.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.preapproval.Inspection;
import org.gatehouse.preapproval.PreApprovalFilter;
import org.gatehouse.preapproval.PreApprovalId;
import org.gatehouse.preapproval.PreApprovalService;
import org.gatehouse.preapproval.PreApprovalState;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/preapprovals}: buyer pre-approvals and the scheduling of their inspections. Authorization is the service's. */
@RestController
@RequestMapping("/api/v1/preapprovals")
class PreApprovalController {

    private final PreApprovalService preApprovals;
    private final Clock clock;

    PreApprovalController(PreApprovalService preApprovals, Clock clock) {
        this.preApprovals = preApprovals;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<PreApprovalView> request(CurrentUser caller, @RequestBody PreApprovalForms.Request body) {
        PreApprovalView view = view(preApprovals.request(caller, PreApprovalBinder.request(body)));
        return ResponseEntity.created(URI.create("/api/v1/preapprovals/" + view.id()))
                .body(view);
    }

    @GetMapping
    List<PreApprovalView> list(
            CurrentUser caller,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String company,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        InputCheck check = new InputCheck();
        PreApprovalState stateFilter =
                check.field("state", () -> state == null ? null : Fields.named(PreApprovalState.class, state));
        String companyKey = check.field(
                "company",
                () -> company == null ? null : CompanyName.of(company).key());
        CountryCode countryFilter = check.field("country", () -> country == null ? null : CountryCode.of(country));
        check.throwIfInvalid();
        return preApprovals
                .list(
                        caller,
                        new PreApprovalFilter(stateFilter, companyKey, countryFilter, null, null, null),
                        Paging.of(limit, offset))
                .stream()
                .map(this::view)
                .toList();
    }

    @GetMapping("/{id}")
    PreApprovalView get(CurrentUser caller, @PathVariable String id) {
        return view(preApprovals.get(caller, parseId(id)));
    }

    @PostMapping("/{id}/review")
    PreApprovalView review(CurrentUser caller, @PathVariable String id, @RequestBody PreApprovalForms.Version body) {
        PreApprovalId preApproval = parseId(id);
        return view(preApprovals.review(caller, preApproval, PreApprovalBinder.version(body)));
    }

    @PostMapping("/{id}/grant")
    PreApprovalView grant(CurrentUser caller, @PathVariable String id, @RequestBody PreApprovalForms.Grant body) {
        PreApprovalId preApproval = parseId(id);
        var bound = PreApprovalBinder.grant(body);
        return view(preApprovals.grant(
                caller,
                preApproval,
                bound.value().conditions(),
                bound.value().validFrom(),
                bound.value().validUntil(),
                bound.version()));
    }

    @PostMapping("/{id}/deny")
    PreApprovalView deny(CurrentUser caller, @PathVariable String id, @RequestBody PreApprovalForms.Deny body) {
        PreApprovalId preApproval = parseId(id);
        var bound = PreApprovalBinder.deny(body);
        return view(preApprovals.deny(caller, preApproval, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/suspend")
    PreApprovalView suspend(CurrentUser caller, @PathVariable String id, @RequestBody PreApprovalForms.Reason body) {
        PreApprovalId preApproval = parseId(id);
        var bound = PreApprovalBinder.reason(body);
        return view(preApprovals.suspend(caller, preApproval, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/reinstate")
    PreApprovalView reinstate(CurrentUser caller, @PathVariable String id, @RequestBody PreApprovalForms.Reason body) {
        PreApprovalId preApproval = parseId(id);
        var bound = PreApprovalBinder.reason(body);
        return view(preApprovals.reinstate(caller, preApproval, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/revoke")
    PreApprovalView revoke(CurrentUser caller, @PathVariable String id, @RequestBody PreApprovalForms.Reason body) {
        PreApprovalId preApproval = parseId(id);
        var bound = PreApprovalBinder.reason(body);
        return view(preApprovals.revoke(caller, preApproval, bound.value(), bound.version()));
    }

    /** Schedules an inspection of one of its sites. */
    @PostMapping("/{id}/inspections")
    ResponseEntity<InspectionView> schedule(
            CurrentUser caller, @PathVariable String id, @RequestBody PreApprovalForms.Schedule body) {
        PreApprovalId preApproval = parseId(id);
        var bound = PreApprovalBinder.schedule(body);
        Inspection scheduled =
                preApprovals.schedule(caller, preApproval, bound.site(), bound.scheduledFor(), bound.inspector());
        return ResponseEntity.created(URI.create("/api/v1/inspections/" + scheduled.id()))
                .body(InspectionView.of(scheduled, LocalDate.now(clock)));
    }

    private PreApprovalView view(PreApprovalService.Viewed viewed) {
        return PreApprovalView.of(viewed, LocalDate.now(clock));
    }

    static PreApprovalId parseId(String id) {
        try {
            return PreApprovalId.parse(id);
        } catch (IllegalArgumentException e) {
            throw Fields.badId("id", e);
        }
    }
}
