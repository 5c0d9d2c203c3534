package org.gatehouse.applications;

import org.gatehouse.trade.ConflictException;

/** A state change the workflow does not allow from the current state (answered 409, naming the state). */
public class InvalidTransitionException extends ConflictException {

    public InvalidTransitionException(ApplicationState current, String action) {
        super("cannot " + action + " an application in state " + current
                + (current.next().isEmpty()
                        ? " (a final state)"
                        : "; from " + current + " it may go to " + current.next()));
    }
}
