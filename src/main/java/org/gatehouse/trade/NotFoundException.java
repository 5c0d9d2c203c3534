package org.gatehouse.trade;

/**
 * The record does not exist or the caller may not see it: the two are answered alike (404), so
 * guessing ids reveals nothing about other organizations' records.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
