package org.gatehouse.screening.web;

import java.util.List;
import java.util.UUID;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.screening.server.RegisterService;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/register}: the register of companies (name, aliases, identifiers, owners) and the possible matches
 * found on submitted applications' parties, which officers confirm or separate. Authorization is the service's.
 */
@RestController
@RequestMapping("/api/v1/register")
class RegisterController {

    private final RegisterService register;

    RegisterController(RegisterService register) {
        this.register = register;
    }

    @PostMapping("/companies")
    @ResponseStatus(HttpStatus.CREATED)
    ScreeningViews.CompanyView create(CurrentUser caller, @RequestBody ScreeningForms.Company body) {
        ScreeningBinder.Bound bound = ScreeningBinder.company(body, false);
        return ScreeningViews.CompanyView.of(register.register(caller, bound.details()));
    }

    @PutMapping("/companies/{id}")
    ScreeningViews.CompanyView update(
            CurrentUser caller, @PathVariable String id, @RequestBody ScreeningForms.Company body) {
        UUID company = companyId(id);
        ScreeningBinder.Bound bound = ScreeningBinder.company(body, true);
        return ScreeningViews.CompanyView.of(register.update(caller, company, bound.version(), bound.details()));
    }

    @GetMapping("/companies/{id}")
    ScreeningViews.CompanyView get(CurrentUser caller, @PathVariable String id) {
        return ScreeningViews.CompanyView.of(register.get(caller, companyId(id)));
    }

    @GetMapping("/companies")
    List<ScreeningViews.CompanyView> list(
            CurrentUser caller,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        InputCheck check = new InputCheck();
        CompanyName prefix = check.field("name", () -> name == null ? null : CompanyName.of(name));
        check.throwIfInvalid();
        return register.list(caller, prefix, limit == null ? 50 : limit, offset == null ? 0 : offset).stream()
                .map(ScreeningViews.CompanyView::of)
                .toList();
    }

    /** The matches of one application ({@code ?application=}), or those awaiting an officer. */
    @GetMapping("/matches")
    List<ScreeningViews.MatchView> matches(
            CurrentUser caller,
            @RequestParam(required = false) String application,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit) {
        if (application != null) {
            ApplicationId id;
            try {
                id = ApplicationId.parse(application);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("application", e.getMessage());
            }
            return register.matchesOf(caller, id).stream()
                    .map(ScreeningViews.MatchView::of)
                    .toList();
        }
        return register.pending(caller, after == null ? 0 : after, limit == null ? 50 : limit).stream()
                .map(ScreeningViews.MatchView::of)
                .toList();
    }

    @PostMapping("/matches/{id}/confirm")
    ScreeningViews.MatchView confirm(
            CurrentUser caller, @PathVariable String id, @RequestBody ScreeningForms.Decision body) {
        long match = matchId(id);
        return ScreeningViews.MatchView.of(register.confirm(caller, match, ScreeningBinder.decision(body)));
    }

    @PostMapping("/matches/{id}/separate")
    ScreeningViews.MatchView separate(
            CurrentUser caller, @PathVariable String id, @RequestBody ScreeningForms.Decision body) {
        long match = matchId(id);
        return ScreeningViews.MatchView.of(register.separate(caller, match, ScreeningBinder.decision(body)));
    }

    private static UUID companyId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", "must be a registered company's id (a UUID)");
        }
    }

    private static long matchId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("id", "must be a match's number");
        }
    }
}
