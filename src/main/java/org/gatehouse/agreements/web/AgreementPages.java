package org.gatehouse.agreements.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gatehouse.agreements.AgreementId;
import org.gatehouse.agreements.AgreementService;
import org.gatehouse.agreements.AgreementStatus;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
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
 * {@code /agreements}: the list (paged by the database, by country, filtered by status), the form an officer records
 * one with (signatories and security commitments one per line, up to {@link #TRANCHE_ROWS} tranches), and the
 * agreement's page: its security commitments with their status, tranches with due dates, realized amounts and what is
 * short in dollars, its standing today, the allocation used and remaining, and the officer's forms (sign, bring into
 * force, set a commitment MET / BREACHED / PENDING, record a realization).
 *
 * <p>Every form is read into the API's request shape and checked by {@link AgreementBinder}, then handed to
 * {@link AgreementService}, which authorizes and audits as for the API.
 */
@Controller
@WebPage
class AgreementPages {

    static final int PAGE_ROWS = 25;

    /** Tranche rows of the new agreement's form; rows left blank are no tranche. */
    static final int TRANCHE_ROWS = 4;

    private final AgreementService agreements;
    private final Clock clock;

    AgreementPages(AgreementService agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    @GetMapping("/agreements")
    String list(
            CurrentUser caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            Model model) {
        AgreementStatus statusFilter = WebForms.constant(AgreementStatus.class, status);
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, Paging.OFFSET_MAX / PAGE_ROWS);
        List<AgreementService.Viewed> found =
                agreements.list(caller, null, statusFilter, new Paging(PAGE_ROWS + 1, (pageNumber - 1) * PAGE_ROWS));
        model.addAttribute(
                "rows",
                found.subList(0, Math.min(found.size(), PAGE_ROWS)).stream()
                        .map(AgreementView::of)
                        .toList());
        model.addAttribute("hasNext", found.size() > PAGE_ROWS);
        model.addAttribute("page", pageNumber);
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("statuses", AgreementStatus.values());
        model.addAttribute("mayCreate", caller.roles().contains(Role.OFFICER));
        return "agreements/list";
    }

    @GetMapping("/agreements/new")
    String newAgreement(CurrentUser caller, Model model) {
        return form(model, Map.of(), FieldErrors.none());
    }

    @PostMapping("/agreements")
    String create(CurrentUser caller, @RequestParam MultiValueMap<String, String> parameters, Model model) {
        List<FieldProblem> problems = new ArrayList<>();
        List<AgreementForms.TrancheForm> tranches = new ArrayList<>();
        for (int i = 0; i < TRANCHE_ROWS; i++) {
            String due = WebForms.text(parameters, "tranches[" + i + "].dueOn");
            String amount = WebForms.text(parameters, "tranches[" + i + "].amountUsd");
            if (due != null || amount != null) {
                // Numbered as the form shows them, so a message lands beside the row it is about.
                while (tranches.size() < i) {
                    tranches.add(null);
                }
                tranches.add(new AgreementForms.TrancheForm(
                        due, WebForms.number(amount, "tranches[" + i + "].amountUsd", problems)));
            }
        }
        AgreementForms.Create form = new AgreementForms.Create(
                upper(WebForms.text(parameters, "country")),
                WebForms.text(parameters, "title"),
                lines(WebForms.text(parameters, "signatories")),
                new AgreementForms.InvestmentForm(
                        WebForms.number(
                                WebForms.text(parameters, "investment.pledgedUsd"), "investment.pledgedUsd", problems),
                        WebForms.number(
                                WebForms.text(parameters, "investment.matchingRatio"),
                                "investment.matchingRatio",
                                problems),
                        WebForms.number(
                                WebForms.text(parameters, "investment.homeInvestmentUsd"),
                                "investment.homeInvestmentUsd",
                                problems)),
                WebForms.number(WebForms.text(parameters, "allocationGb300e"), "allocationGb300e", problems),
                lines(WebForms.text(parameters, "securityCommitments")),
                tranches.stream().filter(t -> t != null).toList());
        try {
            AgreementBinder.Created created = AgreementBinder.create(form);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            AgreementService.Viewed viewed = agreements.create(
                    caller,
                    created.terms(),
                    created.investment(),
                    created.allocationGb300e(),
                    created.commitments(),
                    created.tranches());
            return "redirect:/agreements/" + viewed.agreement().id();
        } catch (InvalidInputException refused) {
            return form(
                    model,
                    WebForms.values(parameters),
                    WebForms.merged(problems, refused, "signatories", "securityCommitments"));
        } catch (ConflictException refused) {
            model.addAttribute("problem", FieldErrors.sentence(refused.getMessage()));
            return form(model, WebForms.values(parameters), FieldErrors.none());
        }
    }

    private String form(Model model, Map<String, String> values, FieldErrors errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("trancheRows", TRANCHE_ROWS);
        model.addAttribute("countries", WebForms.COUNTRIES);
        return "agreements/new";
    }

    @GetMapping("/agreements/{id}")
    String show(CurrentUser caller, @PathVariable String id, Model model) {
        return page(caller, parseId(id), model, null, Map.of(), FieldErrors.none());
    }

    @PostMapping("/agreements/{id}/{action}")
    String change(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return change(caller, id, action, null, parameters, model, redirect);
    }

    @PostMapping("/agreements/{id}/{kind}/{number}/{action}")
    String changeNumbered(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String kind,
            @PathVariable String number,
            @PathVariable String action,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        if (!number.matches("[0-9]{1,3}")) {
            throw new NotFoundException("page", "/agreements/" + id + "/" + kind + "/" + number);
        }
        return change(caller, id, kind + "/" + action, Integer.parseInt(number), parameters, model, redirect);
    }

    private String change(
            CurrentUser caller,
            String id,
            String action,
            Integer number,
            MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        AgreementId agreement = parseId(id);
        Long version = version(parameters);
        List<FieldProblem> problems = new ArrayList<>();
        Supplier<String> change = switch (action) {
            case "sign" ->
                () -> {
                    var bound = AgreementBinder.sign(
                            new AgreementForms.Sign(WebForms.text(parameters, "signedOn"), version));
                    agreements.sign(caller, agreement, bound.value(), bound.version());
                    return "The agreement was recorded as signed on " + bound.value() + ".";
                };
            case "entry-into-force" ->
                () -> {
                    var bound = AgreementBinder.inForce(
                            new AgreementForms.InForce(WebForms.text(parameters, "inForceOn"), version));
                    agreements.enterIntoForce(caller, agreement, bound.value(), bound.version());
                    return "The agreement was recorded as in force from " + bound.value() + ".";
                };
            case "commitments/status" ->
                () -> {
                    var bound = AgreementBinder.commitmentStatus(new AgreementForms.CommitmentStatus(
                            WebForms.text(parameters, "status"), WebForms.text(parameters, "note"), version));
                    agreements.setCommitment(
                            caller,
                            agreement,
                            number,
                            bound.value().status(),
                            bound.value().note(),
                            bound.version());
                    return "Security commitment " + number + " is now "
                            + bound.value().status() + ".";
                };
            case "tranches/realizations" ->
                () -> {
                    BigDecimal amount = WebForms.number(WebForms.text(parameters, "amountUsd"), "amountUsd", problems);
                    var bound = AgreementBinder.realization(new AgreementForms.Realization(
                            amount,
                            WebForms.text(parameters, "realizedOn"),
                            WebForms.text(parameters, "evidenceSha256"),
                            version));
                    if (!problems.isEmpty()) {
                        throw new InvalidInputException(problems);
                    }
                    agreements.realize(
                            caller,
                            agreement,
                            number,
                            bound.value().amount(),
                            bound.value().realizedOn(),
                            bound.value().evidenceSha256(),
                            bound.version());
                    return "$" + bound.value().amount() + " realized against tranche " + number + " was recorded.";
                };
            default -> throw new NotFoundException("page", "/agreements/" + id + "/" + action);
        };
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (InvalidInputException refused) {
            String failed = number == null ? action : action + "-" + number;
            return page(
                    caller, agreement, model, failed, WebForms.values(parameters), WebForms.merged(problems, refused));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", FieldErrors.sentence(refused.getMessage()));
        }
        return "redirect:/agreements/" + agreement;
    }

    private String page(
            CurrentUser caller,
            AgreementId id,
            Model model,
            String failed,
            Map<String, String> values,
            FieldErrors errors) {
        AgreementView a = AgreementView.of(agreements.get(caller, id));
        model.addAttribute("a", a);
        model.addAttribute("countryName", countryName(a.country()));
        boolean officer = caller.roles().contains(Role.OFFICER);
        model.addAttribute("officer", officer);
        model.addAttribute("maySign", officer && a.status().equals(AgreementStatus.DRAFT.name()));
        model.addAttribute("mayBringIntoForce", officer && a.status().equals(AgreementStatus.SIGNED.name()));
        model.addAttribute("mayChange", officer && !a.status().equals(AgreementStatus.TERMINATED.name()));
        model.addAttribute("failed", failed);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("noErrors", FieldErrors.none());
        model.addAttribute("noValues", Map.of());
        model.addAttribute("today", LocalDate.now(clock).toString());
        return "agreements/show";
    }

    private static String countryName(String code) {
        return WebForms.COUNTRIES.stream()
                .filter(c -> c.code().equals(code))
                .map(WebForms.Country::name)
                .findFirst()
                .orElse(code);
    }

    /** One entry a line, blank lines left out; null when there are none (as a JSON body that leaves it out). */
    private static List<String> lines(String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(java.util.Locale.ROOT);
    }

    private static Long version(MultiValueMap<String, String> parameters) {
        String text = WebForms.text(parameters, "version");
        if (text == null) {
            return null;
        }
        return text.matches("[0-9]{1,18}") ? Long.parseLong(text) : -1L;
    }

    static AgreementId parseId(String id) {
        try {
            return AgreementId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("agreement", id); // a malformed address is a page that does not exist
        }
    }
}
