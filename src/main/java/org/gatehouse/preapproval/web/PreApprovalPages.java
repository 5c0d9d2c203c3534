package org.gatehouse.preapproval.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Role;
import org.gatehouse.preapproval.PreApprovalFilter;
import org.gatehouse.preapproval.PreApprovalId;
import org.gatehouse.preapproval.PreApprovalService;
import org.gatehouse.preapproval.PreApprovalSort;
import org.gatehouse.preapproval.PreApprovalState;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.server.ScreeningService;
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
 * {@code /preapprovals}: the list (the officers' queue and everyone else's own, paged and sorted by the database,
 * filtered by state), the request form (a buyer for itself, an exporter for a named buyer; the disclosure is uploaded
 * and the server computes its SHA-256), and the pre-approval's page with its inspections and the officer's forms:
 * review, grant, deny, suspend, reinstate, revoke, schedule an inspection.
 *
 * <p>Every form is read into the API's request shape and checked by {@link PreApprovalBinder}, then handed to
 * {@link PreApprovalService}, which authorizes and audits as for the API. A refused field is shown next to its input
 * with what was typed; a change the state no longer allows (or a stale version) comes back as a message on the page.
 * Changes post, then redirect (post/redirect/get).
 */
@Controller
@WebPage
class PreApprovalPages {

    /** Rows per page of the list. */
    static final int PAGE_ROWS = 25;

    /** Site rows the request form offers; rows left blank are no site. */
    static final int SITE_ROWS = 3;

    /** The officer's forms on a pre-approval's page, by the address they post to. */
    static final List<String> ACTIONS =
            List.of("review", "grant", "deny", "suspend", "reinstate", "revoke", "inspections");

    private static final String NEW = "preapprovals/new";
    private static final String SHOW = "preapprovals/show";

    private final PreApprovalService preApprovals;
    private final OrganizationService organizations;
    private final ScreeningService screening;
    private final Clock clock;

    PreApprovalPages(
            PreApprovalService preApprovals,
            OrganizationService organizations,
            ScreeningService screening,
            Clock clock) {
        this.preApprovals = preApprovals;
        this.organizations = organizations;
        this.screening = screening;
        this.clock = clock;
    }

    /**
     * A restricted-party hit on the requester (the company or its ultimate parent), as officers and auditors see it;
     * {@code form} is the id of its disposition form.
     */
    public record HitRow(
            long id,
            String party,
            String list,
            String matchedName,
            String score,
            String explanation,
            String found,
            String disposition,
            String reason,
            String decided,
            String form) {

        static HitRow of(ScreeningHit h) {
            return new HitRow(
                    h.id(),
                    words(h.partyRole()) + ": " + h.partyName(),
                    h.listSource() + " entry " + h.entryId(),
                    h.matchedName(),
                    String.format(Locale.ROOT, "%.3f", h.score()),
                    h.explanation(),
                    org.gatehouse.system.Dates.minute(h.foundAt()),
                    h.disposition() == null ? null : words(h.disposition().name()),
                    h.reason(),
                    h.dispositionedAt() == null
                            ? null
                            : org.gatehouse.system.Dates.minute(h.dispositionedAt()) + " by " + h.dispositionedBy(),
                    "hit-" + h.id());
        }

        private static String words(String code) {
            String text = code.replace('_', ' ').toLowerCase(Locale.ROOT);
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    /** A row of the list. */
    public record Row(
            String id,
            String company,
            String ultimateParent,
            String countries,
            String state,
            String standing,
            String requested,
            String changed,
            String validUntil) {}

    @GetMapping("/preapprovals")
    String list(
            CurrentUser caller,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) Integer page,
            Model model) {
        PreApprovalState stateFilter = WebForms.constant(PreApprovalState.class, state);
        // An order the page does not offer (an edited address) falls back to the default rather than refusing.
        PreApprovalSort order = WebForms.constant(PreApprovalSort.class, sort);
        boolean descending = dir == null ? order == null || order != PreApprovalSort.COMPANY : !"asc".equals(dir);
        order = order == null ? PreApprovalSort.REQUESTED : order;
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, Paging.OFFSET_MAX / PAGE_ROWS);
        List<PreApprovalService.Viewed> found = preApprovals.list(
                caller,
                new PreApprovalFilter(stateFilter, null, null, null, null, null),
                order,
                descending,
                new Paging(PAGE_ROWS + 1, (pageNumber - 1) * PAGE_ROWS));
        model.addAttribute(
                "rows",
                found.subList(0, Math.min(found.size(), PAGE_ROWS)).stream()
                        .map(PreApprovalPages::row)
                        .toList());
        model.addAttribute("hasNext", found.size() > PAGE_ROWS);
        model.addAttribute("page", pageNumber);
        model.addAttribute("state", stateFilter == null ? "" : stateFilter.name());
        model.addAttribute("states", PreApprovalState.values());
        model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
        model.addAttribute("descending", descending);
        model.addAttribute("title", title(caller));
        model.addAttribute(
                "mayRequest",
                (caller.roles().contains(Role.BUYER)
                        || caller.roles().contains(Role.APPLICANT))); // the service decides
        return "preapprovals/list";
    }

