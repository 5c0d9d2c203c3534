package org.gatehouse.preapproval;

import org.gatehouse.trade.ConflictException;

/** A step a pre-approval does not allow from its current state (answered 409, naming the state). */
public class PreApprovalTransitionException extends ConflictException {

    public PreApprovalTransitionException(PreApprovalState current, String action) {
        super("cannot " + action + " a pre-approval in state " + current
                + (current.next().isEmpty()
                        ? " (a final state)"
                        : "; from " + current + " it may go to " + current.next()));
    }
}
