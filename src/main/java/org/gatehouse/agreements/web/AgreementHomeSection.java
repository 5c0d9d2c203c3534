package org.gatehouse.agreements.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.agreements.AgreementService;
import org.gatehouse.agreements.AgreementStatus;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.HomeSection;
import org.gatehouse.identity.Role;
import org.gatehouse.trade.Paging;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Overdue tranches on the home page of officers and auditors: every tranche of an agreement in force that is due on or
 * before today and not realized in full, with what is short in dollars (the agreement's standing, as a Tier 3 approval
 * reads it). A country has one agreement in force at a time, so one page of them covers every country there is.
 */
@Component
@Order(320)
class AgreementHomeSection implements HomeSection {

    /** Agreements in force read for the section: more than there are countries. */
    static final int AGREEMENTS_READ = Paging.LIMIT_MAX;

    private final AgreementService agreements;

    AgreementHomeSection(AgreementService agreements) {
        this.agreements = agreements;
    }

    /** A tranche that is due and short. */
    public record Overdue(
            String agreementId, String country, String title, int tranche, String dueOn, String missingUsd) {}

    @Override
    public Optional<Shown> shownTo(CurrentUser caller) {
        if (!caller.hasAny(Role.OFFICER, Role.AUDITOR)) {
            return Optional.empty();
        }
        List<Overdue> rows = new ArrayList<>();
        for (AgreementService.Viewed viewed :
                agreements.list(caller, null, AgreementStatus.IN_FORCE, Paging.first(AGREEMENTS_READ))) {
            var a = viewed.agreement();
            for (var gap : viewed.standing().shortfalls()) {
                rows.add(new Overdue(
                        a.id().toString(),
                        a.terms().country().value(),
                        a.terms().title(),
                        gap.tranche(),
                        gap.dueOn().toString(),
                        gap.missing().toString()));
            }
        }
        return Optional.of(new Shown("agreements/home", Map.of("rows", rows)));
    }
}
