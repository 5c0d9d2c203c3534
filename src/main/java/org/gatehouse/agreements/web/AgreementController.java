package org.gatehouse.agreements.web;

import java.net.URI;
import java.util.List;
import org.gatehouse.agreements.AgreementId;
import org.gatehouse.agreements.AgreementService;
import org.gatehouse.agreements.AgreementStatus;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/agreements}: government-to-government agreements. Authorization is the service's. */
@RestController
@RequestMapping("/api/v1/agreements")
class AgreementController {

    private final AgreementService agreements;

    AgreementController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @PostMapping
    ResponseEntity<AgreementView> create(CurrentUser caller, @RequestBody AgreementForms.Create body) {
        var created = AgreementBinder.create(body);
        AgreementView view = AgreementView.of(agreements.create(
                caller,
                created.terms(),
                created.investment(),
                created.allocationGb300e(),
                created.commitments(),
                created.tranches()));
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + view.id()))
                .body(view);
    }

    @GetMapping
    List<AgreementView> list(
            CurrentUser caller,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        InputCheck check = new InputCheck();
        CountryCode countryFilter = check.field("country", () -> country == null ? null : CountryCode.of(country));
        AgreementStatus statusFilter = check.field("status", () -> status == null ? null : status(status));
        check.throwIfInvalid();
        return agreements.list(caller, countryFilter, statusFilter, Paging.of(limit, offset)).stream()
                .map(AgreementView::of)
                .toList();
    }

    @GetMapping("/{id}")
    AgreementView get(CurrentUser caller, @PathVariable String id) {
        return AgreementView.of(agreements.get(caller, parseId(id)));
    }

    @PostMapping("/{id}/sign")
    AgreementView sign(CurrentUser caller, @PathVariable String id, @RequestBody AgreementForms.Sign body) {
        AgreementId agreement = parseId(id);
        var bound = AgreementBinder.sign(body);
        return AgreementView.of(agreements.sign(caller, agreement, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/entry-into-force")
    AgreementView enterIntoForce(
            CurrentUser caller, @PathVariable String id, @RequestBody AgreementForms.InForce body) {
        AgreementId agreement = parseId(id);
        var bound = AgreementBinder.inForce(body);
        return AgreementView.of(agreements.enterIntoForce(caller, agreement, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/terminate")
    AgreementView terminate(CurrentUser caller, @PathVariable String id, @RequestBody AgreementForms.Terminate body) {
        AgreementId agreement = parseId(id);
        var bound = AgreementBinder.terminate(body);
        return AgreementView.of(agreements.terminate(
                caller, agreement, bound.value().on(), bound.value().reason(), bound.version()));
    }

    @PostMapping("/{id}/commitments")
    AgreementView addCommitment(
            CurrentUser caller, @PathVariable String id, @RequestBody AgreementForms.Commitment body) {
        AgreementId agreement = parseId(id);
        var bound = AgreementBinder.commitment(body);
        return AgreementView.of(agreements.addCommitment(caller, agreement, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/commitments/{number}/status")
    AgreementView setCommitment(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String number,
            @RequestBody AgreementForms.CommitmentStatus body) {
        AgreementId agreement = parseId(id);
        int n = parseNumber(number);
        var bound = AgreementBinder.commitmentStatus(body);
        return AgreementView.of(agreements.setCommitment(
                caller, agreement, n, bound.value().status(), bound.value().note(), bound.version()));
    }

    @PostMapping("/{id}/tranches")
    AgreementView addTranche(CurrentUser caller, @PathVariable String id, @RequestBody AgreementForms.Tranche body) {
        AgreementId agreement = parseId(id);
        var bound = AgreementBinder.tranche(body);
        return AgreementView.of(agreements.addTranche(caller, agreement, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/tranches/{number}/realizations")
    AgreementView realize(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String number,
            @RequestBody AgreementForms.Realization body) {
        AgreementId agreement = parseId(id);
        int n = parseNumber(number);
        var bound = AgreementBinder.realization(body);
        return AgreementView.of(agreements.realize(
                caller,
                agreement,
                n,
                bound.value().amount(),
                bound.value().realizedOn(),
                bound.value().evidenceSha256(),
                bound.version()));
    }

    private static AgreementId parseId(String id) {
        try {
            return AgreementId.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", e.getMessage());
        }
    }

    /** A commitment's or tranche's number in the path: 1 to 3 decimal digits. */
    private static int parseNumber(String number) {
        if (number == null || !number.matches("[0-9]{1,3}")) {
            throw InvalidInputException.of("number", "must be a whole number 1..999");
        }
        return Integer.parseInt(number);
    }

    private static AgreementStatus status(String name) {
        for (AgreementStatus s : AgreementStatus.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be one of " + List.of(AgreementStatus.values()));
    }
}