    @GetMapping("/preapprovals/new")
    String newRequest(CurrentUser caller, Model model) {
        LocalDate today = LocalDate.now(clock);
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        if (caller.roles().contains(Role.BUYER)) {
            values.put(
                    "company",
                    organizations.get(caller, caller.organizationId()).name().value());
        }
        values.put("validFrom", today.toString());
        values.put("validUntil", today.plusYears(1).minusDays(1).toString());
        return requestForm(caller, model, values, FieldErrors.none(), null);
    }

    @PostMapping("/preapprovals")
    String request(
            CurrentUser caller,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(required = false) MultipartFile disclosureFile,
            Model model) {
        WebForms.Uploaded disclosure = WebForms.read(disclosureFile);
        if (disclosure == null && WebForms.text(parameters, "disclosure.sha256") != null) {
            // Chosen on a form that was refused for another field: kept as the server read it then.
            disclosure = new WebForms.Uploaded(
                    WebForms.text(parameters, "disclosure.name"),
                    WebForms.text(parameters, "disclosure.mediaType"),
                    parseSize(WebForms.text(parameters, "disclosure.sizeBytes")),
                    WebForms.text(parameters, "disclosure.sha256"));
        }
        List<PreApprovalForms.SiteForm> sites = new ArrayList<>();
        for (int i = 0; i < SITE_ROWS; i++) {
            String name = WebForms.text(parameters, "sites[" + i + "].name");
            String country = WebForms.text(parameters, "sites[" + i + "].country");
            String address = WebForms.text(parameters, "sites[" + i + "].address");
            if (name != null || country != null || address != null) {
                sites.add(new PreApprovalForms.SiteForm(name, country, address));
            }
        }
        String countries = WebForms.text(parameters, "countries");
        String consent = WebForms.text(parameters, "inspectionConsent");
        PreApprovalForms.Request form = new PreApprovalForms.Request(
                WebForms.text(parameters, "company"),
                WebForms.text(parameters, "ultimateParent"),
                countries == null
                        ? List.of()
                        : Arrays.stream(countries.split("[,;\\s]+"))
                                .filter(c -> !c.isBlank())
                                .map(c -> c.toUpperCase(Locale.ROOT))
                                .toList(),
                sites,
                disclosure == null
                        ? null
                        : new PreApprovalForms.DocumentForm(
                                disclosure.name(),
                                disclosure.mediaType(),
                                disclosure.sha256(),
                                BigDecimal.valueOf(disclosure.sizeBytes())),
                consent == null ? null : "yes".equals(consent),
                WebForms.text(parameters, "validFrom"),
                WebForms.text(parameters, "validUntil"));
        try {
            PreApprovalService.Viewed requested = preApprovals.request(caller, PreApprovalBinder.request(form));
            return "redirect:/preapprovals/" + requested.preApproval().id();
        } catch (InvalidInputException refused) {
            return requestForm(
                    caller, model, WebForms.values(parameters), WebForms.errors(refused, "countries"), disclosure);
        }
    }

