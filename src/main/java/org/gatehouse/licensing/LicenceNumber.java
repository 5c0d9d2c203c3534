package org.gatehouse.licensing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The number a licence is known by ({@code GH-2026-000123}): the year of issue and a database sequence, zero-padded to
 * six digits. Sequences never hand out a value twice, even when the transaction that drew it rolls back, so a number
 * is never reused.
 */
public record LicenceNumber(String value) {

    /** The largest serial a number may carry: twelve digits leave room for a million licences a day for a century. */
    public static final long SERIAL_MAX = 999_999_999_999L;

    private static final Pattern FORMAT = Pattern.compile("GH-[0-9]{4}-[0-9]{6,12}");

    public LicenceNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a licence number such as GH-2026-000123");
        }
    }

    /** The number of the {@code serial}-th licence, issued in {@code year}. */
    public static LicenceNumber of(int year, long serial) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year of issue must have four digits, got " + year);
        }
        if (serial < 1 || serial > SERIAL_MAX) {
            throw new IllegalArgumentException("serial must be 1.." + SERIAL_MAX + ", got " + serial);
        }
        return new LicenceNumber(String.format(Locale.ROOT, "GH-%04d-%06d", year, serial));
    }

    /** Parses client input (a path segment); refuses anything but a licence number. */
    public static LicenceNumber parse(String text) {
        if (text == null || text.length() > 20) {
            throw new IllegalArgumentException("must be a licence number such as GH-2026-000123");
        }
        return new LicenceNumber(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
