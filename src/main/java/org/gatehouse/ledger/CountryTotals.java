package org.gatehouse.ledger;

/**
 * Compute in one country (or held by one company in one country), per bucket, in exact TPP.
 *
 * @param destination ISO 3166-1 alpha-2 code
 * @param company the ultimate parent's name, or null for a whole country
 */
public record CountryTotals(String destination, String company, long reservedTpp, long authorizedTpp, long shippedTpp) {

    /** A country where nothing was ever recorded. */
    public static CountryTotals none(String destination) {
        return new CountryTotals(destination, null, 0, 0, 0);
    }

    /** Everything the measures count: pending, authorized and shipped. */
    public long totalTpp() {
        return Math.addExact(Math.addExact(reservedTpp, authorizedTpp), shippedTpp);
    }
}
