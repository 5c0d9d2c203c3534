package org.gatehouse.ledger;

/** Where compute stands in the ledger (SPEC §5). */
public enum LedgerBucket {
    /** Pending applications. */
    RESERVED,
    /** Active licences, not yet shipped. */
    AUTHORIZED,
    /** Shipped under licences or exemptions: the installed base. */
    SHIPPED
}
