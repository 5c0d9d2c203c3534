package org.gatehouse.ledger.web;

import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.ledger.CountryTotals;
import org.gatehouse.ledger.Ledger;
import org.gatehouse.policy.Policies;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Gb300e;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/ledger}: national compute totals, for the licensing authority, agencies and auditors. */
@RestController
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Totals in exact TPP and in GB300-equivalents (two decimals, for display). */
    record TotalsView(
            String destination,
            String company,
            long reservedTpp,
            long authorizedTpp,
            long shippedTpp,
            long totalTpp,
            String totalGb300e) {

        static TotalsView of(CountryTotals totals) {
            long reference = Policies.builtIn().defaultPolicy().referenceTpp();
            return new TotalsView(
                    totals.destination(),
                    totals.company(),
                    totals.reservedTpp(),
                    totals.authorizedTpp(),
                    totals.shippedTpp(),
                    totals.totalTpp(),
                    Gb300e.format(totals.totalTpp(), reference));
        }
    }

    record CountryView(TotalsView totals, List<TotalsView> topCompanies) {}

    @GetMapping("/api/v1/ledger/countries")
    List<TotalsView> countries(CurrentUser caller) {
        requireAuthority(caller);
        return ledger.countries().stream().map(TotalsView::of).toList();
    }

    @GetMapping("/api/v1/ledger/countries/{code}")
    CountryView country(CurrentUser caller, @PathVariable String code, @RequestParam(required = false) Integer limit) {
        requireAuthority(caller);
        String destination;
        try {
            destination = CountryCode.of(code).value();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("code", e.getMessage());
        }
        int top = limit == null ? 10 : limit;
        if (top < 1 || top > Ledger.TOP_COMPANIES_MAX) {
            throw InvalidInputException.of("limit", "must be 1.." + Ledger.TOP_COMPANIES_MAX + ", got " + top);
        }
        return new CountryView(
                TotalsView.of(ledger.country(destination)),
                ledger.topCompanies(destination, top).stream()
                        .map(TotalsView::of)
                        .toList());
    }

    private static void requireAuthority(CurrentUser caller) {
        caller.require(Role.OFFICER, Role.AGENCY, Role.AUDITOR);
    }
}
