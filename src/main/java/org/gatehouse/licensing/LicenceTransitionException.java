package org.gatehouse.licensing;

import org.gatehouse.trade.ConflictException;

/** A change the licence's state does not allow (answered 409, naming the state and where it may go). */
public class LicenceTransitionException extends ConflictException {

    public LicenceTransitionException(LicenceNumber number, LicenceState current, String action) {
        super("cannot " + action + " licence " + number + " in state " + current
                + (current.next().isEmpty()
                        ? " (a final state)"
                        : "; from " + current + " it may go to " + current.next()));
    }

    LicenceTransitionException(String message) {
        super(message);
    }
}
