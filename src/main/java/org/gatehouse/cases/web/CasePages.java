package org.gatehouse.cases.web;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gatehouse.cases.Case;
import org.gatehouse.cases.CaseFilter;
import org.gatehouse.cases.CaseQueue;
import org.gatehouse.cases.CaseRequirements;
import org.gatehouse.cases.CaseSection;
import org.gatehouse.cases.CaseService;
import org.gatehouse.cases.CaseState;
import org.gatehouse.cases.Decision;
import org.gatehouse.cases.Recommendation;
import org.gatehouse.identity.Agency;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Versions;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /cases}: the queue (tabs per queue, sorted by urgency and paged by the database, filtered by tier,
 * destination, company and review path) and the case page — what the case decides on, its clocks, evidence, flags,
 * referrals and timeline, and the forms of the caller's role: an officer assigns, refers, holds, returns, decides and
 * raises or clears flags; an agency recommends; the applicant answers a hold and files documents.
 *
 * <p>Every form posts to the address of its API endpoint under {@code /cases} with the API's field names, is bound into
 * the same request record ({@link CaseForms}) and checked by the same {@link CaseBinder}. A refused field is shown
 * beside its input, with what was typed; a refused step (a stale version, a state that does not allow it, an approval
 * that lacks evidence) comes back on the case page with its reasons; a change redirects to the case page
 * (post/redirect/get). Officers' forms carry the version the page showed. Who may do what is the service's to decide:
 * the page only chooses which forms to offer.
 */
@Controller
@WebPage
class CasePages {

    /** Rows per page of a queue. */
    static final int PAGE_ROWS = 25;

    private static final String QUEUE = "cases/queue";
    private static final String CASE = "cases/case";

    /** A tab of the queue page: a queue and its name for the reader. */
    record Tab(String queue, String label) {}

    private static final List<Tab> OFFICER_TABS = List.of(
            new Tab("open", "Open"),
            new Tab("unassigned", "Unassigned"),
            new Tab("mine", "Mine"),
            new Tab("referred", "Referred"),
            new Tab("awaiting_recommendation", "Awaiting agencies"),
            new Tab("held", "Held"),
            new Tab("overdue", "Overdue"),
            new Tab("flagged", "Flagged"),
            new Tab("all", "All"));
    private static final List<Tab> AUDITOR_TABS = OFFICER_TABS.stream()
            .filter(t -> !t.queue().equals("mine") && !t.queue().equals("unassigned"))
            .toList();
    private static final List<Tab> AGENCY_TABS = List.of(
            new Tab("awaiting_recommendation", "Awaiting your recommendation"),
            new Tab("open", "Open"),
            new Tab("all", "All referred to you"));
    private static final List<Tab> APPLICANT_TABS =
            List.of(new Tab("open", "Under review"), new Tab("held", "Awaiting your answer"), new Tab("all", "All"));

    /** Each form's fields shown with a message beside them; a problem of any other field is listed atop its form. */
    private static final Map<String, List<String>> FORM_FIELDS = Map.of(
            "assign", List.of("officer"),
            "refer", List.of("agencies", "note"),
            "recommend", List.of("recommendation", "reasons"),
            "hold", List.of("question", "dueOn"),
            "answer", List.of("answer"),
            "document", List.of("requirement", "name", "mediaType", "sha256", "sizeBytes"),
            "flag", List.of("company", "reason"),
            "clear", List.of("reason"),
            "return", List.of("reason"),
            "decide", List.of("decision", "reasons", "conditions"));

    /** The model attribute that says whether the page offers each form. */
    private static final Map<String, String> OFFERED_BY = Map.of(
            "assign", "mayAssign",
            "refer", "mayRefer",
            "recommend", "mayRecommend",
            "hold", "mayHold",
            "answer", "mayAnswer",
            "document", "mayFile",
            "flag", "officer",
            "clear", "officer",
            "return", "mayReturn",
            "decide", "mayDecide");

