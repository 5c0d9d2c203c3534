package org.gatehouse.trade;

/**
 * A bounded page of a list: at most {@link #LIMIT_MAX} rows from {@code offset}. Every list of the
 * API is paged so that no request can ask the database for an unbounded result.
 *
 * @param limit rows wanted, 1..{@value #LIMIT_MAX}
 * @param offset rows skipped, 0..{@value #OFFSET_MAX}
 */
public record Paging(int limit, int offset) {

    public static final int LIMIT_DEFAULT = 50;
    public static final int LIMIT_MAX = 200;
    /** Deep offsets make PostgreSQL read and discard rows; lists this long need a filter instead. */
    public static final int OFFSET_MAX = 100_000;

    public Paging {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + LIMIT_MAX + ", got " + limit);
        }
        if (offset < 0 || offset > OFFSET_MAX) {
            throw new IllegalArgumentException("offset must be 0.." + OFFSET_MAX + ", got " + offset);
        }
    }

    public static Paging first(int limit) {
        return new Paging(limit, 0);
    }

    /** From optional query parameters, naming the parameter that is out of range. */
    public static Paging of(Integer limit, Integer offset) {
        InputCheck check = new InputCheck();
        int l = limit == null ? LIMIT_DEFAULT : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > LIMIT_MAX) {
            check.reject("limit", "must be 1.." + LIMIT_MAX + ", got " + l);
        }
        if (o < 0 || o > OFFSET_MAX) {
            check.reject("offset", "must be 0.." + OFFSET_MAX + ", got " + o);
        }
        check.throwIfInvalid();
        return new Paging(l, o);
    }
}