    private String requestForm(
            CurrentUser caller,
            Model model,
            Map<String, String> values,
            FieldErrors errors,
            WebForms.Uploaded disclosure) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("disclosure", disclosure);
        model.addAttribute("siteRows", SITE_ROWS);
        model.addAttribute("countries", WebForms.COUNTRIES);
        model.addAttribute("buyer", caller.roles().contains(Role.BUYER));
        return NEW;
    }

    @GetMapping("/preapprovals/{id}")
    String show(CurrentUser caller, @PathVariable String id, Model model) {
        return page(caller, parseId(id), model, null, Map.of(), FieldErrors.none());
    }

    @PostMapping("/preapprovals/{id}/{action}")
    String change(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        PreApprovalId preApproval = parseId(id);
        if (!ACTIONS.contains(action)) {
            throw new NotFoundException("page", "/preapprovals/" + id + "/" + action);
        }
        Long version = version(parameters);
        String reason = WebForms.text(parameters, "reason");
        Supplier<String> change = switch (action) {
            case "review" ->
                () -> {
                    preApprovals.review(
                            caller, preApproval, PreApprovalBinder.version(new PreApprovalForms.Version(version)));
                    return "The request is under review.";
                };
            case "grant" ->
                () -> {
                    var bound = PreApprovalBinder.grant(new PreApprovalForms.Grant(
                            WebForms.text(parameters, "conditions"),
                            WebForms.text(parameters, "validFrom"),
                            WebForms.text(parameters, "validUntil"),
                            version));
                    var granted = preApprovals.grant(
                            caller,
                            preApproval,
                            bound.value().conditions(),
                            bound.value().validFrom(),
                            bound.value().validUntil(),
                            bound.version());
                    return "The pre-approval was granted, valid from "
                            + granted.preApproval().validFrom() + " to "
                            + granted.preApproval().validUntil() + ".";
                };
            case "deny" ->
                () -> {
                    var bound = PreApprovalBinder.deny(
                            new PreApprovalForms.Deny(WebForms.text(parameters, "reasons"), version));
                    preApprovals.deny(caller, preApproval, bound.value(), bound.version());
                    return "The pre-approval was denied.";
                };
            case "suspend" ->
                () -> {
                    var bound = PreApprovalBinder.reason(new PreApprovalForms.Reason(reason, version));
                    preApprovals.suspend(caller, preApproval, bound.value(), bound.version());
                    return "The pre-approval was suspended.";
                };
            case "reinstate" ->
                () -> {
                    var bound = PreApprovalBinder.reason(new PreApprovalForms.Reason(reason, version));
                    preApprovals.reinstate(caller, preApproval, bound.value(), bound.version());
                    return "The pre-approval was reinstated.";
                };
            case "revoke" ->
                () -> {
                    var bound = PreApprovalBinder.reason(new PreApprovalForms.Reason(reason, version));
                    preApprovals.revoke(caller, preApproval, bound.value(), bound.version());
                    return "The pre-approval was revoked.";
                };
            default ->
                () -> {
                    var bound = PreApprovalBinder.schedule(new PreApprovalForms.Schedule(
                            WebForms.text(parameters, "site"),
                            WebForms.text(parameters, "scheduledFor"),
                            WebForms.text(parameters, "inspector")));
                    var scheduled = preApprovals.schedule(
                            caller, preApproval, bound.site(), bound.scheduledFor(), bound.inspector());
                    return "An inspection of " + scheduled.site().name() + " was scheduled for "
                            + scheduled.scheduledFor() + " with " + scheduled.inspector() + ".";
                };
        };
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (InvalidInputException refused) {
            return page(caller, preApproval, model, action, WebForms.values(parameters), FieldErrors.of(refused));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", FieldErrors.sentence(refused.getMessage()));
        }
        return "redirect:/preapprovals/" + preApproval;
    }

    private String page(
            CurrentUser caller,
            PreApprovalId id,
            Model model,
            String failed,
            Map<String, String> values,
            FieldErrors errors) {
        LocalDate today = LocalDate.now(clock);
        PreApprovalService.Viewed viewed = preApprovals.get(caller, id);
        PreApprovalView view = PreApprovalView.of(viewed, today);
        model.addAttribute("p", view);
        model.addAttribute("requested", org.gatehouse.system.Dates.minute(view.requestedAt()));
        model.addAttribute("changed", org.gatehouse.system.Dates.minute(view.changedAt()));
        // What to offer: officers decide; the service refuses anyone else whatever they post.
        boolean officer = caller.roles().contains(Role.OFFICER);
        PreApprovalState standing = viewed.standing();
        model.addAttribute("mayReview", officer && standing == PreApprovalState.REQUESTED);
        model.addAttribute("mayDecide", officer && standing == PreApprovalState.UNDER_REVIEW);
        model.addAttribute("maySuspend", officer && standing.active());
        model.addAttribute("mayReinstate", officer && standing == PreApprovalState.SUSPENDED);
        model.addAttribute("mayRevoke", officer && standing.live());
        model.addAttribute(
                "maySchedule",
                (caller.roles().contains(Role.OFFICER) || caller.roles().contains(Role.INSPECTOR)) && standing.live());
        model.addAttribute("officer", officer);
        // The requester's screening hits: officers and auditors (the service's rule), with the officer's disposition
        // form (screening's pages receive it, through the API's binder and service).
        boolean screens =
                caller.roles().contains(Role.OFFICER) || caller.roles().contains(Role.AUDITOR);
        model.addAttribute("screens", screens);
        model.addAttribute(
                "hits",
                screens
                        ? screening.hitsOfPreApproval(caller, id.value()).stream()
                                .map(HitRow::of)
                                .toList()
                        : List.of());
        model.addAttribute("failed", failed);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("noErrors", FieldErrors.none());
        model.addAttribute("noValues", Map.of());
        return SHOW;
    }

    static Row row(PreApprovalService.Viewed viewed) {
        var p = viewed.preApproval();
        var r = p.request();
        return new Row(
                p.id().toString(),
                r.company().display(),
                r.ultimateParent().display(),
                String.join(", ", r.countries().stream().map(c -> c.value()).toList()),
                p.state().name(),
                viewed.standing().name(),
                org.gatehouse.system.Dates.minute(p.requestedAt()),
                org.gatehouse.system.Dates.minute(p.changedAt()),
                p.validUntil() == null ? "" : p.validUntil().toString());
    }

    private static String title(CurrentUser caller) {
        if ((caller.roles().contains(Role.OFFICER) || caller.roles().contains(Role.AUDITOR))) {
            return "Pre-approvals";
        }
        if (caller.roles().contains(Role.BUYER)) {
            return "Your pre-approvals";
        }
        if (caller.roles().contains(Role.APPLICANT)) {
            return "Pre-approvals you requested";
        }
        return "Pre-approvals";
    }

    /** The version posted; a missing or malformed one is left to the binder, which names it. */
    private static Long version(MultiValueMap<String, String> parameters) {
        String text = WebForms.text(parameters, "version");
        if (text == null || !text.matches("[0-9]{1,18}")) {
            return text == null ? null : -1L;
        }
        return Long.parseLong(text);
    }

    private static long parseSize(String text) {
        return text == null || !text.matches("[0-9]{1,18}") ? -1 : Long.parseLong(text);
    }

    static PreApprovalId parseId(String id) {
        try {
            return PreApprovalId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("pre-approval", id); // a malformed address is a page that does not exist
        }
    }
}
