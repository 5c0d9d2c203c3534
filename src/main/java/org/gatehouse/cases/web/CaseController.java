package org.gatehouse.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.cases.CaseFilter;
import org.gatehouse.cases.CaseQueue;
import org.gatehouse.cases.CaseService;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.policy.ReviewPath;
import org.gatehouse.policy.Tier;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/cases}: the officer's queue and the review of one case. Authorization is the service's. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final CaseService cases;
    private final PolicyInForce policies;
    private final Clock clock;

    CaseController(CaseService cases, PolicyInForce policies, Clock clock) {
        this.cases = cases;
        this.policies = policies;
        this.clock = clock;
    }

    /** A queue, the most urgent first (the nearest deadline of a running clock), with each case's clocks. */
    @GetMapping
    List<CaseView> list(
            CurrentUser caller,
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) String company,
            @RequestParam(required = false) String reviewPath,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        InputCheck check = new InputCheck();
        CaseQueue chosen = check.field("queue", () -> queue == null ? CaseQueue.OPEN : queue(queue));
        check.field("sort", () -> {
            if (sort != null && !sort.equals("urgency")) {
                throw new IllegalArgumentException("must be urgency (the nearest deadline first)");
            }
            return sort;
        });
        Tier tierFilter = check.field("tier", () -> Tier.ofNullable(tier));
        CountryCode destinationFilter =
                check.field("destination", () -> destination == null ? null : CountryCode.of(destination));
        String companyFilter = check.field(
                "company",
                () -> company == null ? null : CompanyName.of(company).key());
        ReviewPath pathFilter = check.field("reviewPath", () -> reviewPath == null ? null : reviewPath(reviewPath));
        check.throwIfInvalid();
        long reference = referenceTpp();
        return cases
                .list(
                        caller,
                        new CaseFilter(
                                chosen, tierFilter, destinationFilter, companyFilter, pathFilter, null, null, null),
                        Paging.of(limit, offset))
                .stream()
                .map(c -> CaseView.of(c, reference, false))
                .toList();
    }

    @GetMapping("/{id}")
    CaseView get(CurrentUser caller, @PathVariable String id) {
        return CaseView.of(cases.get(caller, parseId(id)), referenceTpp(), true);
    }

    @PostMapping("/{id}/assign")
    CaseView assign(CurrentUser caller, @PathVariable String id, @RequestBody CaseForms.Assign body) {
        ApplicationId caseId = parseId(id);
        var bound = CaseBinder.assign(body, caller);
        return view(cases.assign(caller, caseId, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/referrals")
    CaseView refer(CurrentUser caller, @PathVariable String id, @RequestBody CaseForms.Refer body) {
        ApplicationId caseId = parseId(id);
        var bound = CaseBinder.refer(body);
        return view(cases.refer(
                caller, caseId, bound.value().agencies(), bound.value().note(), bound.version()));
    }

    @PostMapping("/{id}/recommendations")
    CaseView recommend(CurrentUser caller, @PathVariable String id, @RequestBody CaseForms.Recommend body) {
        ApplicationId caseId = parseId(id);
        var bound = CaseBinder.recommend(body);
        return view(cases.recommend(caller, caseId, bound.recommendation(), bound.reasons()));
    }

    @PostMapping("/{id}/hold")
    CaseView hold(CurrentUser caller, @PathVariable String id, @RequestBody CaseForms.Hold body) {
        ApplicationId caseId = parseId(id);
        var bound = CaseBinder.hold(body);
        return view(cases.hold(
                caller, caseId, bound.value().question(), bound.value().dueOn(), bound.version()));
    }

    @PostMapping("/{id}/answer")
    CaseView answer(CurrentUser caller, @PathVariable String id, @RequestBody CaseForms.Answer body) {
        ApplicationId caseId = parseId(id);
        return view(cases.answer(caller, caseId, CaseBinder.answer(body)));
    }

    @PostMapping("/{id}/documents")
    CaseView document(CurrentUser caller, @PathVariable String id, @RequestBody CaseForms.Document body) {
        ApplicationId caseId = parseId(id);
        var filed = CaseBinder.document(body);
        return view(cases.fileDocument(caller, caseId, filed.requirement(), filed.document()));
    }

    @PostMapping("/{id}/flags")
    CaseView raiseFlag(CurrentUser caller, @PathVariable String id, @RequestBody CaseForms.RaiseFlag body) {
        ApplicationId caseId = parseId(id);
        var bound = CaseBinder.raiseFlag(body);
        return view(cases.flagPossibleSameCompany(
                caller, caseId, bound.value().company(), bound.value().reason(), bound.version()));
    }

    @PostMapping("/{id}/flags/{flag}/clear")
    CaseView clearFlag(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String flag,
            @RequestBody CaseForms.ClearFlag body) {
        ApplicationId caseId = parseId(id);
        var bound = CaseBinder.clearFlag(body);
        return view(cases.clearFlag(caller, caseId, flag, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/return")
    CaseView returnWithoutAction(CurrentUser caller, @PathVariable String id, @RequestBody CaseForms.Return body) {
        ApplicationId caseId = parseId(id);
        var bound = CaseBinder.returnWithoutAction(body);
        return view(cases.returnWithoutAction(caller, caseId, bound.value(), bound.version()));
    }

    @PostMapping("/{id}/decision")
    CaseView decide(CurrentUser caller, @PathVariable String id, @RequestBody CaseForms.Decide body) {
        ApplicationId caseId = parseId(id);
        var bound = CaseBinder.decide(body);
        return view(cases.decide(
                caller,
                caseId,
                bound.value().decision(),
                bound.value().reasons(),
                bound.value().conditions(),
                bound.version()));
    }

    private CaseView view(CaseService.Reviewed reviewed) {
        return CaseView.of(reviewed, referenceTpp(), true);
    }

    private long referenceTpp() {
        return policies.on(LocalDate.now(clock)).referenceTpp();
    }

    private static ApplicationId parseId(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", e.getMessage());
        }
    }

    private static CaseQueue queue(String name) {
        try {
            return CaseQueue.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of "
                    + List.of(CaseQueue.values()).stream()
                            .map(q -> q.name().toLowerCase(java.util.Locale.ROOT))
                            .toList());
        }
    }

    private static ReviewPath reviewPath(String name) {
        try {
            return ReviewPath.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + List.of(ReviewPath.values()));
        }
    }
}
