package org.gatehouse.identity;

/** A user's name as people read it ("Dana Whitfield"), 1..200 characters. */
public record DisplayName(String value) {

    public static final int LENGTH_MAX = 200;

    public DisplayName {
        Text.require(value, LENGTH_MAX);
    }

    @Override
    public String toString() {
        return value;
    }
}
