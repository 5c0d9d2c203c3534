package org.gatehouse.agreements;

import org.gatehouse.trade.ConflictException;

/** A step an agreement does not allow from its current status (answered 409, naming the status). */
public class AgreementTransitionException extends ConflictException {

    public AgreementTransitionException(AgreementStatus current, String action) {
        super("cannot " + action + " an agreement in status " + current
                + (current.next().isEmpty()
                        ? " (a final status)"
                        : "; from " + current + " it may go to " + current.next()));
    }
}
