package org.gatehouse.applications;

import java.util.List;
import java.util.function.Consumer;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.trade.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads applications for the web UI: sorted pages, and the pending pipeline for the policy lab. Who sees what is
 * {@link ApplicationService#list}'s rule: officers and auditors every organization's, an applicant its own
 * organization's, agencies none until cases are referred to them, every other role none (403).
 */
@Service
public class ApplicationQueries {

    /** Pending applications a policy comparison reads at most. */
    public static final int PIPELINE_MAX = 100_000;

    private final ApplicationIndex index;

    ApplicationQueries(ApplicationIndex index) {
        this.index = index;
    }

    /** A page of the applications the caller may see, in {@code sort} order. */
    @Transactional(readOnly = true)
    public List<Application> page(
            CurrentUser caller,
            ApplicationFilter filter,
            boolean submittedOnly,
            ApplicationSort sort,
            boolean descending,
            Paging paging) {
        if (caller.seesAllOrganizations()) {
            return index.list(filter, submittedOnly, sort, descending, paging);
        }
        if (caller.has(Role.AGENCY)) {
            return List.of(); // agencies see only cases referred to them; referral arrives with the review workflow
        }
        caller.require(Role.APPLICANT);
        return index.list(filter.withOrganization(caller.organizationId()), submittedOnly, sort, descending, paging);
    }

    /**
     * Hands every application waiting for a decision to {@code each}, oldest submission first, at most
     * {@link #PIPELINE_MAX}. Only officers and auditors, who see every organization's applications.
     *
     * @return how many are pending, counted up to {@code PIPELINE_MAX + 1} (more than the maximum: none beyond it
     *     were handed over)
     */
    @Transactional(readOnly = true)
    public long forEachPending(CurrentUser caller, Consumer<Application> each) {
        caller.require(Role.OFFICER, Role.AUDITOR);
        return index.forEachPending(PIPELINE_MAX, each);
    }
}
