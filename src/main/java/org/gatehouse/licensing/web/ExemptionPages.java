package org.gatehouse.licensing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.licensing.Exemption;
import org.gatehouse.licensing.ExemptionFilter;
import org.gatehouse.licensing.ExemptionService;
import org.gatehouse.licensing.ExemptionSort;
import org.gatehouse.licensing.ExemptionState;
import org.gatehouse.licensing.Handled;
import org.gatehouse.licensing.Notification;
import org.gatehouse.licensing.NotificationReport;
import org.gatehouse.licensing.web.PageForms.FormState;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
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
 * {@code /exemptions}: tier-1 exemptions (named by their application) — the list, paged and sorted by the database and
 * filtered by state as of today, destination and late notifications — and an exemption's page: its dates (ship by,
 * notify by), lines with what remains to be notified, its notifications with the late ones flagged, and the holder's
 * form to notify a shipment. The form is bound into the API's {@link NotificationForm} and checked by its binder; it
 * carries an idempotency key made when it was shown, and posts then redirects. Authorization is the service's.
 */
@Controller
@WebPage
class ExemptionPages {

    private final ExemptionService exemptions;
    private final JsonMapper json;
    private final Clock clock;

    ExemptionPages(ExemptionService exemptions, JsonMapper json, Clock clock) {
        this.exemptions = exemptions;
        this.json = json;
        this.clock = clock;
    }

