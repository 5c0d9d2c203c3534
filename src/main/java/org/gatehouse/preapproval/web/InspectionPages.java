package org.gatehouse.preapproval.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.preapproval.Inspection;
import org.gatehouse.preapproval.InspectionId;
import org.gatehouse.preapproval.InspectionOutcome;
import org.gatehouse.preapproval.InspectionState;
import org.gatehouse.preapproval.PreApprovalService;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebForms;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /inspections}: the inspections the caller may see, the soonest first (an inspector's own, a buyer's schedule
 * and outcomes, every one for the authority), paged by the database and filtered by state; an inspection's page, with
 * the form its assigned inspector records the outcome with (the report's SHA-256 typed, or computed by the server from
 * the uploaded report). Checked by {@link PreApprovalBinder} and recorded by {@link PreApprovalService}, as the API.
 */
@Controller
@WebPage
class InspectionPages {

    static final int PAGE_ROWS = 25;

    private final PreApprovalService preApprovals;
    private final Clock clock;

    InspectionPages(PreApprovalService preApprovals, Clock clock) {
        this.preApprovals = preApprovals;
        this.clock = clock;
    }

    @GetMapping("/inspections")
    String list(
            CurrentUser caller,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer page,
            Model model) {
        InspectionState stateFilter = WebForms.constant(InspectionState.class, state);
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, Paging.OFFSET_MAX / PAGE_ROWS);
        List<Inspection> found = preApprovals.inspections(
                caller, null, stateFilter, new Paging(PAGE_ROWS + 1, (pageNumber - 1) * PAGE_ROWS));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute(
                "rows",
                found.subList(0, Math.min(found.size(), PAGE_ROWS)).stream()
                        .map(i -> InspectionView.of(i, today))
                        .toList());
        model.addAttribute("hasNext", found.size() > PAGE_ROWS);
        model.addAttribute("page", pageNumber);
        model.addAttribute("state", stateFilter == null ? "" : stateFilter.name());
        model.addAttribute("states", InspectionState.values());
        model.addAttribute("today", today);
        model.addAttribute(
                "title",
                caller.roles().contains(Role.INSPECTOR)
                                && !(caller.roles().contains(Role.OFFICER)
                                        || caller.roles().contains(Role.AUDITOR))
                        ? "Your inspections"
                        : (caller.roles().contains(Role.BUYER) || caller.roles().contains(Role.APPLICANT))
                                ? "Inspection schedule"
                                : "Inspections");
        return "inspections/list";
    }

    @GetMapping("/inspections/{id}")
    String show(CurrentUser caller, @PathVariable String id, Model model) {
        InspectionId inspection = parseId(id);
        Map<String, String> values = Map.of("performedOn", LocalDate.now(clock).toString());
        return page(caller, inspection, model, values, FieldErrors.none());
    }

    @PostMapping("/inspections/{id}/result")
    String record(
            CurrentUser caller,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(required = false) MultipartFile reportFile,
            Model model,
            RedirectAttributes redirect) {
        InspectionId inspection = parseId(id);
        WebForms.Uploaded report = WebForms.read(reportFile);
        String versionText = WebForms.text(parameters, "version");
        Long version =
                versionText == null ? null : versionText.matches("[0-9]{1,18}") ? Long.parseLong(versionText) : -1L;
        try {
            var bound = PreApprovalBinder.result(new PreApprovalForms.Result(
                    WebForms.text(parameters, "performedOn"),
                    WebForms.text(parameters, "outcome"),
                    WebForms.text(parameters, "findings"),
                    report != null ? report.sha256() : WebForms.text(parameters, "reportSha256"),
                    WebForms.text(parameters, "remediationDueOn"),
                    version));
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
            redirect.addFlashAttribute("notice", notice(recorded));
        } catch (InvalidInputException refused) {
            return page(caller, inspection, model, WebForms.values(parameters), FieldErrors.of(refused));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", FieldErrors.sentence(refused.getMessage()));
        }
        return "redirect:/inspections/" + inspection;
    }

    private static String notice(PreApprovalService.Recorded recorded) {
        Inspection.Result result = recorded.inspection().result();
        return switch (result.outcome()) {
            case SATISFACTORY -> "The inspection was recorded as satisfactory.";
            case FINDINGS ->
                "The inspection was recorded with findings; remediation is due by " + result.remediationDueOn() + ".";
            case FAILED ->
                "The inspection was recorded as failed: the pre-approval "
                        + (recorded.suspended() ? "was suspended" : "stays as it was")
                        + ", and " + recorded.flaggedCases() + " open case(s) were flagged.";
        };
    }

    private String page(
            CurrentUser caller, InspectionId id, Model model, Map<String, String> values, FieldErrors errors) {
        Inspection inspection = preApprovals.inspection(caller, id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("i", InspectionView.of(inspection, today));
        // The pre-approval's company, when the caller may see it (an inspector sees those assigned to it).
        String company;
        try {
            company = preApprovals
                    .get(caller, inspection.preApprovalId())
                    .preApproval()
                    .request()
                    .company()
                    .display();
        } catch (NotFoundException e) {
            company = null;
        }
        model.addAttribute("company", company);
        model.addAttribute(
                "mayRecord",
                caller.roles().contains(Role.INSPECTOR)
                        && inspection.inspector().equals(caller.actor())
                        && inspection.state() == InspectionState.SCHEDULED);
        model.addAttribute("outcomes", InspectionOutcome.values());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "inspections/show";
    }

    private static InspectionId parseId(String id) {
        try {
            return InspectionId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("inspection", id);
        }
    }
}
