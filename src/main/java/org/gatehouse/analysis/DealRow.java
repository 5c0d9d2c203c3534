package org.gatehouse.analysis;

import org.gatehouse.policy.Deal;

/** One data row of a deal file: the application it describes, or why it cannot be read. */
public sealed interface DealRow {

    /** Data row number, the first row after the header being 1. */
    long row();

    /** A row read into an application. */
    record Read(long row, Deal deal) implements DealRow {}

    /**
     * A row that cannot be assessed; {@code id} is {@code null} when the row has none, {@code line} is where it starts
     * in the file.
     */
    record Unreadable(long row, long line, String id, String error) implements DealRow {}
}
