package org.gatehouse.audit;

import java.util.List;

/**
 * Where the audit chain is kept (implemented over SQL in {@code jdbc/}): the events and the head of the chain.
 */
public interface AuditRecords {

    /** The last event's sequence number and hash. */
    record Head(long seq, String hash) {}

    /**
     * Reads the head of the chain and locks it until the transaction ends. Every appender takes this lock, so appends
     * are serialized: a second transaction waits until the first commits (then reads its new head) or rolls back (then
     * reads the unchanged head), so two events never share a predecessor and a rolled-back append leaves no gap.
     */
    Head lockHead();

    /**
     * Inserts {@code events} (consecutive, after the locked head) and moves the head onto the last of them.
     *
     * @param canonicalPayloads the stored (and hashed) text of each event's payload, in the same order
     */
    void append(List<AuditEvent> events, List<String> canonicalPayloads);
}
