package org.gatehouse;

import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for the reactions to domain events (listeners in other modules run after the commit, in transactions of their
 * own, and audit what they do): a test that compares counts of rows or audit events before and after a request waits
 * for them first, so that only the request under test moves the counts.
 */
public final class Reactions {

    /** Longest wait: a listener that has not finished by then has failed (its publication stays incomplete). */
    private static final long WAIT_SECONDS_MAX = 20;

    private Reactions() {}

    /** Returns once Spring Modulith's registry holds no incomplete event publication (or after the longest wait). */
    public static void await(JdbcClient jdbc) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS_MAX);
        while (jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                                .query(Long.class)
                                .single()
                        > 0
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
