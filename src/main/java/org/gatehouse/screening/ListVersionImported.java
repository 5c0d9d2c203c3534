package org.gatehouse.screening;

/**
 * A new list version was imported and is active: open cases, granted pre-approvals and licensed applications are to be
 * screened again against it. Published in the import's transaction, through the event publication registry, so that
 * a crash before the re-screening finishes does not lose it.
 */
public record ListVersionImported(long versionId, String source) {}
