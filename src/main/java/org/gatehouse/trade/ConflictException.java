package org.gatehouse.trade;

import java.util.List;

/**
 * The request clashes with the current state (a duplicate name, a stale version, a step the workflow does not allow
 * now); answered as 409, with each reason listed when there are several.
 */
public class ConflictException extends RuntimeException {

    private final List<String> reasons;

    public ConflictException(String message) {
        this(message, List.of());
    }

    public ConflictException(String message, List<String> reasons) {
        super(message);
        this.reasons = List.copyOf(reasons);
    }

    /** Each reason on its own, or empty when the message says it all. */
    public List<String> reasons() {
        return reasons;
    }
}
