package org.gatehouse.applications;

import java.util.List;
import java.util.function.Consumer;
import org.gatehouse.trade.Paging;

/**
 * Reading applications in bulk (implemented over SQL in {@code jdbc/}): sorted pages for the web UI's lists, and the
 * pending pipeline in submission order for the policy lab. Read-only; changes go through {@link Applications}.
 */
public interface ApplicationIndex {

    /**
     * A page of applications matching {@code filter}, in {@code sort} order; discarded drafts are left out.
     *
     * @param submittedOnly leave drafts out
     */
    List<Application> list(
            ApplicationFilter filter, boolean submittedOnly, ApplicationSort sort, boolean descending, Paging paging);

    /**
     * Hands the applications waiting for a decision (submitted, in review, referred, held) to {@code each}, oldest
     * submission first, at most {@code max} of them, streaming (never all in memory at once).
     *
     * @return how many there are in all, counted up to {@code max + 1}
     */
    long forEachPending(int max, Consumer<Application> each);
}
