package org.gatehouse.applications;

import java.util.Optional;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.OrganizationId;

/**
 * The {@code Idempotency-Key}s of create and submit (implemented over SQL in {@code jdbc/}): the first request with a
 * key claims it and does the work; a retry gets what the first one produced.
 *
 * <p>The claim is an insert on the key's primary key. While the first request's transaction is open, the database
 * makes a concurrent claim of the same key wait; when the first commits, the retry's claim finds it and reads the
 * result; when the first rolls back (an error), the retry claims the key and does the work itself.
 */
public interface IdempotencyKeys {

    /** What an earlier request with the same key recorded. */
    record Earlier(String requestSha256, ApplicationId application) {}

    /** Claims the key; empty when this request is the first to use it, else what the first one recorded. */
    Optional<Earlier> claim(OrganizationId organization, String operation, String key, String requestSha256);

    /** Records what the request that claimed the key produced, in its transaction. */
    void complete(OrganizationId organization, String operation, String key, ApplicationId application);
}
