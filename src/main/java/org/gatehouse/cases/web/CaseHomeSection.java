package org.gatehouse.cases.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.cases.CaseFilter;
import org.gatehouse.cases.CaseQueue;
import org.gatehouse.cases.CaseService;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.HomeSection;
import org.gatehouse.identity.Role;
import org.gatehouse.trade.Paging;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Cases on the home page, first of all: what is waiting for this person. An officer sees the overdue cases, those
 * nobody has taken and those with a raised flag; an agency the cases referred to it that await its recommendation;
 * an exporter's applicant the questions it has to answer. Each lists the most urgent few, with a link to the whole
 * queue; what each list holds is the service's rule.
 */
class CaseHomeSection {

    /** Rows of each list on the home page. */
    static final int ROWS = 5;

    private CaseHomeSection() {}

    /** A home list of one queue, shown to the roles it is for. */
    private static Optional<HomeSection.Shown> section(
            CaseService cases,
            CurrentUser caller,
            CaseQueue queue,
            String id,
            String title,
            String empty,
            String moreLabel) {
        boolean applicant = caller.roles().contains(Role.APPLICANT);
        List<CaseSheet.Row> rows = cases
                .list(caller, new CaseFilter(queue, null, null, null, null, null, null, null), Paging.first(ROWS))
                .stream()
                .map(r -> CaseSheet.row(r, applicant))
                .toList();
        return Optional.of(new HomeSection.Shown(
                "cases/home",
                Map.of(
                        "id",
                        id,
                        "title",
                        title,
                        "empty",
                        empty,
                        "rows",
                        rows,
                        "more",
                        "/cases?queue=" + queue.name().toLowerCase(Locale.ROOT),
                        "moreLabel",
                        moreLabel)));
    }

    /** The officer's overdue cases: a clock past its limit. */
    @Component
    @Order(10)
    static class Overdue implements HomeSection {

        private final CaseService cases;

        Overdue(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!caller.roles().contains(Role.OFFICER)) {
                return Optional.empty();
            }
            return section(
                    cases,
                    caller,
                    CaseQueue.OVERDUE,
                    "cases-overdue",
                    "Overdue cases",
                    "No case is overdue: every running clock is within its limit.",
                    "All overdue cases");
        }
    }

    /** The cases no officer has taken. */
    @Component
    @Order(20)
    static class Unassigned implements HomeSection {

        private final CaseService cases;

        Unassigned(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!caller.roles().contains(Role.OFFICER)) {
                return Optional.empty();
            }
            return section(
                    cases,
                    caller,
                    CaseQueue.UNASSIGNED,
                    "cases-unassigned",
                    "Cases nobody has taken",
                    "Every open case has an officer.",
                    "All unassigned cases");
        }
    }

    /** The open cases with a raised flag (a failed inspection, a possible second spelling, a screening hit). */
    @Component
    @Order(30)
    static class Flagged implements HomeSection {

        private final CaseService cases;

        Flagged(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!caller.roles().contains(Role.OFFICER)) {
                return Optional.empty();
            }
            return section(
                    cases,
                    caller,
                    CaseQueue.FLAGGED,
                    "cases-flagged",
                    "Flagged cases",
                    "No open case has a raised flag.",
                    "All flagged cases");
        }
    }

    /** An agency's referrals that await its recommendation. */
    @Component
    @Order(10)
    static class AwaitingRecommendation implements HomeSection {

        private final CaseService cases;

        AwaitingRecommendation(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!caller.roles().contains(Role.AGENCY) || caller.agency() == null) {
                return Optional.empty();
            }
            return section(
                    cases,
                    caller,
                    CaseQueue.AWAITING_RECOMMENDATION,
                    "cases-referrals",
                    "Referrals awaiting your recommendation",
                    "No referral awaits your recommendation.",
                    "Every referral awaiting you");
        }
    }

    /** The applicant's cases held for its answer. */
    @Component
    @Order(10)
    static class AwaitingAnswer implements HomeSection {

        private final CaseService cases;

        AwaitingAnswer(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!caller.roles().contains(Role.APPLICANT)) {
                return Optional.empty();
            }
            return section(
                    cases,
                    caller,
                    CaseQueue.HELD,
                    "cases-holds",
                    "Questions awaiting your answer",
                    "No question awaits your answer: the licensing officer has asked nothing you have not answered.",
                    "Every question awaiting you");
        }
    }
}
