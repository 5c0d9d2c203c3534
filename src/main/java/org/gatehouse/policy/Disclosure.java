package org.gatehouse.policy;

import java.util.List;

/**
 * How much of the ledger's count an assessment shows its reader. The licensing authority sees every measure whole;
 * an exporter (or anyone outside the authority) sees only its own organization's filings in it: the others are
 * counted, and decide the tier, but their figures are not theirs to read.
 */
public sealed interface Disclosure permits Disclosure.Everything, Disclosure.OwnFilings {

    /** Every figure. */
    Disclosure EVERYTHING = new Everything();

    /** Every figure of every measure: for the authority's roles. */
    record Everything() implements Disclosure {}

    /**
     * Only the reader's organization's part of what each measure already counted.
     *
     * @param ownBeforeTpp per evaluated measure (in the order of {@link Assessment.Facts#tallies()}), the TPP of the
     *     reader's organization's earlier filings that it counts
     */
    record OwnFilings(List<Long> ownBeforeTpp) implements Disclosure {

        public OwnFilings {
            ownBeforeTpp = List.copyOf(ownBeforeTpp);
        }
    }
}
