package org.gatehouse.cases;

/**
 * Issues the licence of an approved case (implemented by the licensing module): called by the decision, in its
 * transaction, after the ledger moved the case's compute from RESERVED to AUTHORIZED, so an approval and its licence
 * commit or fail together.
 */
public interface LicenceIssuer {

    /** Issues the licence and returns its number (such as {@code GH-2026-000123}). */
    String issue(ApprovedCase approved);
}
