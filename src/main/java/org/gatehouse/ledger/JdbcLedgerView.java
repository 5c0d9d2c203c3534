package org.gatehouse.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.policy.LedgerView;
import org.gatehouse.policy.MeasureKey;
import org.gatehouse.policy.Outcome;
import org.gatehouse.policy.Policy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger as the assessor reads it: the TPP already counted for a measure's key, summed over
 * the positions the measure's key, window, buckets and outcomes select. Any policy's measure is
 * answered by one indexed query, so a new policy needs no new table or code.
 */
final class JdbcLedgerView implements LedgerView {

    private final JdbcClient jdbc;

    JdbcLedgerView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countedTpp(Policy.Measure measure, MeasureKey key, LocalDate date) {
        List<String> buckets = new ArrayList<>(3);
        for (Policy.Bucket bucket : measure.buckets()) {
            buckets.add(LedgerBucket.valueOf(bucket.name()).column());
        }
        List<String> outcomes = new ArrayList<>(2);
        if (measure.counts(Outcome.EXEMPT)) {
            outcomes.add("'EXEMPT'");
        }
        if (measure.counts(Outcome.LICENSE_REQUIRED)) {
            outcomes.add("'LICENSE_REQUIRED'");
        }
        if (buckets.isEmpty() || outcomes.isEmpty()) {
            return 0;
        }
        // Column and outcome names come from enums, never from input; key values are parameters.
        StringBuilder sql = new StringBuilder("SELECT coalesce(sum(")
                .append(String.join(" + ", buckets))
                .append("), 0) FROM ledger_position WHERE outcome IN (")
                .append(String.join(", ", outcomes))
                .append(')');
        Map<String, Object> parameters = new HashMap<>();
        if (key.endUserParent() != null) {
            sql.append(" AND parent_key = :parent");
            parameters.put("parent", key.endUserParent());
        }
        if (key.endUser() != null) {
            sql.append(" AND end_user_key = :endUser");
            parameters.put("endUser", key.endUser());
        }
        if (key.destination() != null) {
            sql.append(" AND destination = :destination");
            parameters.put("destination", key.destination().value());
        }
        switch (measure.window()) {
            case NONE -> {}
            case CALENDAR_YEAR -> {
                sql.append(" AND assessed_on >= :from AND assessed_on <= :until");
                parameters.put("from", LocalDate.of(key.year(), 1, 1));
                parameters.put("until", LocalDate.of(key.year(), 12, 31));
            }
            case ROLLING_MONTHS -> {
                // As the in-memory ledger: after the day N months back, up to and including the date.
                sql.append(" AND assessed_on > :from AND assessed_on <= :until");
                parameters.put("from", date.minusMonths(measure.windowMonths()));
                parameters.put("until", date);
            }
        }
        return jdbc.sql(sql.toString()).params(parameters).query(Long.class).single();
    }
}
