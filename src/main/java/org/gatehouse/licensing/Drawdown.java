package org.gatehouse.licensing;

/**
 * What one reported line took from one line of a licence or an exemption.
 *
 * @param reportLine the position of the reported line, from 0 (as in {@code lines[0]})
 * @param line the number of the licence's (or exemption's) line it was drawn from
 * @param tpp the ledger compute of those units (0 for an item that is not controlled)
 */
public record Drawdown(int reportLine, int line, String item, long quantity, long tpp) {

    public Drawdown {
        if (quantity < 1) {
            throw new IllegalArgumentException("a drawdown takes at least one unit, got " + quantity);
        }
        if (tpp < 0) {
            throw new IllegalArgumentException("TPP must not be negative, got " + tpp);
        }
    }
}
