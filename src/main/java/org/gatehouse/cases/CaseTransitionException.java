package org.gatehouse.cases;

import org.gatehouse.trade.ConflictException;

/** A step the review workflow does not allow from the case's current state (answered 409, naming the state). */
public class CaseTransitionException extends ConflictException {

    public CaseTransitionException(CaseState current, String action) {
        super("cannot " + action + " a case in state " + current
                + (current.next().isEmpty()
                        ? " (a final state)"
                        : "; from " + current + " it may go to " + current.next()));
    }
}
