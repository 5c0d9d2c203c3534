package org.gatehouse.identity;

import org.gatehouse.trade.Text;

/** An organization's name: unique regardless of case, 1..200 characters. */
public record OrganizationName(String value) {

    public static final int LENGTH_MAX = 200;

    public OrganizationName {
        value = Text.required(value, LENGTH_MAX);
    }

    @Override
    public String toString() {
        return value;
    }
}
