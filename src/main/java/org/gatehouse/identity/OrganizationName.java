package org.gatehouse.identity;

/** An organization's name: unique regardless of case, 1..200 characters. */
public record OrganizationName(String value) {

    public static final int LENGTH_MAX = 200;

    public OrganizationName {
        Text.require(value, LENGTH_MAX);
    }

    @Override
    public String toString() {
        return value;
    }
}
