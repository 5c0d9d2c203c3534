package org.gatehouse.trade;

/** The request clashes with the current state (a duplicate name, a stale version); answered as 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
