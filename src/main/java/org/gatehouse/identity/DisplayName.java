package org.gatehouse.identity;

import org.gatehouse.trade.Text;

/** A user's name as people read it ("Dana Whitfield"), 1..200 characters. */
public record DisplayName(String value) {

    public static final int LENGTH_MAX = 200;

    public DisplayName {
        value = Text.required(value, LENGTH_MAX);
    }

    @Override
    public String toString() {
        return value;
    }
}
