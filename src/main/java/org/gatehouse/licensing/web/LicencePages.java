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
import org.gatehouse.licensing.Amendment;
import org.gatehouse.licensing.ChangeReason;
import org.gatehouse.licensing.Handled;
import org.gatehouse.licensing.ItemLine;
import org.gatehouse.licensing.Licence;
import org.gatehouse.licensing.LicenceFilter;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.licensing.LicenceSection;
import org.gatehouse.licensing.LicenceService;
import org.gatehouse.licensing.LicenceSort;
import org.gatehouse.licensing.LicenceState;
import org.gatehouse.licensing.Shipment;
import org.gatehouse.licensing.ShipmentReport;
import org.gatehouse.licensing.web.PageForms.FormState;
import org.gatehouse.policy.Requirement;
import org.gatehouse.system.Dates;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebPage;
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
 * {@code /licences}: the list (paged and sorted by the database, filtered by state as of today and destination), and a
 * licence's page — its terms, lines with what remains, conditions, versions and shipments — with the holder's form to
 * record a shipment and the officer's forms to amend, suspend, reinstate and revoke it.
 *
 * <p>Forms are bound into the API's request records ({@link ShipmentForm}, {@link AmendmentForm}, {@link ReasonForm})
 * and checked by the API's binders, so a field's problem is named by the same path as in the API and shown beside it.
 * Every change posts, then redirects to the licence's page (post/redirect/get). A shipment carries an idempotency key
 * made when the form was shown, so a double click or a resent form records it once; every officer's change carries the
 * version the page showed, and the service refuses a stale one. A refusal (409) is shown on the page, and nothing is
 * changed. Who may do what is the service's rule; the page only chooses which forms to offer.
 *
 * <p>The licence's open flags (a FAILED on-site inspection of its buyer) are shown at the top of the page, each with
 * the officer's form to clear it with a reason ({@link ReasonBinder}, as the API). Parts other modules contribute
 * ({@link LicenceSection}: revenue share) follow the shipments.
 */
@Controller
@WebPage
class LicencePages {

    private static final String SHOW = "licences/show";

    private final LicenceService licences;
    private final JsonMapper json;
    private final List<LicenceSection> sections;
    private final Clock clock;

    LicencePages(LicenceService licences, JsonMapper json, List<LicenceSection> sections, Clock clock) {
        this.licences = licences;
        this.json = json;
        this.sections = sections;
        this.clock = clock;
    }

