package org.gatehouse.screening.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.screening.server.RegisterService;
import org.gatehouse.screening.server.ScreeningService;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screening forms of the case page ({@link ScreeningCaseSection}): an officer's disposition of a hit, and the
 * confirmation or separation of a possible second spelling of a registered company; and the disposition of a hit on a
 * pre-approval's requester, shown on the pre-approval's page. Each posts with the API's field
 * names, is checked by the same {@link ScreeningBinder} and changes through the same service as the API; the answer is
 * the case page again (post/redirect/get) with what happened, or with each refused field's message beside it and what
 * was typed. Who may do it is the service's to decide.
 */
@Controller
@WebPage
class ScreeningPages {

    private final ScreeningService screening;
    private final RegisterService register;

    ScreeningPages(ScreeningService screening, RegisterService register) {
        this.screening = screening;
        this.register = register;
    }

    /** Blank fields are absent fields, as a JSON body that leaves them out. */
    @InitBinder
    void binding(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @PostMapping("/cases/{id}/screening-hits/{hit}/disposition")
    String disposition(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String hit,
            @ModelAttribute ScreeningForms.Disposition form,
            RedirectAttributes redirect) {
        ApplicationId caseId = caseId(id);
        long hitId = number(hit, "screening hit");
        Map<String, String> typed = typed("disposition", form.disposition(), "reason", form.reason());
        return act("redirect:/cases/" + caseId, "hit-" + hitId, typed, redirect, () -> {
            ScreeningBinder.Disposed bound = ScreeningBinder.disposition(form);
            screening.disposition(caller, caseId, hitId, bound.disposition(), bound.reason());
            return switch (bound.disposition()) {
                case TRUE_MATCH ->
                    "Hit " + hitId + " is recorded as a true match: an open case is denied for a restricted party.";
                case FALSE_POSITIVE ->
                    "Hit " + hitId + " is recorded as a false positive; its flag, if one was raised, is cleared.";
            };
        });
    }

    /** An officer's disposition of a hit on a pre-approval's requester; back to the pre-approval's page. */
    @PostMapping("/preapprovals/{id}/screening-hits/{hit}/disposition")
    String preApprovalDisposition(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String hit,
            @ModelAttribute ScreeningForms.Disposition form,
            RedirectAttributes redirect) {
        java.util.UUID preApproval;
        try {
            preApproval = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("pre-approval", id);
        }
        long hitId = number(hit, "screening hit");
        Map<String, String> typed = typed("disposition", form.disposition(), "reason", form.reason());
        return act("redirect:/preapprovals/" + preApproval, "hit-" + hitId, typed, redirect, () -> {
            ScreeningBinder.Disposed bound = ScreeningBinder.disposition(form);
            screening.dispositionOfPreApproval(caller, preApproval, hitId, bound.disposition(), bound.reason());
            return switch (bound.disposition()) {
                case TRUE_MATCH ->
                    "Hit " + hitId + " is recorded as a true match: the pre-approval may not be granted; deny it.";
                case FALSE_POSITIVE ->
                    "Hit " + hitId + " is recorded as a false positive: it no longer blocks the grant.";
            };
        });
    }

    @PostMapping("/cases/{id}/register-matches/{match}/confirm")
    String confirm(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String match,
            @ModelAttribute ScreeningForms.Decision form,
            RedirectAttributes redirect) {
        ApplicationId caseId = caseId(id);
        long matchId = number(match, "register match");
        return act("redirect:/cases/" + caseId, "match-" + matchId, typed("reason", form.reason()), redirect, () -> {
            register.confirm(caller, matchId, ScreeningBinder.decision(form));
            return "The party is confirmed as the registered company: its compute counts under that company.";
        });
    }

    @PostMapping("/cases/{id}/register-matches/{match}/separate")
    String separate(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String match,
            @ModelAttribute ScreeningForms.Decision form,
            RedirectAttributes redirect) {
        ApplicationId caseId = caseId(id);
        long matchId = number(match, "register match");
        return act("redirect:/cases/" + caseId, "match-" + matchId, typed("reason", form.reason()), redirect, () -> {
            register.separate(caller, matchId, ScreeningBinder.decision(form));
            return "The party is a different company from the registered one; the match will not be proposed again.";
        });
    }

    /** Binds and changes; back to {@code page} with a notice, a refused form's fields, or a refused step. */
    private static String act(
            String page,
            String formId,
            Map<String, String> typed,
            RedirectAttributes redirect,
            Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
            return page + "#screening";
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("screeningFailed", formId);
            redirect.addFlashAttribute("screeningErrors", FieldErrors.of(refused));
            redirect.addFlashAttribute("screeningValues", typed);
            return page + "#" + formId + "-form";
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", FieldErrors.sentence(refused.getMessage()));
            return page + "#screening";
        }
    }

    /** The fields as typed, to show back beside their messages (an absent field as empty). */
    private static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            typed.put(
                    namesAndValues[i], value == null ? "" : value.length() > 4_096 ? value.substring(0, 4_096) : value);
        }
        return typed;
    }

    private static ApplicationId caseId(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("case", id);
        }
    }

    private static long number(String text, String what) {
        try {
            long value = Long.parseLong(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below: a malformed number is a record that does not exist
        }
        throw new NotFoundException(what, text.length() > 20 ? text.substring(0, 20) + "…" : text);
    }
}
