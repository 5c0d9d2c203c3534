package org.gatehouse.audit;

import java.time.Instant;
import java.util.List;

/**
 * Reading the audit log by what it records (implemented over SQL in {@code jdbc/}): read-only, newest first, a page at
 * a time. Who may read it is decided by the service that calls this, not here.
 */
public interface AuditQueries {

    /** Most events in one page. */
    int LIMIT_MAX = 200;

    /**
     * Which events to read; null fields do not filter.
     *
     * @param action an action ({@code application.submitted}), or a prefix ending with a dot ({@code application.})
     * @param from the earliest time, inclusive
     * @param until the latest time, exclusive
     * @param beforeSeq only events before this one (the next page of a list read newest first)
     */
    record Query(
            String entityType,
            String entityId,
            String actor,
            String action,
            Instant from,
            Instant until,
            Long beforeSeq) {}

    /** At most {@code limit} ({@code 1..LIMIT_MAX}) events matching {@code query}, newest first. */
    List<AuditEvent> find(Query query, int limit);
}
