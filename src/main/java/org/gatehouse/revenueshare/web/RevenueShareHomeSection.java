package org.gatehouse.revenueshare.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.HomeSection;
import org.gatehouse.identity.Role;
import org.gatehouse.revenueshare.RevenueShareService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Overdue revenue-share periods on the home page: quarters past their due day that are not reported, or reported and
 * not paid in full, the earliest due first — an exporter's applicant sees its organization's (when it holds a licence
 * with revenue share), officers and auditors every holder's — with the balance outstanding and a link to the
 * revenue-share page.
 */
@Component
@Order(335)
class RevenueShareHomeSection implements HomeSection {

    /** Rows on the home page. */
    static final int ROWS = 5;

    private final RevenueShareService shares;

    RevenueShareHomeSection(RevenueShareService shares) {
        this.shares = shares;
    }

    @Override
    public Optional<Shown> shownTo(CurrentUser caller) {
        boolean authority =
                caller.roles().contains(Role.OFFICER) || caller.roles().contains(Role.AUDITOR);
        if (!authority && !caller.roles().contains(Role.APPLICANT)) {
            return Optional.empty();
        }
        RevenueShareService.HolderBalance balance =
                authority ? shares.allHolders(caller) : shares.holderBalance(caller, caller.organizationId());
        if (!authority && balance.licences().isEmpty()) {
            return Optional.empty(); // an exporter without revenue share has nothing to see here
        }
        List<RevenueSharePageViews.OverdueRow> overdue = RevenueSharePageViews.overdue(balance.licences());
        return Optional.of(new Shown(
                "revenueshare/home",
                Map.of(
                        "rows",
                        overdue.subList(0, Math.min(overdue.size(), ROWS)),
                        "more",
                        overdue.size() > ROWS,
                        "authority",
                        authority,
                        "balance",
                        balance.balance().display(),
                        "count",
                        overdue.size())));
    }
}
