package org.gatehouse.ledger.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.ledger.CountryTotals;
import org.gatehouse.ledger.NationalCompute;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Gb300e;
import org.gatehouse.trade.InputCheck;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/ledger}: national compute totals. Authorization is the service's. */
@RestController
class LedgerController {

    private final NationalCompute nationalCompute;
    private final PolicyInForce policies;
    private final Clock clock;

    LedgerController(NationalCompute nationalCompute, PolicyInForce policies, Clock clock) {
        this.nationalCompute = nationalCompute;
        this.policies = policies;
        this.clock = clock;
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

        static TotalsView of(CountryTotals totals, long referenceTpp) {
            return new TotalsView(
                    totals.destination(),
                    totals.company(),
                    totals.reservedTpp(),
                    totals.authorizedTpp(),
                    totals.shippedTpp(),
                    totals.totalTpp(),
                    Gb300e.format(totals.totalTpp(), referenceTpp));
        }
    }

    record CountryView(TotalsView totals, List<TotalsView> topCompanies) {}

    @GetMapping("/api/v1/ledger/countries")
    List<TotalsView> countries(CurrentUser caller) {
        long reference = referenceTpp();
        return nationalCompute.countries(caller).stream()
                .map(t -> TotalsView.of(t, reference))
                .toList();
    }

    @GetMapping("/api/v1/ledger/countries/{code}")
    CountryView country(CurrentUser caller, @PathVariable String code, @RequestParam(required = false) Integer limit) {
        InputCheck check = new InputCheck();
        CountryCode destination = check.field("code", () -> CountryCode.of(code));
        check.throwIfInvalid();
        NationalCompute.CountryView view = nationalCompute.country(
                caller, destination, limit == null ? NationalCompute.TOP_COMPANIES_DEFAULT : limit);
        long reference = referenceTpp();
        return new CountryView(
                TotalsView.of(view.totals(), reference),
                view.topCompanies().stream()
                        .map(t -> TotalsView.of(t, reference))
                        .toList());
    }

    private long referenceTpp() {
        return policies.on(LocalDate.now(clock)).referenceTpp();
    }
}
