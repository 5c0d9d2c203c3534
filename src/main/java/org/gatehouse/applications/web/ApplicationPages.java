package org.gatehouse.applications.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationFilter;
import org.gatehouse.applications.ApplicationQueries;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.ApplicationSort;
import org.gatehouse.applications.ApplicationState;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.system.Dates;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.CountryCode;
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
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /applications}: the list (paged and sorted by the database, filtered by state and destination), a draft's
 * form (create and edit: the deal form with parties, site, value and documents), and the application's page with
 * its recorded assessment and the moves its state allows (submit, withdraw, discard).
 *
 * <p>Every change posts, then redirects to the application's page (post/redirect/get), so reloading never repeats
 * it. Creating and submitting carry an idempotency key made when the form was shown, as the API's
 * {@code Idempotency-Key}: a double click or a resent form makes one draft and one submission. Every other change
 * carries the version the page showed, and the service refuses a stale one.
 */
@Controller
@WebPage
class ApplicationPages {

    /** Rows per page of the list. */
    static final int PAGE_ROWS = 25;

    private static final String EDIT = "applications/edit";

    private final ApplicationService applications;
    private final ApplicationQueries queries;
    private final JsonMapper json;

    ApplicationPages(ApplicationService applications, ApplicationQueries queries, JsonMapper json) {
        this.applications = applications;
        this.queries = queries;
        this.json = json;
    }

    /** Blank fields are absent fields, as a JSON body that leaves them out. */
    @InitBinder
    void blankIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /** A row of the list. */
    public record Row(
            String id,
            String reference,
            String endUser,
            String company,
            String destination,
            String state,
            String tier,
            String created,
            String submitted) {}