    /** Blank fields are absent fields, as a JSON body that leaves them out. */
    @InitBinder
    void blankIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/licences")
    String list(
            CurrentUser caller,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) Integer page,
            Model model) {
        InputCheck filters = new InputCheck();
        LicenceState stateFilter = filters.field(
                "state", () -> PageForms.blank(state) ? null : PageForms.named(LicenceState.class, state));
        CountryCode destinationFilter =
                filters.field("destination", () -> PageForms.blank(destination) ? null : CountryCode.of(destination));
        // An order the page does not offer (an edited address) falls back to the default rather than refusing.
        LicenceSort order = PageForms.order(LicenceSort.class, sort);
        boolean descending = dir == null ? order == null : !"asc".equals(dir);
        LicenceSort shown = order == null ? LicenceSort.ISSUED : order;
        int pageNumber = PageForms.pageNumber(page);
        LocalDate today = LocalDate.now(clock);
        List<Licence> found = filters.valid()
                ? licences.page(
                        caller,
                        new LicenceFilter(null, stateFilter, destinationFilter),
                        shown,
                        descending,
                        PageForms.paging(pageNumber))
                : List.of();
        List<PageViews.LicenceRow> rows = new ArrayList<>();
        for (Licence licence : found.subList(0, Math.min(found.size(), PageForms.PAGE_ROWS))) {
            rows.add(PageViews.row(licence, today));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("hasNext", found.size() > PageForms.PAGE_ROWS);
        model.addAttribute("page", pageNumber);
        model.addAttribute("state", stateFilter == null ? "" : stateFilter.name());
        model.addAttribute("destination", destinationFilter == null ? "" : destinationFilter.value());
        model.addAttribute("sort", shown.name().toLowerCase(Locale.ROOT));
        model.addAttribute("descending", descending);
        model.addAttribute("states", List.of(LicenceState.values()));
        model.addAttribute("countries", PageForms.COUNTRIES);
        model.addAttribute("filterErrors", PageForms.errors(filters));
        model.addAttribute("today", today.toString());
        return "licences/list";
    }

    @GetMapping("/licences/{number}")
    String show(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) Integer shipments,
            @RequestParam(required = false) Integer versions,
            Model model) {
        Licence licence = licences.get(caller, parse(number));
        return page(caller, licence, null, PageForms.pageNumber(shipments), PageForms.pageNumber(versions), model);
    }

    /** Records a shipment (the holder); with the key made when the form was shown, a resent form records it once. */
    @PostMapping("/licences/{number}/shipments")
    String reportShipment(
            CurrentUser caller,
            @PathVariable String number,
            @ModelAttribute ShipmentForm form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        LicenceNumber licenceNumber = parse(number);
        PageForms.Bound<ShipmentReport> bound = PageForms.bind(binding, () -> ShipmentBinder.bind(form));
        Map<String, String> values = PageForms.values(parameters);
        if (!bound.valid()) {
            return answered(caller, licenceNumber, new Answer("shipment", values, bound.errors(), null), model);
        }
        try {
            Handled<Shipment> handled = licences.reportShipment(
                    caller, licenceNumber, bound.value(), idempotencyKey, json.writeValueAsString(bound.value()));
            redirect.addFlashAttribute(
                    "notice",
                    "Shipment of " + handled.record().shippedOn() + " recorded: "
                            + PageViews.items(handled.record().lines()) + ". The quantities below are what remains.");
        } catch (InvalidInputException refused) {
            return answered(
                    caller, licenceNumber, new Answer("shipment", values, FieldErrors.of(refused), null), model);
        } catch (ConflictException refused) {
            return answered(
                    caller,
                    licenceNumber,
                    new Answer("shipment", values, FieldErrors.none(), PageForms.sentence(refused)),
                    model);
        }
        return "redirect:/licences/" + licenceNumber;
    }

    /** Amends the licence (officers) from the version the page showed. */
    @PostMapping("/licences/{number}/amendments")
    String amend(
            CurrentUser caller,
            @PathVariable String number,
            @ModelAttribute AmendmentForm form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes redirect) {
        LicenceNumber licenceNumber = parse(number);
        long expected = PageForms.version(version);
        Map<String, String> values = PageForms.values(parameters);
        PageForms.Bound<Amendment> bound = PageForms.bind(binding, () -> AmendmentBinder.bind(form));
        if (!bound.valid()) {
            return answered(caller, licenceNumber, new Answer("amend", values, bound.errors(), null), model);
        }
        try {
            Licence amended = licences.amend(caller, licenceNumber, expected, bound.value());
            redirect.addFlashAttribute(
                    "notice",
                    "Licence " + licenceNumber + " was amended: it is now at version " + amended.version() + ".");
        } catch (InvalidInputException refused) {
            return answered(caller, licenceNumber, new Answer("amend", values, FieldErrors.of(refused), null), model);
        } catch (ConflictException refused) {
            return answered(
                    caller,
                    licenceNumber,
                    new Answer("amend", values, FieldErrors.none(), PageForms.sentence(refused)),
                    model);
        }
        return "redirect:/licences/" + licenceNumber;
    }

    @PostMapping("/licences/{number}/suspend")
    String suspend(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return change(
                caller,
                number,
                "suspend",
                version,
                reason,
                model,
                redirect,
                (n, v, r) -> licences.suspend(caller, n, v, r),
                "Licence %s is suspended: no shipment may be reported until it is reinstated.");
    }

    @PostMapping("/licences/{number}/reinstate")
    String reinstate(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return change(
                caller,
                number,
                "reinstate",
                version,
                reason,
                model,
                redirect,
                (n, v, r) -> licences.reinstate(caller, n, v, r),
                "Licence %s is active again: shipments may be reported against it.");
    }

    @PostMapping("/licences/{number}/revoke")
    String revoke(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return change(
                caller,
                number,
                "revoke",
                version,
                reason,
                model,
                redirect,
                (n, v, r) -> licences.revoke(caller, n, v, r),
                "Licence %s is revoked; what it had not shipped was released.");
    }

    /** An officer clears an open flag of the licence, saying why. */
    @PostMapping("/licences/{number}/flags/{flag}/clear")
    String clearFlag(
            CurrentUser caller,
            @PathVariable String number,
            @PathVariable String flag,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        LicenceNumber licenceNumber = parse(number);
        UUID flagId;
        try {
            flagId = UUID.fromString(flag);
        } catch (IllegalArgumentException e) {
            throw PageForms.notFound("flag", flag); // a malformed address is a page that does not exist
        }
        String form = "flag-" + flagId;
        Map<String, String> values = new LinkedHashMap<>();
        if (reason != null) {
            values.put("reason", reason);
        }
        try {
            licences.clearFlag(caller, licenceNumber, flagId, ReasonBinder.bind(new ReasonForm(reason)));
            redirect.addFlashAttribute("notice", "The flag on licence " + licenceNumber + " is cleared.");
        } catch (InvalidInputException refused) {
            return answered(caller, licenceNumber, new Answer(form, values, FieldErrors.of(refused), null), model);
        } catch (ConflictException refused) {
            redirect.addFlashAttribute(
                    "problem", PageForms.sentence(refused) + " The page shows the licence as it is now.");
        }
        return "redirect:/licences/" + licenceNumber;
    }

    /** A change of state by an officer: one service call. */
    @FunctionalInterface
    private interface StateChange {
        Licence apply(LicenceNumber number, long version, ChangeReason reason);
    }

    /**
     * A suspension, reinstatement or revocation: a missing reason is named beside its field; a refusal (a stale
     * version, a state that does not allow it) goes back to the licence's page as it is now, with the reason why.
     */
    private String change(
            CurrentUser caller,
            String number,
            String form,
            String version,
            String reason,
            Model model,
            RedirectAttributes redirect,
            StateChange change,
            String done) {
        LicenceNumber licenceNumber = parse(number);
        long expected = PageForms.version(version);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", version);
        if (reason != null) {
            values.put("reason", reason);
        }
        try {
            change.apply(licenceNumber, expected, ReasonBinder.bind(new ReasonForm(reason)));
            redirect.addFlashAttribute("notice", done.formatted(licenceNumber));
        } catch (InvalidInputException refused) {
            return answered(caller, licenceNumber, new Answer(form, values, FieldErrors.of(refused), null), model);
        } catch (ConflictException refused) {
            redirect.addFlashAttribute(
                    "problem", PageForms.sentence(refused) + " The page shows the licence as it is now.");
        }
        return "redirect:/licences/" + licenceNumber;
    }

    /** What a refused form comes back with: which form, what was typed, each field's problem, a refusal. */
    private record Answer(String form, Map<String, String> values, FieldErrors errors, String problem) {}

    /** The licence's page again, with a refused form as it was sent. */
    private String answered(CurrentUser caller, LicenceNumber number, Answer answer, Model model) {
        return page(caller, licences.get(caller, number), answer, 1, 1, model);
    }

    private String page(
            CurrentUser caller, Licence licence, Answer answer, int shipmentsPage, int versionsPage, Model model) {
        LocalDate today = LocalDate.now(clock);
        LicenceState standing = licence.standing(today);
        ApplicationContent content = licence.content();
        LicenceNumber number = licence.number();

        List<PageViews.ShipmentRow> shipments = new ArrayList<>();
        List<Shipment> shipped = licences.shipments(caller, number, PageForms.paging(shipmentsPage));
        for (Shipment shipment : shipped.subList(0, Math.min(shipped.size(), PageForms.PAGE_ROWS))) {
            shipments.add(PageViews.shipment(shipment));
        }
        List<PageViews.VersionRow> versions = new ArrayList<>();
        var kept = licences.versions(caller, number, PageForms.paging(versionsPage));
        for (var version : kept.subList(0, Math.min(kept.size(), PageForms.PAGE_ROWS))) {
            versions.add(PageViews.version(version));
        }

        model.addAttribute("licence", PageViews.row(licence, today));
        model.addAttribute("version", licence.version());
        model.addAttribute("recordedState", licence.state().name());
        model.addAttribute("applicationId", licence.applicationId().toString());
        model.addAttribute("issuedBy", licence.issuedBy());
        model.addAttribute("validFrom", licence.validFrom().toString());
        model.addAttribute("content", content);
        model.addAttribute("parties", PageViews.parties(content));
        model.addAttribute("lines", PageViews.lines(licence.lines()));
        model.addAttribute("conditions", PageViews.conditions(licence.conditions()));
        model.addAttribute("officerConditions", licence.officerConditions());
        model.addAttribute("policy", licence.policy());
        model.addAttribute(
                "tier", licence.tier() == null ? null : licence.tier().name());
        model.addAttribute("updated", Dates.minute(licence.updatedAt()));
        model.addAttribute("shipments", shipments);
        model.addAttribute("shipmentsPage", shipmentsPage);
        model.addAttribute("shipmentsNext", shipped.size() > PageForms.PAGE_ROWS);
        model.addAttribute("versions", versions);
        model.addAttribute("versionsPage", versionsPage);
        model.addAttribute("versionsNext", kept.size() > PageForms.PAGE_ROWS);

        // What to offer: the holder's applicants report shipments, officers change the licence; the service refuses
        // anyone else whatever they post.
        boolean holder =
                caller.roles().contains(Role.APPLICANT) && licence.holder().equals(caller.organizationId());
        boolean officer = caller.roles().contains(Role.OFFICER);
        boolean tested = licence.conditions().stream().anyMatch(c -> c.code() == Requirement.THIRD_PARTY_TESTING_US);
        model.addAttribute("holder", holder);
        model.addAttribute("mayShip", holder && standing == LicenceState.ACTIVE);
        model.addAttribute("tested", tested);
        model.addAttribute("officer", officer);
        model.addAttribute("mayAmend", officer && standing.live());
        model.addAttribute("maySuspend", officer && standing == LicenceState.ACTIVE);
        model.addAttribute("mayReinstate", officer && standing == LicenceState.SUSPENDED);
        model.addAttribute("mayRevoke", officer && standing.live());
        model.addAttribute("items", PageViews.items(licence.lines()));

        // Open flags (a failed inspection of the buyer): shown first, each with the officer's form to clear it.
        List<PageViews.FlagRow> flags =
                licences.openFlags(caller, number).stream().map(PageViews::flag).toList();
        model.addAttribute("flags", flags);
        model.addAttribute("mayClearFlags", officer);
        List<LicenceSection.Shown> shown = new ArrayList<>(sections.size());
        for (LicenceSection section : sections) {
            section.shownOn(caller, licence).ifPresent(shown::add);
        }
        model.addAttribute("sections", shown);

        Map<String, FormState> forms = new LinkedHashMap<>();
        for (PageViews.FlagRow flag : flags) {
            forms.put(flag.form(), FormState.blank(Map.of()));
        }
        forms.put("shipment", FormState.blank(shipmentDefaults(licence, today)));
        forms.put("amend", FormState.blank(amendmentDefaults(licence)));
        for (String change : List.of("suspend", "reinstate", "revoke")) {
            forms.put(change, FormState.blank(Map.of()));
        }
        if (answer != null) {
            forms.put(answer.form(), new FormState(answer.values(), answer.errors(), answer.problem()));
        }
        model.addAttribute("forms", forms);
        model.addAttribute("shipmentRows", PageForms.rows(forms.get("shipment").values()));
        model.addAttribute(
                "shipmentFields",
                shownFields(
                        PageForms.rowFields(
                                PageForms.rows(forms.get("shipment").values()), "item", "quantity", "valueUsd"),
                        "shippedOn",
                        "lines",
                        "testReportSha256",
                        "reference"));
        model.addAttribute(
                "amendFields",
                shownFields(
                        PageForms.rowFields(licence.lines().lines().size(), "quantity"),
                        "lines",
                        "validUntil",
                        "officerConditions",
                        "reason"));
        model.addAttribute("answered", answer == null ? null : answer.form());
        // The key of this showing of the shipment form; a refused form keeps the key it was sent with (nothing was
        // recorded under it), so that sending it again, corrected, still records once.
        model.addAttribute(
                "idempotencyKey",
                answer != null
                                && "shipment".equals(answer.form())
                                && answer.values().containsKey("idempotencyKey")
                        ? answer.values().get("idempotencyKey")
                        : UUID.randomUUID().toString());
        model.addAttribute(
                "formVersion",
                answer != null && answer.values().containsKey("version")
                        ? answer.values().get("version")
                        : Long.toString(licence.version()));
        return SHOW;
    }

    private static List<String> shownFields(List<String> rows, String... fields) {
        List<String> shown = new ArrayList<>(rows);
        shown.addAll(List.of(fields));
        return shown;
    }

    /** A blank shipment: today, the licence's first item. */
    private static Map<String, String> shipmentDefaults(Licence licence, LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("shippedOn", today.toString());
        values.put("lines[0].item", licence.lines().lines().getFirst().item());
        return values;
    }

    /** The amendment form shows the licence's terms as they are; the officer changes what they mean to. */
    private static Map<String, String> amendmentDefaults(Licence licence) {
        Map<String, String> values = new LinkedHashMap<>();
        List<ItemLine> lines = licence.lines().lines();
        for (int i = 0; i < lines.size(); i++) {
            values.put("lines[" + i + "].line", Integer.toString(lines.get(i).number()));
            values.put("lines[" + i + "].quantity", Long.toString(lines.get(i).quantity()));
        }
        values.put("validUntil", licence.validUntil().toString());
        if (licence.officerConditions() != null) {
            values.put("officerConditions", licence.officerConditions());
        }
        return values;
    }

    static LicenceNumber parse(String number) {
        try {
            return LicenceNumber.parse(number);
        } catch (IllegalArgumentException e) {
            throw PageForms.notFound("licence", number); // a malformed address is a page that does not exist
        }
    }
}
