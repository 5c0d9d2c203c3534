package org.gatehouse.audit;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recorded audit event: an {@link AuditEntry} with its place in the chain.
 *
 * @param seq position in the log, 1, 2, 3, … without gaps
 * @param time when it was appended (microsecond precision, as stored)
 * @param prevHash the hash of event {@code seq - 1} (64 zeros for the first)
 * @param hash {@code SHA-256(prevHash ‖ canonical JSON of this event)}, hex
 */
public record AuditEvent(
        long seq,
        Instant time,
        String actor,
        String action,
        String entityType,
        String entityId,
        ObjectNode payload,
        String prevHash,
        String hash) {}
