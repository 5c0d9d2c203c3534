package org.gatehouse.ledger;

/** A ledger change that would break an invariant (a negative bucket, a second reservation); nothing was changed. */
public class LedgerException extends RuntimeException {

    public LedgerException(String message) {
        super(message);
    }
}
