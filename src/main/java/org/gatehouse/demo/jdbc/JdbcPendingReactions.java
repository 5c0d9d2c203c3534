package org.gatehouse.demo.jdbc;

import org.gatehouse.demo.PendingReactions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts the incomplete rows of {@code event_publication} (V005). */
@Repository
@ConditionalOnExpression("${gatehouse.demo:false} and ${gatehouse.demo-world:true}")
class JdbcPendingReactions implements PendingReactions {

    private final JdbcClient jdbc;

    JdbcPendingReactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long incomplete() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class)
                .single();
    }
}
