package org.gatehouse.licensing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.HomeSection;
import org.gatehouse.identity.Role;
import org.gatehouse.licensing.ExemptionFilter;
import org.gatehouse.licensing.ExemptionService;
import org.gatehouse.licensing.ExemptionSort;
import org.gatehouse.licensing.ExemptionState;
import org.gatehouse.licensing.LicenceFilter;
import org.gatehouse.licensing.LicenceService;
import org.gatehouse.licensing.LicenceSort;
import org.gatehouse.licensing.LicenceState;
import org.gatehouse.trade.Paging;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Licences and exemptions on the home page, what needs attention first: the active licences that end soonest, with
 * what remains of each, and the open exemptions by their last shipping day (what is still to be shipped and notified)
 * — an exporter's applicant sees its own, officers and auditors every organization's, and also the latest licences
 * issued and the licences now suspended. Which lists a role is offered
 * is decided here; what each holds is the services' rule.
 */
class LicensingHomeSection {

    /** Rows of each list on the home page. */
    static final int ROWS = 5;

    private LicensingHomeSection() {}

    private static boolean holder(CurrentUser caller) {
        return caller.roles().contains(Role.APPLICANT);
    }

    private static boolean authority(CurrentUser caller) {
        return caller.roles().contains(Role.OFFICER) || caller.roles().contains(Role.AUDITOR);
    }

    /** How a list of licences is titled on the home page, and where its "more" link goes. */
    private record Listing(String id, String title, String empty, String dateLabel, String more, String moreLabel) {}

    /** The first rows of licences that {@code filter} and {@code sort} pick, as the template lists them. */
    private static HomeSection.Shown licences(
            LicenceService licences,
            CurrentUser caller,
            LocalDate today,
            LicenceFilter filter,
            LicenceSort sort,
            boolean descending,
            Listing listing) {
        List<PageViews.LicenceRow> rows = licences.page(caller, filter, sort, descending, Paging.first(ROWS)).stream()
                .map(licence -> PageViews.row(licence, today))
                .toList();
        return new HomeSection.Shown(
                "licences/home",
                PageViews.data(
                        "id", listing.id(),
                        "title", listing.title(),
                        "empty", listing.empty(),
                        "rows", rows,
                        "dateLabel", listing.dateLabel(),
                        "more", listing.more(),
                        "moreLabel", listing.moreLabel()));
    }

    /** The applicant's active licences, the soonest to end first, with what remains of each. */
    @Component
    @Order(300)
    static class ExpiringLicences implements HomeSection {

        private final LicenceService licences;
        private final Clock clock;

        ExpiringLicences(LicenceService licences, Clock clock) {
            this.licences = licences;
            this.clock = clock;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!holder(caller) && !authority(caller)) {
                return Optional.empty();
            }
            boolean own = holder(caller);
            return Optional.of(licences(
                    licences,
                    caller,
                    LocalDate.now(clock),
                    new LicenceFilter(null, LicenceState.ACTIVE, null),
                    LicenceSort.VALID_UNTIL,
                    false,
                    new Listing(
                            "licences",
                            own ? "Your licences, ending soonest first" : "Active licences ending soonest",
                            "No active licence: an approved application becomes a licence here.",
                            "Valid until",
                            "/licences?state=ACTIVE&sort=valid_until&dir=asc",
                            own ? "All your licences" : "All active licences")));
        }
    }

    /** The applicant's open exemptions, the soonest last shipping day first: shipments still to be notified. */
    @Component
    @Order(310)
    static class ExemptionsDue implements HomeSection {

        private final ExemptionService exemptions;
        private final Clock clock;

        ExemptionsDue(ExemptionService exemptions, Clock clock) {
            this.exemptions = exemptions;
            this.clock = clock;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!holder(caller) && !authority(caller)) {
                return Optional.empty();
            }
            boolean own = holder(caller);
            LocalDate today = LocalDate.now(clock);
            List<PageViews.ExemptionRow> rows = exemptions
                    .page(
                            caller,
                            new ExemptionFilter(null, ExemptionState.OPEN, null, null),
                            ExemptionSort.SHIP_BY,
                            false,
                            Paging.first(ROWS))
                    .stream()
                    .map(exemption -> PageViews.row(exemption, today))
                    .toList();
            return Optional.of(new Shown(
                    "exemptions/home",
                    PageViews.data(
                            "id",
                            "exemptions",
                            "title",
                            own
                                    ? "Exemptions: shipments to notify, lapsing soonest first"
                                    : "Open exemptions lapsing soonest",
                            "empty",
                            "No open exemption: nothing is waiting to be shipped and notified.",
                            "rows",
                            rows,
                            "more",
                            "/exemptions?state=OPEN&sort=ship_by&dir=asc",
                            "moreLabel",
                            own ? "All your exemptions" : "All open exemptions")));
        }
    }

    /** The latest licences issued, for the authority. */
    @Component
    @Order(320)
    static class RecentlyIssued implements HomeSection {

        private final LicenceService licences;
        private final Clock clock;

        RecentlyIssued(LicenceService licences, Clock clock) {
            this.licences = licences;
            this.clock = clock;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!authority(caller)) {
                return Optional.empty();
            }
            return Optional.of(licences(
                    licences,
                    caller,
                    LocalDate.now(clock),
                    new LicenceFilter(null, null, null),
                    LicenceSort.ISSUED,
                    true,
                    new Listing(
                            "licences-issued",
                            "Licences issued lately",
                            "No licence has been issued yet.",
                            "Issued",
                            "/licences?sort=issued&dir=desc",
                            "All licences")));
        }
    }

    /** The licences now suspended, the latest change first, for the authority. */
    @Component
    @Order(330)
    static class Suspended implements HomeSection {

        private final LicenceService licences;
        private final Clock clock;

        Suspended(LicenceService licences, Clock clock) {
            this.licences = licences;
            this.clock = clock;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!authority(caller)) {
                return Optional.empty();
            }
            return Optional.of(licences(
                    licences,
                    caller,
                    LocalDate.now(clock),
                    new LicenceFilter(null, LicenceState.SUSPENDED, null),
                    LicenceSort.UPDATED,
                    true,
                    new Listing(
                            "licences-suspended",
                            "Suspended licences",
                            "No licence is suspended.",
                            "Last change",
                            "/licences?state=SUSPENDED&sort=updated&dir=desc",
                            "All suspended licences")));
        }
    }
}
