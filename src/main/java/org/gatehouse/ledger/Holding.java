package org.gatehouse.ledger;

import org.gatehouse.trade.Tpp;

/** What one application holds in each bucket of the ledger. */
public record Holding(Tpp reserved, Tpp authorized, Tpp shipped) {

    /** The amount in {@code bucket}. */
    public Tpp in(LedgerBucket bucket) {
        return switch (bucket) {
            case RESERVED -> reserved;
            case AUTHORIZED -> authorized;
            case SHIPPED -> shipped;
        };
    }
}
