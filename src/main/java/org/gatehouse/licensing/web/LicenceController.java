package org.gatehouse.licensing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.licensing.ChangeReason;
import org.gatehouse.licensing.Handled;
import org.gatehouse.licensing.Licence;
import org.gatehouse.licensing.LicenceFilter;
import org.gatehouse.licensing.LicenceNumber;
import org.gatehouse.licensing.LicenceService;
import org.gatehouse.licensing.LicenceState;
import org.gatehouse.licensing.Shipment;
import org.gatehouse.licensing.ShipmentReport;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
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
 * {@code /api/v1/licences}: licences, their versions and shipments; the officer's amendments, suspensions,
 * reinstatements and revocations. Authorization is the service's.
 */
@RestController
@RequestMapping("/api/v1/licences")
class LicenceController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final LicenceService licences;
    private final JsonMapper json;
    private final Clock clock;

    LicenceController(LicenceService licences, JsonMapper json, Clock clock) {
        this.licences = licences;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    List<LicenceView> list(
            CurrentUser caller,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        InputCheck check = new InputCheck();
        LicenceState stateFilter = check.field("state", () -> state == null ? null : Params.licenceState(state));
        CountryCode destinationFilter =
                check.field("destination", () -> destination == null ? null : CountryCode.of(destination));
        check.throwIfInvalid();
        Paging paging = Paging.of(limit, offset);
        return licences.list(caller, new LicenceFilter(null, stateFilter, destinationFilter), paging).stream()
                .map(licence -> view(caller, licence))
                .toList();
    }

    @GetMapping("/{number}")
    LicenceView get(CurrentUser caller, @PathVariable String number) {
        return view(caller, licences.get(caller, Params.number(number)));
    }

    @GetMapping("/{number}/versions")
    List<LicenceVersionView> versions(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return licences.versions(caller, Params.number(number), Paging.of(limit, offset)).stream()
                .map(version -> LicenceVersionView.of(version, licences.assessmentShownTo(caller, version), json))
                .toList();
    }

    @GetMapping("/{number}/versions/{version}")
    LicenceVersionView version(CurrentUser caller, @PathVariable String number, @PathVariable String version) {
        var found = licences.version(caller, Params.number(number), Params.version(version));
        return LicenceVersionView.of(found, licences.assessmentShownTo(caller, found), json);
    }

    @GetMapping("/{number}/shipments")
    List<ShipmentView> shipments(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return licences.shipments(caller, Params.number(number), Paging.of(limit, offset)).stream()
                .map(ShipmentView::of)
                .toList();
    }

    /** Reports a shipment; with an Idempotency-Key, a retry answers with the shipment first recorded. */
    @PostMapping("/{number}/shipments")
    ResponseEntity<ShipmentView> reportShipment(
            CurrentUser caller,
            @PathVariable String number,
            @RequestBody ShipmentForm body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        LicenceNumber licence = Params.number(number);
        ShipmentReport report = ShipmentBinder.bind(body);
        Handled<Shipment> handled =
                licences.reportShipment(caller, licence, report, idempotencyKey, json.writeValueAsString(report));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(REPLAYED, Boolean.toString(handled.replayed()))
                .body(ShipmentView.of(handled.record()));
    }

    /** Amends a licence to a new version: {@code ?version=N}, the version read. */
    @PostMapping("/{number}/amendments")
    LicenceView amend(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) String version,
            @RequestBody AmendmentForm body) {
        LicenceNumber licence = Params.number(number);
        long expected = Params.requiredVersion(version);
        return view(caller, licences.amend(caller, licence, expected, AmendmentBinder.bind(body)));
    }

    @PostMapping("/{number}/suspend")
    LicenceView suspend(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) String version,
            @RequestBody(required = false) ReasonForm body) {
        LicenceNumber licence = Params.number(number);
        long expected = Params.requiredVersion(version);
        return view(caller, licences.suspend(caller, licence, expected, ReasonBinder.bind(body)));
    }

    @PostMapping("/{number}/reinstate")
    LicenceView reinstate(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) String version,
            @RequestBody(required = false) ReasonForm body) {
        LicenceNumber licence = Params.number(number);
        long expected = Params.requiredVersion(version);
        return view(caller, licences.reinstate(caller, licence, expected, ReasonBinder.bind(body)));
    }

    @PostMapping("/{number}/revoke")
    LicenceView revoke(
            CurrentUser caller,
            @PathVariable String number,
            @RequestParam(required = false) String version,
            @RequestBody(required = false) ReasonForm body) {
        LicenceNumber licence = Params.number(number);
        long expected = Params.requiredVersion(version);
        return view(caller, licences.revoke(caller, licence, expected, ReasonBinder.bind(body)));
    }

    /** An officer clears an open flag of a licence with a reason; the licence as it is after. */
    @PostMapping("/{number}/flags/{flag}/clear")
    LicenceView clearFlag(
            CurrentUser caller,
            @PathVariable String number,
            @PathVariable String flag,
            @RequestBody(required = false) ReasonForm body) {
        LicenceNumber licence = Params.number(number);
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(flag);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("flag", "must be the id of a flag (a UUID)");
        }
        ChangeReason reason = ReasonBinder.bind(body);
        licences.clearFlag(caller, licence, id, reason);
        return view(caller, licences.get(caller, licence));
    }

    private LicenceView view(CurrentUser caller, Licence licence) {
        return LicenceView.of(
                licence,
                LocalDate.now(clock),
                licences.assessmentShownTo(caller, licence),
                json,
                licences.openFlags(caller, licence.number()));
    }
}
