package org.gatehouse.preapproval.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.preapproval.InspectionId;
import org.gatehouse.preapproval.InspectionState;
import org.gatehouse.preapproval.PreApprovalId;
import org.gatehouse.preapproval.PreApprovalService;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inspections}: on-site inspections and their results. Authorization is the service's. */
@RestController
@RequestMapping("/api/v1/inspections")
class InspectionController {

    private final PreApprovalService preApprovals;
    private final Clock clock;

    InspectionController(PreApprovalService preApprovals, Clock clock) {
        this.preApprovals = preApprovals;
        this.clock = clock;
    }

    /** What recording an inspection did. */
    record RecordedView(
            InspectionView inspection,
            PreApprovalView preApproval,
            boolean suspended,
            int flaggedCases,
            int flaggedLicences) {}

    @GetMapping
    List<InspectionView> list(
            CurrentUser caller,
            @RequestParam(required = false) String preApproval,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        InputCheck check = new InputCheck();
        PreApprovalId of =
                check.field("preApproval", () -> preApproval == null ? null : PreApprovalId.parse(preApproval));
        InspectionState stateFilter =
                check.field("state", () -> state == null ? null : Fields.named(InspectionState.class, state));
        check.throwIfInvalid();
        LocalDate today = LocalDate.now(clock);
        return preApprovals.inspections(caller, of, stateFilter, Paging.of(limit, offset)).stream()
                .map(i -> InspectionView.of(i, today))
                .toList();
    }

    @GetMapping("/{id}")
    InspectionView get(CurrentUser caller, @PathVariable String id) {
        return InspectionView.of(preApprovals.inspection(caller, parseId(id)), LocalDate.now(clock));
    }

    /** The assigned inspector records the result. */
    @PostMapping("/{id}/result")
    RecordedView record(CurrentUser caller, @PathVariable String id, @RequestBody PreApprovalForms.Result body) {
        InspectionId inspection = parseId(id);
        var bound = PreApprovalBinder.result(body);
        var found = bound.value();
        PreApprovalService.Recorded recorded = preApprovals.record(
                caller,
                inspection,
                found.performedOn(),
                found.outcome(),
                found.findings(),
                found.reportSha256(),
                found.remediationDueOn(),
                bound.version());
        LocalDate today = LocalDate.now(clock);
        return new RecordedView(
                InspectionView.of(recorded.inspection(), today),
                PreApprovalView.of(
                        new PreApprovalService.Viewed(
                                recorded.preApproval(), recorded.preApproval().standing(today), List.of(), true),
                        today),
                recorded.suspended(),
                recorded.flaggedCases(),
                recorded.flaggedLicences());
    }

    private static InspectionId parseId(String id) {
        try {
            return InspectionId.parse(id);
        } catch (IllegalArgumentException e) {
            throw Fields.badId("id", e);
        }
    }
}