    @GetMapping("/applications")
    String list(
            CurrentUser caller,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) Integer page,
            Model model) {
        InputCheck filters = new InputCheck();
        ApplicationState stateFilter =
                filters.field("state", () -> blank(state) ? null : named(ApplicationState.class, state));
        CountryCode destinationFilter =
                filters.field("destination", () -> blank(destination) ? null : CountryCode.of(destination));
        // An order the page does not offer (an edited address) falls back to the default rather than refusing.
        ApplicationSort order = Arrays.stream(ApplicationSort.values())
                .filter(s -> s.name().equalsIgnoreCase(blank(sort) ? "" : sort.strip()))
                .findFirst()
                .orElse(null);
        boolean descending = dir == null ? order == null : !"asc".equals(dir);
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, Paging.OFFSET_MAX / PAGE_ROWS);
        List<Application> found = filters.valid()
                ? queries.page(
                        caller,
                        new ApplicationFilter(null, stateFilter, null, destinationFilter, null),
                        false,
                        order == null ? ApplicationSort.CREATED : order,
                        descending,
                        new Paging(PAGE_ROWS + 1, (pageNumber - 1) * PAGE_ROWS))
                : List.of();
        List<Row> rows = new ArrayList<>();
        for (Application a : found.subList(0, Math.min(found.size(), PAGE_ROWS))) {
            rows.add(row(a));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("hasNext", found.size() > PAGE_ROWS);
        model.addAttribute("page", pageNumber);
        model.addAttribute("state", stateFilter == null ? "" : stateFilter.name());
        model.addAttribute("destination", destinationFilter == null ? "" : destinationFilter.value());
        model.addAttribute(
                "sort", (order == null ? ApplicationSort.CREATED : order).name().toLowerCase(Locale.ROOT));
        model.addAttribute("descending", descending);
        model.addAttribute(
                "states",
                Arrays.stream(ApplicationState.values())
                        .filter(s -> s != ApplicationState.DISCARDED)
                        .toList());
        model.addAttribute("countries", DealForms.COUNTRIES);
        model.addAttribute("filterErrors", filterErrors(filters));
        model.addAttribute("mayCreate", caller.roles().contains(Role.APPLICANT)); // what to offer; the service decides
        return "applications/list";
    }

    @GetMapping("/applications/new")
    String newDraft(Model model) {
        DealForms.model(model, Map.of(), FieldErrors.none(), true);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return EDIT;
    }

    @PostMapping("/applications")
    String create(
            CurrentUser caller,
            @ModelAttribute ApplicationForm form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(required = false) String idempotencyKey,
            Model model) {
        DealForms.Bound bound = DealForms.bind(form, binding);
        if (bound.valid()) {
            try {
                ApplicationService.Handled handled = applications.create(
                        caller, bound.content(), idempotencyKey, json.writeValueAsString(bound.content()));
                return "redirect:/applications/" + handled.application().id();
            } catch (InvalidInputException refused) {
                return refusedDraft(model, parameters, FieldErrors.of(refused), null, idempotencyKey);
            }
        }
        return refusedDraft(model, parameters, bound.errors(), null, idempotencyKey);
    }

    @GetMapping("/applications/{id}")
    String show(CurrentUser caller, @PathVariable String id, Model model) {
        Application application = applications.get(caller, parseId(id));
        String assessment = applications.assessmentShownTo(caller, application);
        model.addAttribute("filing", application);
        model.addAttribute("content", application.content());
        model.addAttribute("created", Dates.minute(application.createdAt()));
        model.addAttribute("submitted", Dates.minute(application.submittedAt()));
        model.addAttribute("assessment", assessment == null ? null : AssessmentView.of(assessment, json));
        // What to offer: the owner's applicants change it; the service refuses anyone else whatever they post.
        boolean owner = caller.roles().contains(Role.APPLICANT)
                && application.organizationId().equals(caller.organizationId());
        ApplicationState state = application.state();
        model.addAttribute("mayEdit", owner && state == ApplicationState.DRAFT);
        model.addAttribute("mayWithdraw", owner && state.next().contains(ApplicationState.WITHDRAWN));
        model.addAttribute("submitKey", UUID.randomUUID().toString());
        return "applications/show";
    }

    @GetMapping("/applications/{id}/edit")
    String edit(CurrentUser caller, @PathVariable String id, Model model) {
        Application application = applications.get(caller, parseId(id));
        if (application.state() != ApplicationState.DRAFT) {
            return "redirect:/applications/" + application.id();
        }
        DealForms.model(model, DealForms.values(application.content()), FieldErrors.none(), true);
        model.addAttribute("filing", application);
        model.addAttribute("version", application.version());
        return EDIT;
    }

    @PostMapping("/applications/{id}")
    String update(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute ApplicationForm form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        ApplicationId applicationId = parseId(id);
        long version = requireVersion(parameters.getFirst("version"));
        DealForms.Bound bound = DealForms.bind(form, binding);
        if (!bound.valid()) {
            model.addAttribute("filing", applications.get(caller, applicationId));
            return refusedDraft(model, parameters, bound.errors(), version, null);
        }
        try {
            applications.update(caller, applicationId, version, bound.content());
        } catch (InvalidInputException refused) {
            model.addAttribute("filing", applications.get(caller, applicationId));
            return refusedDraft(model, parameters, FieldErrors.of(refused), version, null);
        } catch (ConflictException stale) {
            model.addAttribute("filing", applications.get(caller, applicationId));
            model.addAttribute("conflict", stale.getMessage());
            return refusedDraft(model, parameters, FieldErrors.none(), version, null);
        }
        redirect.addFlashAttribute("notice", "Your draft was saved.");
        return "redirect:/applications/" + applicationId;
    }

    @PostMapping("/applications/{id}/submit")
    String submit(
            CurrentUser caller,
            @PathVariable String id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String idempotencyKey,
            RedirectAttributes redirect) {
        ApplicationId applicationId = parseId(id);
        return change(applicationId, redirect, () -> {
            ApplicationService.Handled handled =
                    applications.submit(caller, applicationId, requireVersion(version), idempotencyKey);
            ApplicationState now = handled.application().state();
            return now == ApplicationState.SUBMITTED
                    ? "Your application was submitted for review."
                    : "Your application was submitted: it is now "
                            + now.name().replace('_', ' ').toLowerCase(Locale.ROOT) + ".";
        });
    }

    @PostMapping("/applications/{id}/withdraw")
    String withdraw(
            CurrentUser caller,
            @PathVariable String id,
            @RequestParam(required = false) String version,
            RedirectAttributes redirect) {
        ApplicationId applicationId = parseId(id);
        return change(applicationId, redirect, () -> {
            applications.withdraw(caller, applicationId, requireVersion(version));
            return "Your application was withdrawn; the compute it reserved was released.";
        });
    }

    @PostMapping("/applications/{id}/discard")
    String discard(
            CurrentUser caller,
            @PathVariable String id,
            @RequestParam(required = false) String version,
            RedirectAttributes redirect) {
        ApplicationId applicationId = parseId(id);
        try {
            applications.discard(caller, applicationId, requireVersion(version));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", FieldErrors.sentence(refused.getMessage()));
            return "redirect:/applications/" + applicationId;
        }
        redirect.addFlashAttribute("notice", "The draft was discarded.");
        return "redirect:/applications";
    }

    /** A change of state, then back to the application's page with what happened, or why not. */
    private static String change(
            ApplicationId id, RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", FieldErrors.sentence(refused.getMessage()));
        }
        return "redirect:/applications/" + id;
    }

    private String refusedDraft(
            Model model,
            MultiValueMap<String, String> parameters,
            FieldErrors errors,
            Long version,
            String idempotencyKey) {
        DealForms.model(model, DealForms.values(parameters), errors, true);
        model.addAttribute("version", version);
        model.addAttribute("idempotencyKey", idempotencyKey);
        return EDIT;
    }

    static Row row(Application a) {
        return new Row(
                a.id().toString(),
                a.content().reference(),
                a.content().endUser().name(),
                a.content().company().display(),
                a.content().destination(),
                a.state().name(),
                a.registration() == null || a.registration().tier() == null
                        ? ""
                        : a.registration().tier().name(),
                Dates.minute(a.createdAt()),
                a.submittedAt() == null ? "" : Dates.minute(a.submittedAt()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A constant of {@code type} by name, refused in words that list the choices. */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
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

    static ApplicationId parseId(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("application", id); // a malformed address is a page that does not exist
        }
    }

    private static long requireVersion(String version) {
        if (version == null) {
            throw InvalidInputException.of("version", "is required: the version of the application you read");
        }
        try {
            return Versions.parse(version);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("version", e.getMessage());
        }
    }
}