    /** Countries for the destination filter, by English name. */
    private static final List<Country> COUNTRIES = CountryCode.all().stream()
            .map(c -> new Country(c.value(), Locale.of("", c.value()).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    /** A country as a choice. */
    record Country(String code, String name) {}

    /** A choice of a form (a radio button, a check box, an option): the value it sends and its words. */
    record Choice(String value, String label) {}

    /** Each constant as a choice, with its words. */
    private static <E extends Enum<E>> List<Choice> choices(List<E> constants, Function<E, String> label) {
        return constants.stream().map(c -> new Choice(c.name(), label.apply(c))).toList();
    }

    private final CaseService cases;
    private final PolicyInForce policies;
    private final List<CaseSection> sections;
    private final Clock clock;

    CasePages(CaseService cases, PolicyInForce policies, List<CaseSection> sections, Clock clock) {
        this.cases = cases;
        this.policies = policies;
        this.sections = sections;
        this.clock = clock;
    }

    /**
     * Blank fields are absent fields, as a JSON body that leaves them out; a version is decimal digits only (Spring's
     * own conversion would also read {@code 0x3}).
     */
    @InitBinder
    void binding(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        binder.registerCustomEditor(Long.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : Versions.parse(text.strip()));
            }
        });
    }

    // ---- the queue ----

    @GetMapping("/cases")
    String queue(
            CurrentUser caller,
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String company,
            @RequestParam(required = false) String reviewPath,
            @RequestParam(required = false) Integer page,
            Model model) {
        Set<Role> roles = caller.roles();
        List<Tab> tabs = tabs(roles);
        // A queue the page does not offer this reader (an edited address) falls back to the first tab.
        Tab current = tabs.stream()
                .filter(t -> t.queue().equalsIgnoreCase(blank(queue) ? "" : queue.strip()))
                .findFirst()
                .orElse(tabs.getFirst());
        InputCheck filters = new InputCheck();
        Tier tierFilter = filters.field("tier", () -> blank(tier) ? null : new Tier(tier.strip()));
        CountryCode destinationFilter =
                filters.field("destination", () -> blank(destination) ? null : CountryCode.of(destination.strip()));
        String companyKey = filters.field(
                "company", () -> blank(company) ? null : CompanyName.of(company).key());
        ReviewPath pathFilter =
                filters.field("reviewPath", () -> blank(reviewPath) ? null : named(ReviewPath.class, reviewPath));
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, Paging.OFFSET_MAX / PAGE_ROWS);
        CaseQueue chosen = CaseQueue.valueOf(current.queue().toUpperCase(Locale.ROOT));
        List<CaseService.Reviewed> found;
        if (filters.valid()) {
            found = cases.list(
                    caller,
                    new CaseFilter(chosen, tierFilter, destinationFilter, companyKey, pathFilter, null, null, null),
                    new Paging(PAGE_ROWS + 1, (pageNumber - 1) * PAGE_ROWS));
        } else {
            // Nothing is listed under a refused filter; the service is still asked, so a caller who may not list
            // cases is refused as always.
            cases.list(caller, new CaseFilter(chosen, null, null, null, null, null, null, null), Paging.first(1));
            found = List.of();
        }
        boolean applicant =
                !roles.contains(Role.OFFICER) && !roles.contains(Role.AUDITOR) && !roles.contains(Role.AGENCY);
        List<CaseSheet.Row> rows = new ArrayList<>();
        for (CaseService.Reviewed reviewed : found.subList(0, Math.min(found.size(), PAGE_ROWS))) {
            rows.add(CaseSheet.row(reviewed, applicant));
        }
        model.addAttribute("heading", heading(caller));
        model.addAttribute("tabs", tabs);
        model.addAttribute("queue", current.queue());
        model.addAttribute("queueLabel", current.label());
        model.addAttribute("rows", rows);
        model.addAttribute("hasNext", found.size() > PAGE_ROWS);
        model.addAttribute("page", pageNumber);
        model.addAttribute("tier", tierFilter == null ? "" : tierFilter.name());
        model.addAttribute("destination", destinationFilter == null ? "" : destinationFilter.value());
        model.addAttribute("company", blank(company) || companyKey == null ? "" : company.strip());
        model.addAttribute("reviewPath", pathFilter == null ? "" : pathFilter.name());
        model.addAttribute("tiers", tiers());
        model.addAttribute("countries", COUNTRIES);
        model.addAttribute("reviewPaths", ReviewPath.values());
        model.addAttribute("filterErrors", filterErrors(filters));
        model.addAttribute("authority", !applicant);
        model.addAttribute("applicant", applicant);
        return QUEUE;
    }

    // ---- the case ----

    @GetMapping("/cases/{id}")
    String show(CurrentUser caller, @PathVariable String id, Model model) {
        return page(caller, parseId(id), model, null, FieldErrors.none(), Map.of());
    }

    @PostMapping("/cases/{id}/assign")
    String assign(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute("assignForm") CaseForms.Assign form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                "assign",
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.assign(form, caller),
                (caseId, bound) -> {
                    var review = cases.assign(caller, caseId, bound.value(), bound.version())
                            .review();
                    return review.assignee() == null
                            ? "The case is unassigned."
                            : review.assignee().equals(caller.actor())
                                    ? "You have the case."
                                    : "The case is assigned to " + review.assignee() + ".";
                });
    }

    @PostMapping("/cases/{id}/referrals")
    String refer(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute("referForm") CaseForms.Refer form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                "refer",
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.refer(form),
                (caseId, bound) -> {
                    cases.refer(
                            caller,
                            caseId,
                            bound.value().agencies(),
                            bound.value().note(),
                            bound.version());
                    List<String> names = bound.value().agencies().stream()
                            .map(CaseSheet::agencyName)
                            .toList();
                    return "The case is referred to "
                            + (names.size() == 1
                                    ? names.getFirst()
                                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast())
                            + ": each agency's 30 days start now.";
                });
    }

    @PostMapping("/cases/{id}/recommendations")
    String recommend(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute("recommendForm") CaseForms.Recommend form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                "recommend",
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.recommend(form),
                (caseId, bound) -> {
                    cases.recommend(caller, caseId, bound.recommendation(), bound.reasons());
                    return "Your recommendation ("
                            + CaseSheet.words(bound.recommendation().name()) + ") is recorded.";
                });
    }

    @PostMapping("/cases/{id}/hold")
    String hold(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute("holdForm") CaseForms.Hold form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                "hold",
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.hold(form),
                (caseId, bound) -> {
                    cases.hold(
                            caller,
                            caseId,
                            bound.value().question(),
                            bound.value().dueOn(),
                            bound.version());
                    return "The case is held for the applicant's answer, due "
                            + bound.value().dueOn() + ": its clocks stop until it answers.";
                });
    }

    @PostMapping("/cases/{id}/answer")
    String answer(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute("answerForm") CaseForms.Answer form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                "answer",
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.answer(form),
                (caseId, answer) -> {
                    cases.answer(caller, caseId, answer);
                    return "Your answer was sent: the review resumes.";
                });
    }

    @PostMapping("/cases/{id}/documents")
    String document(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute("documentForm") CaseForms.Document form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                "document",
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.document(form),
                (caseId, filed) -> {
                    cases.fileDocument(caller, caseId, filed.requirement(), filed.document());
                    return "The document '" + filed.document().name() + "' was filed for "
                            + CaseSheet.words(filed.requirement().name()) + ".";
                });
    }

    @PostMapping("/cases/{id}/flags")
    String raiseFlag(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute("flagForm") CaseForms.RaiseFlag form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                "flag",
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.raiseFlag(form),
                (caseId, bound) -> {
                    cases.flagPossibleSameCompany(
                            caller,
                            caseId,
                            bound.value().company(),
                            bound.value().reason(),
                            bound.version());
                    return "The case is flagged: it may concern "
                            + bound.value().company() + ". It cannot be approved until the flag is cleared.";
                });
    }

    @PostMapping("/cases/{id}/flags/{flag}/clear")
    String clearFlag(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String flag,
            @ModelAttribute("clearForm") CaseForms.ClearFlag form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                CaseSheet.clearForm(flag),
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.clearFlag(form),
                (caseId, bound) -> {
                    cases.clearFlag(caller, caseId, flag, bound.value(), bound.version());
                    return "The flag is cleared.";
                });
    }

    @PostMapping("/cases/{id}/return")
    String returnWithoutAction(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute("returnForm") CaseForms.Return form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                "return",
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.returnWithoutAction(form),
                (caseId, bound) -> {
                    cases.returnWithoutAction(caller, caseId, bound.value(), bound.version());
                    return "The case was returned without action; the compute it reserved was released.";
                });
    }

    @PostMapping("/cases/{id}/decision")
    String decide(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute("decideForm") CaseForms.Decide form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return act(
                caller,
                id,
                "decide",
                form,
                binding,
                parameters,
                model,
                redirect,
                () -> CaseBinder.decide(form),
                (caseId, bound) -> {
                    Case decided = cases.decide(
                                    caller,
                                    caseId,
                                    bound.value().decision(),
                                    bound.value().reasons(),
                                    bound.value().conditions(),
                                    bound.version())
                            .review();
                    String licence = decided.decision().licenceNumber();
                    return "The case is decided: "
                            + CaseSheet.words(bound.value().decision().name())
                            + (licence == null ? "." : ", licence " + licence + ".");
                });
    }

    /**
     * Binds a form, then changes the case and redirects to its page with what happened; a refused field comes back
     * beside its input on the case page, a refused step as the page's problem with its reasons.
     */
    private <B> String act(
            CurrentUser caller,
            String id,
            String formName,
            Object form,
            BindingResult binding,
            MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect,
            Supplier<B> bind,
            ChangeOf<B> change) {
        ApplicationId caseId = parseId(id);
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), typeMismatch(error)));
        }
        B bound = null;
        if (form != null) {
            try {
                bound = bind.get();
            } catch (InvalidInputException refused) {
                for (FieldProblem problem : refused.problems()) {
                    if (problems.stream().noneMatch(p -> p.field().equals(problem.field()))) {
                        problems.add(problem);
                    }
                }
            }
        } else if (problems.isEmpty()) {
            problems.add(new FieldProblem("", "the form was empty"));
        }
        if (problems.isEmpty()) {
            try {
                redirect.addFlashAttribute("notice", change.apply(caseId, bound));
                return "redirect:/cases/" + caseId;
            } catch (InvalidInputException refused) {
                problems.addAll(refused.problems());
            } catch (ConflictException refused) {
                String message = refused.getMessage();
                int colon = message.indexOf(':');
                // With its reasons listed, the problem is the message's head: "Cannot approve yet:".
                redirect.addFlashAttribute(
                        "problem",
                        refused.reasons().isEmpty() || colon < 1
                                ? FieldErrors.sentence(message)
                                : FieldErrors.sentence(message.substring(0, colon))
                                        .replaceFirst("\\.$", ":"));
                redirect.addFlashAttribute(
                        "reasons",
                        refused.reasons().stream().map(FieldErrors::sentence).toList());
                return "redirect:/cases/" + caseId;
            }
        }
        return page(caller, caseId, model, formName, FieldErrors.of(problems), values(parameters));
    }

    /** A change of a case from its bound form: what happened, in words. */
    @FunctionalInterface
    private interface ChangeOf<B> {
        String apply(ApplicationId caseId, B bound);
    }

    /** The case page: the case as the caller may see it, and the forms of the caller's role. */
    private String page(
            CurrentUser caller,
            ApplicationId id,
            Model model,
            String failed,
            FieldErrors errors,
            Map<String, String> values) {
        CaseService.Dossier dossier = cases.dossier(caller, id);
        CaseService.Reviewed reviewed = dossier.reviewed();
        Case c = reviewed.review();
        Set<Role> roles = caller.roles();
        boolean applicant = !reviewed.authority();
        CaseView view = CaseView.of(reviewed, referenceTpp(), true);
        model.addAttribute("sheet", CaseSheet.of(view, c, applicant, reviewed.clocks()));
        model.addAttribute("content", dossier.content());
        model.addAttribute("assessmentJson", dossier.assessmentJson());
        model.addAttribute("applicant", applicant);
        model.addAttribute("audited", CaseSheet.audited(dossier.audited()));
        List<CaseSection.Shown> shown = new ArrayList<>(sections.size());
        for (CaseSection section : sections) {
            section.shownOn(caller, c).ifPresent(shown::add);
        }
        model.addAttribute("sections", shown);

        // What to offer; the service refuses anyone else whatever they post.
        CaseState state = c.state();
        boolean officer = roles.contains(Role.OFFICER) && state.open();
        Set<Agency> unreferred = EnumSet.allOf(Agency.class);
        unreferred.removeAll(c.referrals().keySet());
        model.addAttribute("officer", officer);
        model.addAttribute("mayAssign", officer);
        model.addAttribute(
                "mayRefer",
                officer && (state == CaseState.IN_REVIEW || state == CaseState.REFERRED) && !unreferred.isEmpty());
        model.addAttribute("unreferred", choices(List.copyOf(unreferred), CaseSheet::agencyName));
        model.addAttribute("mayHold", officer && state.next().contains(CaseState.HELD_WITHOUT_ACTION));
        model.addAttribute("mayReturn", officer && state.next().contains(CaseState.RETURNED_WITHOUT_ACTION));
        model.addAttribute("mayDecide", officer && state.next().contains(CaseState.DECIDED));
        Agency agency = caller.agency();
        model.addAttribute(
                "mayRecommend",
                roles.contains(Role.AGENCY)
                        && state.open()
                        && agency != null
                        && c.referrals().containsKey(agency)
                        && !c.referrals().get(agency).answered());
        model.addAttribute("agencyName", agency == null ? null : CaseSheet.agencyName(agency));
        List<Choice> filable =
                choices(CaseRequirements.evidenceNeeded(c.subject().requirements()), r -> CaseSheet.words(r.name()));
        model.addAttribute("mayAnswer", roles.contains(Role.APPLICANT) && state == CaseState.HELD_WITHOUT_ACTION);
        model.addAttribute("mayFile", roles.contains(Role.APPLICANT) && state.open() && !filable.isEmpty());
        model.addAttribute("filable", filable);
        model.addAttribute("auditor", roles.contains(Role.AUDITOR));
        model.addAttribute("decisions", choices(List.of(Decision.values()), d -> CaseSheet.words(d.name())));
        model.addAttribute(
                "recommendations", choices(List.of(Recommendation.values()), r -> CaseSheet.words(r.name())));
        model.addAttribute("tomorrow", LocalDate.now(clock).plusDays(1).toString());

        String form = failed == null ? null : failed.startsWith("clear-") ? "clear" : failed;
        boolean offered = form != null
                && Boolean.TRUE.equals(model.getAttribute(OFFERED_BY.get(form)))
                && (!form.equals("clear")
                        || c.flags().keySet().stream().map(CaseSheet::clearForm).anyMatch(failed::equals));
        if (form != null && !offered) {
            // A form this page does not offer now (the case moved on, or the address was posted to by hand): its
            // problems are listed at the top instead of beside fields that are not there.
            model.addAttribute("problem", "Nothing was changed.");
            model.addAttribute("reasons", errors.others(List.of()));
        }
        model.addAttribute("failed", offered ? failed : "");
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("otherErrors", offered ? errors.others(FORM_FIELDS.get(form)) : List.of());
        return CASE;
    }

    // ---- helpers ----

    static List<Tab> tabs(Set<Role> roles) {
        if (roles.contains(Role.OFFICER)) {
            return OFFICER_TABS;
        }
        if (roles.contains(Role.AUDITOR)) {
            return AUDITOR_TABS;
        }
        if (roles.contains(Role.AGENCY)) {
            return AGENCY_TABS;
        }
        return APPLICANT_TABS;
    }

    private static String heading(CurrentUser caller) {
        Set<Role> roles = caller.roles();
        if (roles.contains(Role.OFFICER) || roles.contains(Role.AUDITOR)) {
            return "Case queue";
        }
        if (roles.contains(Role.AGENCY) && caller.agency() != null) {
            return "Cases referred to " + CaseSheet.agencyName(caller.agency());
        }
        return "Your cases";
    }

    /** The tiers of the policy in force, for the tier filter. */
    private List<String> tiers() {
        Policy policy = policies.on(LocalDate.now(clock));
        Set<String> tiers = new TreeSet<>();
        for (Policy.Ladder ladder : policy.ladders()) {
            for (Policy.Band band : ladder.bands()) {
                if (band.tier() != null) {
                    tiers.add(band.tier());
                }
            }
        }
        return List.copyOf(tiers);
    }

    private long referenceTpp() {
        return policies.on(LocalDate.now(clock)).referenceTpp();
    }

    /** The posted fields as typed, to show back (the CSRF token and the version are left out: the page sets its own). */
    private static Map<String, String> values(MultiValueMap<String, String> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (values.size() >= 32
                    || name.startsWith("_")
                    || name.equals("version")
                    || entry.getValue().isEmpty()) {
                continue;
            }
            String value = entry.getValue().getFirst();
            values.put(name, value == null ? "" : value.length() > 4_096 ? value.substring(0, 4_096) : value);
        }
        for (String agency : parameters.getOrDefault("agencies", List.of())) {
            values.put("agencies:" + agency, "on");
        }
        return values;
    }

    /** What a value Spring could not convert is refused with. */
    private static String typeMismatch(FieldError error) {
        Object rejected = error.getRejectedValue();
        String shown = rejected == null ? "" : ", got '" + shortened(rejected.toString()) + "'";
        return error.getField().equals("version")
                ? "must be the version you read, as decimal digits (such as 3)" + shown
                : "must be a number" + shown;
    }

    private static String shortened(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A constant of {@code type} by name, refused in words that list the choices. */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name.strip())) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static FieldErrors filterErrors(InputCheck filters) {
        try {
            filters.throwIfInvalid();
            return FieldErrors.none();
        } catch (InvalidInputException refused) {
            return FieldErrors.of(refused);
        }
    }

    /** A case's address: a malformed id is a page that does not exist. */
    static ApplicationId parseId(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("case", id);
        }
    }
}
