package org.gatehouse.revenueshare.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.revenueshare.Remittance;
import org.gatehouse.revenueshare.RevenueReport;
import org.gatehouse.revenueshare.RevenueShareService;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebForms;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.FieldProblem;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Revenue share in the browser: the forms of the licence page's revenue-share part ({@link RevenueShareLicenceSection})
 * — the holder reports or corrects a quarter's revenue, an officer records a remittance — and the revenue-share page
 * {@code /licences/revenue-share}: a holder's balance across its licences and what is overdue, or every holder's for
 * officers and auditors. It lives under {@code /licences} (reached from the licence list and the home page) so that
 * the navigation stays short.
 *
 * <p>Each form posts with the API's field names, is checked by the same {@link RevenueShareBinder} and changes through
 * the same {@link RevenueShareService} as the API, which authorizes and audits. The answer is the licence page again
 * (post/redirect/get) with what happened, or with each refused field's message beside it and what was typed, nothing
 * changed; a refusal of the whole request (the quarter not over, a stale version) is said on the page.
 */
@Controller
@WebPage
class RevenueSharePages {

    /** Rows per page of the revenue-share page's tables. */
    static final int PAGE_ROWS = 25;

    private final RevenueShareService shares;

    RevenueSharePages(RevenueShareService shares) {
        this.shares = shares;
    }

    @PostMapping("/licences/{number}/revenue-share/reports")
    String report(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam MultiValueMap<String, String> parameters,
            RedirectAttributes redirect) {
        LicenceNumber licence = number(number);
        List<FieldProblem> problems = new ArrayList<>();
        return act(licence, "report", parameters, problems, redirect, () -> {
            BigDecimal revenue = WebForms.number(WebForms.text(parameters, "revenueUsd"), "revenueUsd", problems);
            String quarter = WebForms.text(parameters, "quarter");
            // The version of the chosen quarter's report as the page showed it: absent, a first report.
            Long version = quarter == null ? null : version(WebForms.text(parameters, "version." + quarter));
            var bound = RevenueShareBinder.report(new RevenueShareForms.Report(quarter, revenue, version));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            RevenueReport report = shares.report(caller, licence, bound.quarter(), bound.revenue(), bound.version());
            return "Revenue of " + report.quarter() + " " + (report.version() == 1 ? "reported" : "corrected") + ": "
                    + report.revenue().display() + " at rate " + report.rate().toPlainString() + ", "
                    + report.due().display() + " due by " + report.dueOn() + ".";
        });
    }

    @PostMapping("/licences/{number}/revenue-share/remittances")
    String remit(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam MultiValueMap<String, String> parameters,
            RedirectAttributes redirect) {
        LicenceNumber licence = number(number);
        List<FieldProblem> problems = new ArrayList<>();
        return act(licence, "remit", parameters, problems, redirect, () -> {
            BigDecimal amount = WebForms.number(WebForms.text(parameters, "amountUsd"), "amountUsd", problems);
            var bound = RevenueShareBinder.remittance(new RevenueShareForms.Remittance(
                    WebForms.text(parameters, "quarter"),
                    amount,
                    WebForms.text(parameters, "paidOn"),
                    WebForms.text(parameters, "reference")));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Remittance remittance =
                    shares.remit(caller, licence, bound.quarter(), bound.amount(), bound.paidOn(), bound.reference());
            return "Remittance of " + remittance.amount().display() + " for " + remittance.quarter() + " recorded ("
                    + remittance.reference() + "); the balance below is what remains.";
        });
    }

    /** Binds and changes; back to the licence page with a notice, a refused form's fields, or a refused step. */
    private static String act(
            LicenceNumber licence,
            String form,
            MultiValueMap<String, String> parameters,
            List<FieldProblem> problems,
            RedirectAttributes redirect,
            Supplier<String> change) {
        String page = "redirect:/licences/" + licence;
        try {
            redirect.addFlashAttribute("notice", change.get());
            return page + "#revenue-share";
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("revenueFailed", form);
            redirect.addFlashAttribute("revenueErrors", WebForms.merged(problems, refused));
            redirect.addFlashAttribute("revenueValues", WebForms.values(parameters));
            return page + "#revenue-" + form + "-form";
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", FieldErrors.sentence(refused.getMessage()));
            return page + "#revenue-share";
        }
    }

    /**
     * The revenue-share page: an exporter's applicant sees its organization's balance, officers and auditors every
     * holder's; the overdue periods first, then each licence with revenue share (paged).
     */
    @GetMapping("/licences/revenue-share")
    String page(CurrentUser caller, @RequestParam(required = false) Integer page, Model model) {
        // What to show is chosen here; who may read it is the service's rule (anyone else: 404).
        boolean authority =
                caller.roles().contains(Role.OFFICER) || caller.roles().contains(Role.AUDITOR);
        RevenueShareService.HolderBalance balance =
                authority ? shares.allHolders(caller) : shares.holderBalance(caller, caller.organizationId());
        List<RevenueSharePageViews.OverdueRow> overdue = RevenueSharePageViews.overdue(balance.licences());
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, Paging.OFFSET_MAX / PAGE_ROWS);
        int from = Math.min((pageNumber - 1) * PAGE_ROWS, balance.licences().size());
        int to = Math.min(from + PAGE_ROWS, balance.licences().size());
        model.addAttribute("authority", authority);
        model.addAttribute("title", authority ? "Revenue share" : "Your revenue share");
        model.addAttribute("on", balance.on().toString());
        model.addAttribute("due", balance.due().display());
        model.addAttribute("remitted", balance.remitted().display());
        model.addAttribute("balance", balance.balance().display());
        model.addAttribute("overdueCount", balance.overdue());
        model.addAttribute("overdue", overdue.subList(0, Math.min(overdue.size(), PAGE_ROWS)));
        model.addAttribute("overdueMore", overdue.size() > PAGE_ROWS);
        model.addAttribute(
                "rows",
                balance.licences().subList(from, to).stream()
                        .map(RevenueSharePageViews::account)
                        .toList());
        model.addAttribute("count", balance.licences().size());
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasNext", to < balance.licences().size());
        model.addAttribute("truncated", balance.truncated());
        return "revenueshare/page";
    }

    /** The version posted; a malformed one is left to the binder, which names it. */
    private static Long version(String text) {
        if (text == null) {
            return null;
        }
        return text.matches("[0-9]{1,18}") ? Long.parseLong(text) : -1L;
    }

    private static LicenceNumber number(String number) {
        try {
            return LicenceNumber.parse(number);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("licence", number); // a malformed address is a page that does not exist
        }
    }
}
