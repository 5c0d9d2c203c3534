package org.gatehouse.licensing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.licensing.ExemptionFilter;
import org.gatehouse.licensing.ExemptionService;
import org.gatehouse.licensing.ExemptionState;
import org.gatehouse.licensing.Handled;
import org.gatehouse.licensing.Notification;
import org.gatehouse.licensing.NotificationReport;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/exemptions}: tier-1 exemptions (identified by their application) and their post-shipment
 * notifications. Authorization is the service's.
 */
@RestController
@RequestMapping("/api/v1/exemptions")
class ExemptionController {

    private final ExemptionService exemptions;
    private final JsonMapper json;
    private final Clock clock;

    ExemptionController(ExemptionService exemptions, JsonMapper json, Clock clock) {
        this.exemptions = exemptions;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    List<ExemptionView> list(
            CurrentUser caller,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String late,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        InputCheck check = new InputCheck();
        ExemptionState stateFilter = check.field("state", () -> state == null ? null : Params.exemptionState(state));
        CountryCode destinationFilter =
                check.field("destination", () -> destination == null ? null : CountryCode.of(destination));
        Boolean lateFilter = check.field("late", () -> late == null ? null : Params.bool(late));
        check.throwIfInvalid();
        Paging paging = Paging.of(limit, offset);
        LocalDate today = LocalDate.now(clock);
        return exemptions
                .list(caller, new ExemptionFilter(null, stateFilter, destinationFilter, lateFilter), paging)
                .stream()
                .map(exemption -> ExemptionView.of(exemption, today))
                .toList();
    }

    @GetMapping("/{id}")
    ExemptionView get(CurrentUser caller, @PathVariable String id) {
        return ExemptionView.of(exemptions.get(caller, Params.exemption(id)), LocalDate.now(clock));
    }

    @GetMapping("/{id}/notifications")
    List<NotificationView> notifications(
            CurrentUser caller,
            @PathVariable String id,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return exemptions.notifications(caller, Params.exemption(id), Paging.of(limit, offset)).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** Files a post-shipment notification; with an Idempotency-Key, a retry answers with the one first recorded. */
    @PostMapping("/{id}/notifications")
    ResponseEntity<NotificationView> file(
            CurrentUser caller,
            @PathVariable String id,
            @RequestBody NotificationForm body,
            @RequestHeader(name = LicenceController.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        ApplicationId exemption = Params.exemption(id);
        NotificationReport report = NotificationBinder.bind(body);
        Handled<Notification> handled =
                exemptions.fileNotification(caller, exemption, report, idempotencyKey, json.writeValueAsString(report));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(LicenceController.REPLAYED, Boolean.toString(handled.replayed()))
                .body(NotificationView.of(handled.record()));
    }
}
