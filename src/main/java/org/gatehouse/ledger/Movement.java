package org.gatehouse.ledger;

import java.time.Instant;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.Tpp;

/**
 * One change of the ledger: {@code tpp} moved out of {@code from} (null: new compute) into {@code to}
 * (null: released), because of {@code cause}, a case event such as {@code application.submitted}.
 */
public record Movement(
        long id,
        ApplicationId applicationId,
        Kind kind,
        LedgerBucket from,
        LedgerBucket to,
        Tpp tpp,
        String cause,
        String actor,
        Instant occurredAt) {

    /** What the movement does (SPEC §5). */
    public enum Kind {
        /** submit: new compute into RESERVED */
        RESERVE,
        /** approve: RESERVED → AUTHORIZED */
        AUTHORIZE,
        /** shipment reported: AUTHORIZED (or RESERVED, for exemptions) → SHIPPED */
        SHIP,
        /** deny, withdraw, return, expiry, revocation: out of the ledger */
        RELEASE,
        /**
         * the position now counts under another company (an officer confirmed a party is a registered company): its
         * compute stays in its bucket ({@code from} = {@code to}) and moves between company rows
         */
        REKEY
    }
}
