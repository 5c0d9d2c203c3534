package org.gatehouse.preapproval.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.HomeSection;
import org.gatehouse.identity.Role;
import org.gatehouse.preapproval.InspectionState;
import org.gatehouse.preapproval.PreApprovalFilter;
import org.gatehouse.preapproval.PreApprovalService;
import org.gatehouse.preapproval.PreApprovalSort;
import org.gatehouse.preapproval.PreApprovalState;
import org.gatehouse.trade.Paging;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Pre-approvals and inspections on the home page: an officer first sees the requests waiting for a review or a
 * decision (the oldest first), an inspector the inspections to perform (the soonest first, those past their day marked
 * due), a buyer and an exporter their pre-approvals and the inspections of them. Which list a role is offered is
 * decided here; what each list holds is {@link PreApprovalService}'s rule.
 */
class PreApprovalHomeSection {

    /** Rows of each list on the home page. */
    static final int ROWS = 5;

    private PreApprovalHomeSection() {}

    /** Pre-approvals awaiting an officer (REQUESTED, then UNDER_REVIEW), or the caller's own. */
    @Component
    @Order(300)
    static class PreApprovals implements HomeSection {

        private final PreApprovalService preApprovals;

        PreApprovals(PreApprovalService preApprovals) {
            this.preApprovals = preApprovals;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            Map<String, Object> data = new LinkedHashMap<>();
            List<PreApprovalPages.Row> rows = new ArrayList<>();
            if (caller.has(Role.OFFICER)) {
                for (PreApprovalState waiting : List.of(PreApprovalState.REQUESTED, PreApprovalState.UNDER_REVIEW)) {
                    preApprovals
                            .list(
                                    caller,
                                    new PreApprovalFilter(waiting, null, null, null, null, null),
                                    PreApprovalSort.REQUESTED,
                                    false,
                                    Paging.first(ROWS))
                            .stream()
                            .map(PreApprovalPages::row)
                            .forEach(rows::add);
                }
                data.put("title", "Pre-approvals awaiting review");
                data.put("empty", "No request is waiting for a review or a decision.");
                data.put("more", "/preapprovals?state=REQUESTED&sort=requested&dir=asc");
                data.put("moreLabel", "All pre-approval requests");
            } else if (caller.hasAny(Role.BUYER, Role.APPLICANT)) {
                preApprovals
                        .list(
                                caller,
                                new PreApprovalFilter(null, null, null, null, null, null),
                                PreApprovalSort.CHANGED,
                                true,
                                Paging.first(ROWS))
                        .stream()
                        .map(PreApprovalPages::row)
                        .forEach(rows::add);
                data.put("title", caller.has(Role.BUYER) ? "Your pre-approvals" : "Pre-approvals you requested");
                data.put("empty", "No pre-approval has been requested yet.");
                data.put("more", "/preapprovals");
                data.put("moreLabel", "All pre-approvals");
            } else {
                return Optional.empty();
            }
            data.put("id", "preapprovals");
            data.put("rows", rows);
            return Optional.of(new Shown("preapprovals/home", data));
        }
    }

    /** Inspections still to be performed: the inspector's own, the buyer's schedule, every one for an officer. */
    @Component
    @Order(310)
    static class InspectionsDue implements HomeSection {

        private final PreApprovalService preApprovals;
        private final Clock clock;

        InspectionsDue(PreApprovalService preApprovals, Clock clock) {
            this.preApprovals = preApprovals;
            this.clock = clock;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!caller.hasAny(Role.INSPECTOR, Role.OFFICER, Role.BUYER)) {
                return Optional.empty();
            }
            LocalDate today = LocalDate.now(clock);
            List<InspectionView> rows =
                    preApprovals.inspections(caller, null, InspectionState.SCHEDULED, Paging.first(ROWS)).stream()
                            .map(i -> InspectionView.of(i, today))
                            .toList();
            return Optional.of(new Shown(
                    "inspections/home",
                    Map.of(
                            "id",
                            "inspections",
                            "title",
                            caller.has(Role.INSPECTOR) && !caller.has(Role.OFFICER)
                                    ? "Your inspections due"
                                    : "Inspections due",
                            "empty",
                            "No inspection is waiting to be performed.",
                            "rows",
                            rows,
                            "today",
                            today)));
        }
    }
}
