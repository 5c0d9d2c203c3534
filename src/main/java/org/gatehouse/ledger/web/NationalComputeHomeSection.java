package org.gatehouse.ledger.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.HomeSection;
import org.gatehouse.identity.Role;
import org.gatehouse.ledger.CountryTotals;
import org.gatehouse.ledger.NationalCompute;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.trade.Gb300e;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The national totals on the home page of the licensing authority, the agencies and auditors: the largest countries. */
@Component
@Order(50)
class NationalComputeHomeSection implements HomeSection {

    /** Countries listed on the home page. */
    static final int COUNTRIES = 5;

    private final NationalCompute nationalCompute;
    private final PolicyInForce policies;
    private final Clock clock;

    NationalComputeHomeSection(NationalCompute nationalCompute, PolicyInForce policies, Clock clock) {
        this.nationalCompute = nationalCompute;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public Optional<Shown> shownTo(CurrentUser caller) {
        if (!caller.roles().contains(Role.OFFICER)
                && !caller.roles().contains(Role.AGENCY)
                && !caller.roles().contains(Role.AUDITOR)) {
            return Optional.empty();
        }
        List<CountryTotals> countries = nationalCompute.countries(caller); // largest first
        long reference = policies.on(LocalDate.now(clock)).referenceTpp();
        long reserved = 0;
        long authorized = 0;
        long shipped = 0;
        for (CountryTotals t : countries) {
            reserved = Math.addExact(reserved, t.reservedTpp());
            authorized = Math.addExact(authorized, t.authorizedTpp());
            shipped = Math.addExact(shipped, t.shippedTpp());
        }
        return Optional.of(new Shown(
                "compute/home",
                Map.of(
                        "countries",
                        countries.size(),
                        "reserved",
                        Gb300e.format(reserved, reference),
                        "authorized",
                        Gb300e.format(authorized, reference),
                        "shipped",
                        Gb300e.format(shipped, reference),
                        "rows",
                        countries.stream()
                                .limit(COUNTRIES)
                                .map(t -> NationalComputePages.row(t, reference, null))
                                .toList())));
    }
}
