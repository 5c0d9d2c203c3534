package org.gatehouse.trade;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code (upper case), as used for destinations and country groups. */
public record CountryCode(String value) {

    /** Number of possible two-letter codes: the size of arrays indexed by {@link #index()}. */
    public static final int INDEX_SIZE = 26 * 26;

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());
    private static final CountryCode[] BY_INDEX = new CountryCode[INDEX_SIZE];

    static {
        for (String code : ISO_CODES) {
            CountryCode country = new CountryCode(code);
            BY_INDEX[country.index()] = country;
        }
    }

    public CountryCode {
        if (value == null || !ISO_CODES.contains(value)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + quote(value));
        }
    }

    /**
     * The country with this code, which must already be upper-case ISO (surrounding spaces allowed); the lookup
     * allocates nothing, so parsing millions of rows stays cheap.
     */
    public static CountryCode of(String code) {
        if (code != null) {
            String c = code.strip();
            if (c.length() == 2) {
                int i = indexOf(c.charAt(0), c.charAt(1));
                if (i >= 0 && BY_INDEX[i] != null) {
                    return BY_INDEX[i];
                }
            }
        }
        throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + quote(code));
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 code. */
    public static boolean isValid(String code) {
        return code != null && ISO_CODES.contains(code);
    }

    /** All ISO 3166-1 alpha-2 countries. */
    public static java.util.List<CountryCode> all() {
        return java.util.Arrays.stream(BY_INDEX)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Position of this code among all two-letter codes: a dense array index. */
    public int index() {
        return indexOf(value.charAt(0), value.charAt(1));
    }

    private static int indexOf(char a, char b) {
        if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
            return -1;
        }
        return (a - 'A') * 26 + (b - 'A');
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Override
    public String toString() {
        return value;
    }
}
