package org.gatehouse.licensing;

/** What a report did: the record, and whether it answers a retry of an earlier request (same Idempotency-Key). */
public record Handled<T>(T record, boolean replayed) {}
