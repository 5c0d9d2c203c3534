package org.gatehouse.applications.jdbc;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationFilter;
import org.gatehouse.applications.ApplicationIndex;
import org.gatehouse.applications.ApplicationSort;
import org.gatehouse.trade.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sorted and streamed reads of {@code application}, mapped by {@link JdbcApplications}. ORDER BY cannot be a
 * parameter, so each order is its own fixed statement, built once from the constant column names below.
 */
@Repository
class JdbcApplicationIndex implements ApplicationIndex {

    private static final String WHERE = """
            WHERE state <> 'DISCARDED'
              AND (CAST(:org AS uuid) IS NULL OR organization_id = :org)
              AND (CAST(:state AS text) IS NULL OR state = :state)
              AND (CAST(:tier AS text) IS NULL OR tier = :tier)
              AND (CAST(:destination AS text) IS NULL OR destination = :destination)
              AND (CAST(:company AS text) IS NULL OR company_key = :company)
              AND (NOT :submittedOnly OR submitted_at IS NOT NULL)
            """;

    /** One statement per order and direction. */
    private static final Map<ApplicationSort, String[]> LIST = new EnumMap<>(ApplicationSort.class);

    static {
        for (ApplicationSort sort : ApplicationSort.values()) {
            String column = switch (sort) {
                case CREATED -> "created_at";
                case UPDATED -> "updated_at";
                case SUBMITTED -> "submitted_at";
                case STATE -> "state";
                case DESTINATION -> "destination";
                case COMPANY -> "company_key";
                case REFERENCE -> "reference";
            };
            LIST.put(sort, new String[] {list(column + " ASC NULLS LAST, id"), list(column + " DESC NULLS LAST, id")});
        }
    }

    /**
     * The page's ids are chosen first, on the narrow columns, and only its rows are read whole: converting every
     * matching row's JSON to text before sorting them made a page of 25 cost as much as reading them all.
     */
    private static String list(String order) {
        return JdbcApplications.SELECT + "\nWHERE id IN (SELECT id FROM application\n" + WHERE + "ORDER BY " + order
                + " LIMIT :limit OFFSET :offset)\nORDER BY " + order;
    }

    private static final String PENDING = JdbcApplications.SELECT + """

            WHERE state IN ('SUBMITTED', 'IN_REVIEW', 'REFERRED', 'HELD_WITHOUT_ACTION')
            ORDER BY submitted_at, id
            LIMIT :limit""";

    /** Rows fetched per round trip while streaming the pipeline. */
    private static final int FETCH_ROWS = 500;

    private final JdbcClient jdbc;
    private final JdbcApplications applications;

    JdbcApplicationIndex(JdbcClient jdbc, JdbcApplications applications) {
        this.jdbc = jdbc;
        this.applications = applications;
    }

    @Override
    public List<Application> list(
            ApplicationFilter filter, boolean submittedOnly, ApplicationSort sort, boolean descending, Paging paging) {
        return jdbc.sql(LIST.get(sort)[descending ? 1 : 0])
                .param(
                        "org",
                        filter.organizationId() == null
                                ? null
                                : filter.organizationId().value())
                .param("state", filter.state() == null ? null : filter.state().name())
                .param("tier", filter.tier() == null ? null : filter.tier().name())
                .param(
                        "destination",
                        filter.destination() == null
                                ? null
                                : filter.destination().value())
                .param("company", filter.companyKey())
                .param("submittedOnly", submittedOnly)
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(applications::row)
                .list();
    }

    @Override
    public long forEachPending(int max, Consumer<Application> each) {
        long[] count = {0};
        try (Stream<Application> rows =
                jdbc.sql(PENDING).withFetchSize(FETCH_ROWS).param("limit", max + 1).query(applications::row).stream()) {
            rows.forEach(application -> {
                if (++count[0] <= max) {
                    each.accept(application);
                }
            });
        }
        return count[0];
    }
}
