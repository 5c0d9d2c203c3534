package org.gatehouse.identity.web;

import java.util.Map;
import java.util.Optional;
import org.gatehouse.identity.AccountStatistics;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.HomeSection;
import org.gatehouse.identity.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The administrator's home: how many organizations and accounts there are, by kind and by role. */
@Component
@Order(900)
class AccountHomeSection implements HomeSection {

    private final AccountStatistics statistics;

    AccountHomeSection(AccountStatistics statistics) {
        this.statistics = statistics;
    }

    /** Shown to administrators, whose work this is (auditors read the same counts through the API). */
    @Override
    public Optional<Shown> shownTo(CurrentUser caller) {
        if (!caller.roles().contains(Role.ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(new Shown("identity/home", Map.of("counts", statistics.counts(caller))));
    }
}
