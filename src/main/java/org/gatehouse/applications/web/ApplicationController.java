package org.gatehouse.applications.web;

import java.net.URI;
import java.util.List;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationFilter;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.ApplicationState;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/applications}: drafts, submission and withdrawal. Authorization is the service's. */
@RestController
@RequestMapping("/api/v1/applications")
class ApplicationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final ApplicationService applications;
    private final JsonMapper json;

    ApplicationController(ApplicationService applications, JsonMapper json) {
        this.applications = applications;
        this.json = json;
    }

    /** Creates a draft; with an Idempotency-Key, a retry answers with the same draft. */
    @PostMapping
    ResponseEntity<ApplicationView> create(
            CurrentUser caller,
            @RequestBody ApplicationForm body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        if (body != null && body.version() != null) {
            throw InvalidInputException.of("version", "is set by the server; leave it out when creating");
        }
        ApplicationContent content = ApplicationBinder.bind(body);
        ApplicationService.Handled handled =
                applications.create(caller, content, idempotencyKey, json.writeValueAsString(content));
        return ResponseEntity.created(URI.create(
                        "/api/v1/applications/" + handled.application().id()))
                .header(REPLAYED, Boolean.toString(handled.replayed()))
                .body(view(caller, handled.application()));
    }

    @GetMapping
    List<ApplicationView> list(
            CurrentUser caller,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String company,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        InputCheck check = new InputCheck();
        ApplicationState stateFilter = check.field("state", () -> state == null ? null : parseState(state));
        Tier tierFilter = check.field("tier", () -> Tier.ofNullable(tier));
        CountryCode destinationFilter =
                check.field("destination", () -> destination == null ? null : CountryCode.of(destination));
        String companyFilter = check.field(
                "company",
                () -> company == null ? null : CompanyName.of(company).key());
        check.throwIfInvalid();
        Paging paging = Paging.of(limit, offset);
        return applications
                .list(
                        caller,
                        new ApplicationFilter(null, stateFilter, tierFilter, destinationFilter, companyFilter),
                        paging)
                .stream()
                .map(a -> view(caller, a))
                .toList();
    }

    @GetMapping("/{id}")
    ApplicationView get(CurrentUser caller, @PathVariable String id) {
        return view(caller, applications.get(caller, parseId(id)));
    }

    /** Replaces a draft's content; the body carries the version the client read. */
    @PutMapping("/{id}")
    ApplicationView update(CurrentUser caller, @PathVariable String id, @RequestBody ApplicationForm body) {
        ApplicationId applicationId = parseId(id);
        if (body == null || body.version() == null) {
            throw InvalidInputException.of("version", "is required: the version of the application you read");
        }
        ApplicationContent content = ApplicationBinder.bind(body);
        return view(caller, applications.update(caller, applicationId, body.version(), content));
    }

    /** Discards a draft: {@code ?version=N}; answers with the discarded draft (kept as a record, hidden from lists). */
    @DeleteMapping("/{id}")
    ApplicationView discard(
            CurrentUser caller, @PathVariable String id, @RequestParam(required = false) String version) {
        return view(caller, applications.discard(caller, parseId(id), requireVersion(version)));
    }

    /** Submits a draft (optionally {@code ?version=N}); with an Idempotency-Key a retry gets the same answer. */
    @PostMapping("/{id}/submit")
    ResponseEntity<ApplicationView> submit(
            CurrentUser caller,
            @PathVariable String id,
            @RequestParam(required = false) String version,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        ApplicationService.Handled handled = applications.submit(
                caller, parseId(id), version == null ? null : requireVersion(version), idempotencyKey);
        return ResponseEntity.ok()
                .header(REPLAYED, Boolean.toString(handled.replayed()))
                .body(view(caller, handled.application()));
    }

    /** Withdraws a submitted application: {@code ?version=N}. */
    @PostMapping("/{id}/withdraw")
    ApplicationView withdraw(
            CurrentUser caller, @PathVariable String id, @RequestParam(required = false) String version) {
        return view(caller, applications.withdraw(caller, parseId(id), requireVersion(version)));
    }

    private ApplicationView view(CurrentUser caller, Application application) {
        return ApplicationView.of(application, applications.assessmentShownTo(caller, application), json);
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

    private static ApplicationId parseId(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", e.getMessage());
        }
    }

    private static ApplicationState parseState(String state) {
        try {
            return ApplicationState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + List.of(ApplicationState.values()));
        }
    }
}
