package org.gatehouse.identity;

import org.gatehouse.trade.CanonicalName;
import org.gatehouse.trade.Text;

/**
 * An organization's name, 1..200 characters, unique by its {@link #key() canonical key}: "Rival Chips Ltd" written
 * with a Cyrillic "а", a zero-width space or two spaces is the same name, not a new organization.
 */
public record OrganizationName(String value) {

    public static final int LENGTH_MAX = 200;

    public OrganizationName {
        value = Text.required(value, LENGTH_MAX);
        if (CanonicalName.key(value).isEmpty()) {
            throw new IllegalArgumentException("must contain a letter or a digit");
        }
    }

    /** What names are compared by (see {@link CanonicalName}). */
    public String key() {
        return CanonicalName.key(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