    /** Blank fields are absent fields, as a JSON body that leaves them out. */
    @InitBinder
    void blankIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/exemptions")
    String list(
            CurrentUser caller,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String late,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) Integer page,
            Model model) {
        InputCheck filters = new InputCheck();
        ExemptionState stateFilter = filters.field(
                "state", () -> PageForms.blank(state) ? null : PageForms.named(ExemptionState.class, state));
        CountryCode destinationFilter =
                filters.field("destination", () -> PageForms.blank(destination) ? null : CountryCode.of(destination));
        Boolean lateFilter = filters.field("late", () -> PageForms.blank(late) ? null : Params.bool(late));
        ExemptionSort order = PageForms.order(ExemptionSort.class, sort);
        boolean descending = dir == null ? order == null : !"asc".equals(dir);
        ExemptionSort shown = order == null ? ExemptionSort.REGISTERED : order;
        int pageNumber = PageForms.pageNumber(page);
        LocalDate today = LocalDate.now(clock);
        List<Exemption> found = filters.valid()
                ? exemptions.page(
                        caller,
                        new ExemptionFilter(null, stateFilter, destinationFilter, lateFilter),
                        shown,
                        descending,
                        PageForms.paging(pageNumber))
                : List.of();
        List<PageViews.ExemptionRow> rows = new ArrayList<>();
        for (Exemption exemption : found.subList(0, Math.min(found.size(), PageForms.PAGE_ROWS))) {
            rows.add(PageViews.row(exemption, today));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("hasNext", found.size() > PageForms.PAGE_ROWS);
        model.addAttribute("page", pageNumber);
        model.addAttribute("state", stateFilter == null ? "" : stateFilter.name());
        model.addAttribute("destination", destinationFilter == null ? "" : destinationFilter.value());
        model.addAttribute("late", lateFilter == null ? "" : lateFilter.toString());
        model.addAttribute("sort", shown.name().toLowerCase(Locale.ROOT));
        model.addAttribute("descending", descending);
        model.addAttribute("states", List.of(ExemptionState.values()));
        model.addAttribute("countries", PageForms.COUNTRIES);
        model.addAttribute("filterErrors", PageForms.errors(filters));
        return "exemptions/list";
    }

    @GetMapping("/exemptions/{id}")
    String show(
            CurrentUser caller,
            @PathVariable String id,
            @RequestParam(required = false) Integer notifications,
            Model model) {
        Exemption exemption = exemptions.get(caller, parse(id));
        return page(caller, exemption, null, PageForms.pageNumber(notifications), model);
    }

    /** Files a post-shipment notification (the holder); a resent form files it once. */
    @PostMapping("/exemptions/{id}/notifications")
    String notifyShipment(
            CurrentUser caller,
            @PathVariable String id,
            @ModelAttribute NotificationForm form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        ApplicationId exemption = parse(id);
        PageForms.Bound<NotificationReport> bound = PageForms.bind(binding, () -> NotificationBinder.bind(form));
        Map<String, String> values = PageForms.values(parameters);
        if (!bound.valid()) {
            return answered(caller, exemption, new FormState(values, bound.errors(), null), model);
        }
        try {
            Handled<Notification> handled = exemptions.fileNotification(
                    caller, exemption, bound.value(), idempotencyKey, json.writeValueAsString(bound.value()));
            Notification notification = handled.record();
            redirect.addFlashAttribute(
                    "notice",
                    "Shipment of " + notification.shippedOn() + " notified: " + PageViews.items(notification.lines())
                            + (notification.late()
                                    ? ". It was due by " + notification.dueOn() + ", so it is recorded as late."
                                    : ", on time (due by " + notification.dueOn() + ")."));
        } catch (InvalidInputException refused) {
            return answered(caller, exemption, new FormState(values, FieldErrors.of(refused), null), model);
        } catch (ConflictException refused) {
            return answered(
                    caller, exemption, new FormState(values, FieldErrors.none(), PageForms.sentence(refused)), model);
        }
        return "redirect:/exemptions/" + exemption;
    }

    private String answered(CurrentUser caller, ApplicationId id, FormState answer, Model model) {
        return page(caller, exemptions.get(caller, id), answer, 1, model);
    }

    private String page(CurrentUser caller, Exemption exemption, FormState answer, int notificationsPage, Model model) {
        LocalDate today = LocalDate.now(clock);
        Exemption.Registration registration = exemption.registration();
        ApplicationContent content = registration.content();
        List<PageViews.NotificationRow> notifications = new ArrayList<>();
        List<Notification> filed =
                exemptions.notifications(caller, exemption.applicationId(), PageForms.paging(notificationsPage));
        for (Notification notification : filed.subList(0, Math.min(filed.size(), PageForms.PAGE_ROWS))) {
            notifications.add(PageViews.notification(notification));
        }
        model.addAttribute("exemption", PageViews.row(exemption, today));
        model.addAttribute("recordedState", exemption.state().name());
        model.addAttribute("version", exemption.version());
        model.addAttribute("registration", registration);
        model.addAttribute("lapsesOn", exemption.lapsesOn().toString());
        model.addAttribute("content", content);
        model.addAttribute("parties", PageViews.parties(content));
        model.addAttribute("lines", PageViews.lines(exemption.lines()));
        model.addAttribute(
                "tier", registration.tier() == null ? null : registration.tier().name());
        model.addAttribute("notifications", notifications);
        model.addAttribute("notificationsPage", notificationsPage);
        model.addAttribute("notificationsNext", filed.size() > PageForms.PAGE_ROWS);
        model.addAttribute("items", PageViews.items(exemption.lines()));
        boolean holder =
                caller.roles().contains(Role.APPLICANT) && exemption.holder().equals(caller.organizationId());
        model.addAttribute("holder", holder);
        model.addAttribute("mayNotify", holder && exemption.standing(today) == ExemptionState.OPEN);
        FormState form = answer != null ? answer : FormState.blank(defaults(exemption, today));
        model.addAttribute("form", form);
        model.addAttribute("formRows", PageForms.rows(form.values()));
        List<String> shown = new ArrayList<>(PageForms.rowFields(PageForms.rows(form.values()), "item", "quantity"));
        shown.addAll(List.of("shippedOn", "lines", "reference"));
        model.addAttribute("formFields", shown);
        model.addAttribute(
                "idempotencyKey",
                answer != null && answer.values().containsKey("idempotencyKey")
                        ? answer.values().get("idempotencyKey")
                        : UUID.randomUUID().toString());
        return "exemptions/show";
    }

    /** A blank notification: a shipment that left today (or on the last shipping day), of the first item. */
    private static Map<String, String> defaults(Exemption exemption, LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        LocalDate shipBy = exemption.shipBy();
        values.put("shippedOn", (today.isAfter(shipBy) ? shipBy : today).toString());
        values.put("lines[0].item", exemption.lines().lines().getFirst().item());
        return values;
    }

    static ApplicationId parse(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw PageForms.notFound("exemption", id); // a malformed address is a page that does not exist
        }
    }
}
