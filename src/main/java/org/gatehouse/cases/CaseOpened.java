package org.gatehouse.cases;

import org.gatehouse.trade.ApplicationId;

/**
 * A case opened for a submitted application: for the modules that have something to raise on it once it exists (the
 * screening module's possible second spelling of a registered company). Published in the opening's transaction,
 * through the event publication registry.
 */
public record CaseOpened(ApplicationId applicationId) {}
