package org.gatehouse.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends events to the audit chain inside the caller's transaction, so an event commits or rolls
 * back with the change it records. Call it last in the transaction: it holds the chain lock until
 * commit. A transaction that records several changes appends them together with {@link #appendAll}.
 */
@Component
public class AuditLog {

    /** Canonical payloads above this size are refused: audit events describe changes, not documents. */
    public static final int PAYLOAD_BYTES_MAX = 64 * 1024;

    /** Events appended by one call; a bound on the statement size and on the time the lock is held. */
    public static final int BATCH_EVENTS_MAX = 10_000;

    private final AuditRecords records;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditRecords records, JsonMapper json, Clock clock) {
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records {@code entry} as the next event of the chain.
     *
     * @throws IllegalArgumentException if the payload holds a number that JSON canonicalization would
     *     change (an integer beyond ±2^53 − 1 or a non-finite double), a NUL character, or is too large
     * @throws org.springframework.transaction.IllegalTransactionStateException if no transaction is active
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent append(AuditEntry entry) {
        return appendAll(List.of(entry)).getFirst();
    }

    /**
     * Records {@code entries}, in order, as the next events of the chain, with one lock and one insert.
     *
     * @throws IllegalArgumentException as {@link #append}, or for more than {@link #BATCH_EVENTS_MAX} entries
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditEvent> appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty() || entries.size() > BATCH_EVENTS_MAX) {
            throw new IllegalArgumentException(
                    "append 1.." + BATCH_EVENTS_MAX + " events at once, got " + entries.size());
        }
        List<ObjectNode> payloads = new ArrayList<>(entries.size());
        List<String> canonicalPayloads = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            ObjectNode payload = json.valueToTree(entry.payload());
            payloads.add(payload);
            canonicalPayloads.add(canonical(payload));
        }

        // The chain lock (see AuditRecords.lockHead): appends are serialized, the chain never forks.
        AuditRecords.Head head = records.lockHead();

        Instant time = AuditChain.storedTime(clock.instant()); // read under the lock: times follow seq
        List<AuditEvent> events = new ArrayList<>(entries.size());
        String prevHash = head.hash();
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            long seq = head.seq() + 1 + i;
            String hash = AuditChain.hash(
                    prevHash,
                    AuditChain.document(
                            seq,
                            time,
                            entry.actor(),
                            entry.action(),
                            entry.entityType(),
                            entry.entityId(),
                            canonicalPayloads.get(i)));
            events.add(new AuditEvent(
                    seq,
                    time,
                    entry.actor(),
                    entry.action(),
                    entry.entityType(),
                    entry.entityId(),
                    payloads.get(i),
                    prevHash,
                    hash));
            prevHash = hash;
        }

        records.append(events, canonicalPayloads);
        return events;
    }

    /** The payload's canonical text, as stored and hashed, after checking it can be stored exactly. */
    private static String canonical(ObjectNode payload) {
        if (!CanonicalJson.hasOnlyExactNumbers(payload)) {
            throw new IllegalArgumentException("audit payload numbers must be integers within ±(2^53 - 1) or"
                    + " finite doubles; send exact values as strings");
        }
        String canonical = CanonicalJson.write(payload);
        if (canonical.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("audit payload must not contain NUL characters");
        }
        if (canonical.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_BYTES_MAX) {
            throw new IllegalArgumentException("audit payload exceeds " + PAYLOAD_BYTES_MAX + " bytes");
        }
        return canonical;
    }
}
