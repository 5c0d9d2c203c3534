package org.gatehouse.applications.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.applications.ApplicationFilter;
import org.gatehouse.applications.ApplicationQueries;
import org.gatehouse.applications.ApplicationSort;
import org.gatehouse.applications.ApplicationState;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.HomeSection;
import org.gatehouse.identity.Role;
import org.gatehouse.trade.Paging;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applications on the home page. An exporter's applicant first sees its organization's drafts (what is waiting for
 * them), then its recent submissions; officers and auditors see the latest submissions of every organization.
 * Which lists a role is offered is decided here; what each list holds is {@link ApplicationQueries}' rule.
 */
class ApplicationHomeSection {

    /** Rows of each list on the home page. */
    static final int ROWS = 5;

    private ApplicationHomeSection() {}

    /** The applicant's drafts, most recently changed first. */
    @Component
    @Order(100)
    static class Drafts implements HomeSection {

        private final ApplicationQueries queries;

        Drafts(ApplicationQueries queries) {
            this.queries = queries;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            if (!caller.roles().contains(Role.APPLICANT)) {
                return Optional.empty();
            }
            List<ApplicationPages.Row> rows = queries
                    .page(
                            caller,
                            new ApplicationFilter(null, ApplicationState.DRAFT, null, null, null),
                            false,
                            ApplicationSort.UPDATED,
                            true,
                            Paging.first(ROWS))
                    .stream()
                    .map(ApplicationPages::row)
                    .toList();
            return Optional.of(new Shown(
                    "applications/home",
                    Map.of(
                            "id", "drafts",
                            "title", "Your drafts",
                            "empty", "No drafts: every application you started has been submitted or discarded.",
                            "rows", rows,
                            "dateLabel", "Created",
                            "more", "/applications?state=DRAFT",
                            "moreLabel", "All your drafts")));
        }
    }

    /** The latest submissions the caller may see: its organization's, or every organization's for the authority. */
    @Component
    @Order(200)
    static class RecentSubmissions implements HomeSection {

        private final ApplicationQueries queries;

        RecentSubmissions(ApplicationQueries queries) {
            this.queries = queries;
        }

        @Override
        public Optional<Shown> shownTo(CurrentUser caller) {
            boolean applicant = caller.roles().contains(Role.APPLICANT);
            if (!applicant
                    && !caller.roles().contains(Role.OFFICER)
                    && !caller.roles().contains(Role.AUDITOR)) {
                return Optional.empty();
            }
            List<ApplicationPages.Row> rows = queries
                    .page(
                            caller,
                            new ApplicationFilter(null, null, null, null, null),
                            true,
                            ApplicationSort.SUBMITTED,
                            true,
                            Paging.first(applicant ? ROWS : 2 * ROWS))
                    .stream()
                    .map(ApplicationPages::row)
                    .toList();
            return Optional.of(new Shown(
                    "applications/home",
                    Map.of(
                            "id", "submissions",
                            "title", applicant ? "Your recent submissions" : "Latest submissions",
                            "empty", "Nothing has been submitted yet.",
                            "rows", rows,
                            "dateLabel", "Submitted",
                            "more", "/applications?sort=submitted&dir=desc",
                            "moreLabel", "All applications")));
        }
    }
}
